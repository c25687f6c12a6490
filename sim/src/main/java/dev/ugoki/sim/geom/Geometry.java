package dev.ugoki.sim.geom;

/** Closed-form 2D primitives on plain doubles, allocation-free for the hot paths. */
public final class Geometry {
  private Geometry() {}

  /** z of the cross product (ax, ay) x (bx, by). */
  public static double cross(double ax, double ay, double bx, double by) {
    return ax * by - ay * bx;
  }

  /** Squared distance from point p to segment ab. */
  public static double pointSegmentDist2(
      double px, double py, double ax, double ay, double bx, double by) {
    double ex = bx - ax;
    double ey = by - ay;
    double len2 = ex * ex + ey * ey;
    double u = len2 > 0 ? ((px - ax) * ex + (py - ay) * ey) / len2 : 0;
    u = u < 0 ? 0 : (u > 1 ? 1 : u);
    double dx = ax + u * ex - px;
    double dy = ay + u * ey - py;
    return dx * dx + dy * dy;
  }

  /** True when the closed segments ab and cd share a point. */
  public static boolean segmentsIntersect(
      double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
    double d1 = cross(dx - cx, dy - cy, ax - cx, ay - cy);
    double d2 = cross(dx - cx, dy - cy, bx - cx, by - cy);
    double d3 = cross(bx - ax, by - ay, cx - ax, cy - ay);
    double d4 = cross(bx - ax, by - ay, dx - ax, dy - ay);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
      return true;
    }
    return (d1 == 0 && onSegment(cx, cy, dx, dy, ax, ay))
        || (d2 == 0 && onSegment(cx, cy, dx, dy, bx, by))
        || (d3 == 0 && onSegment(ax, ay, bx, by, cx, cy))
        || (d4 == 0 && onSegment(ax, ay, bx, by, dx, dy));
  }

  private static boolean onSegment(
      double ax, double ay, double bx, double by, double px, double py) {
    return Math.min(ax, bx) <= px
        && px <= Math.max(ax, bx)
        && Math.min(ay, by) <= py
        && py <= Math.max(ay, by);
  }

  /** Squared distance between segments ab and cd (zero when they cross). */
  public static double segmentSegmentDist2(
      double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
    if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) {
      return 0;
    }
    return Math.min(
        Math.min(
            pointSegmentDist2(ax, ay, cx, cy, dx, dy), pointSegmentDist2(bx, by, cx, cy, dx, dy)),
        Math.min(
            pointSegmentDist2(cx, cy, ax, ay, bx, by), pointSegmentDist2(dx, dy, ax, ay, bx, by)));
  }

  /**
   * Distance along the unit ray o + t d to segment ab, or {@code Double.POSITIVE_INFINITY} when the
   * ray misses it. Parallel segments count as missed.
   */
  public static double raySegment(
      double ox, double oy, double dx, double dy, double ax, double ay, double bx, double by) {
    double ex = bx - ax;
    double ey = by - ay;
    double denom = cross(dx, dy, ex, ey);
    if (denom == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double wx = ax - ox;
    double wy = ay - oy;
    double t = cross(wx, wy, ex, ey) / denom;
    double u = cross(wx, wy, dx, dy) / denom;
    return t >= 0 && u >= 0 && u <= 1 ? t : Double.POSITIVE_INFINITY;
  }

  /** Even-odd point-in-polygon test for a polygon stored as {@code x0, y0, x1, y1, ...}. */
  public static boolean insidePolygon(double px, double py, double[] xy) {
    boolean inside = false;
    int n = xy.length / 2;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = xy[2 * i];
      double yi = xy[2 * i + 1];
      double xj = xy[2 * j];
      double yj = xy[2 * j + 1];
      if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** The angle wrapped into [-pi, pi). */
  public static double wrapAngle(double a) {
    if (a >= -Math.PI && a < Math.PI) {
      return a; // exact: most angles are already in range
    }
    double w = (a + Math.PI) % (2 * Math.PI);
    if (w < 0) {
      w += 2 * Math.PI;
    }
    return w - Math.PI;
  }

  /** {@code v} held to [lo, hi], as a float: an observation channel (NaN stays NaN). */
  public static float clamp(double v, double lo, double hi) {
    return (float) (v < lo ? lo : (v > hi ? hi : v));
  }

  /**
   * Writes to {@code out[i]} and {@code out[i + 1]} the cosine and sine of the bearing of (dx, dy)
   * seen from {@code heading} [rad] (straight ahead when the vector is zero); returns {@code i +
   * 2}.
   */
  public static int writeBearing(float[] out, int i, double dx, double dy, double heading) {
    double len = Math.hypot(dx, dy);
    if (len < 1e-9) {
      out[i] = 1;
      out[i + 1] = 0;
      return i + 2;
    }
    double ch = Math.cos(heading);
    double sh = Math.sin(heading);
    // The vector turned into the body frame, so the bearing needs no atan2.
    out[i] = clamp((dx * ch + dy * sh) / len, -1, 1);
    out[i + 1] = clamp((dy * ch - dx * sh) / len, -1, 1);
    return i + 2;
  }
}
