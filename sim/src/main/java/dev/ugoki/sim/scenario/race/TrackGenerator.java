package dev.ugoki.sim.scenario.race;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates closed race tracks from a seed: straights joined by circular corners, with hairpins,
 * chicanes and long straights, and a width that varies smoothly along the lap.
 *
 * <p>Construction: corner points at increasing angles around the origin with random radii (a
 * star-shaped polygon, so the outline never crosses itself), sometimes a deep inward bay (a
 * hairpin) and an S-bend inserted into the longest edge (a chicane); every corner is rounded by a
 * circular arc tangent to both edges, which makes the centerline smooth (its heading is
 * continuous). A candidate is rejected, and another drawn from the same random stream, when a
 * corner cannot be rounded with at least {@link #minCornerRadiusM(Params)} or when two parts of the
 * track that are far apart along the lap come closer than their half-widths plus a strip of grass:
 * so the edges never cross themselves or each other, and every generated track is drivable. The
 * same seed always gives the same track.
 */
public final class TrackGenerator {
  /** Grass kept between two stretches of track that are far apart along the lap [m]. */
  static final double GAP_M = 3;

  /** Centerline sample spacing on straights [m]. */
  private static final double SAMPLE_M = 2;

  /** Largest corner turn [rad]: sharper corners would need very long tangents. */
  private static final double MAX_TURN_RAD = Math.toRadians(165);

  private static final int MAX_ATTEMPTS = 500;

  /**
   * @param radiusM typical distance of the track from its middle [m]
   * @param widthMinM narrowest track width [m]
   * @param widthMaxM widest track width [m]
   */
  public record Params(double radiusM, double widthMinM, double widthMaxM) {
    public Params {
      if (!(radiusM >= 40)
          || !(widthMinM >= 4)
          || !(widthMaxM >= widthMinM)
          || widthMaxM > radiusM / 4) {
        throw new IllegalArgumentException(
            "invalid track parameters: radius "
                + radiusM
                + " m, width "
                + widthMinM
                + ".."
                + widthMaxM
                + " m (need radius >= 40, width >= 4, "
                + "width_min <= width_max <= radius / 4)");
      }
    }
  }

  private TrackGenerator() {}

  /** The tightest corner radius a track with these parameters may have [m]. */
  public static double minCornerRadiusM(Params p) {
    return Math.max(10, p.widthMaxM() / 2 + 4);
  }

  public static Track generate(long seed, Params p) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Track t = tryBuild(seed, random, p);
      if (t != null) {
        return t;
      }
    }
    throw new IllegalStateException(
        "no valid track for seed " + seed + " in " + MAX_ATTEMPTS + " attempts with " + p);
  }

  private static Track tryBuild(long seed, SplittableRandom random, Params p) {
    List<double[]> corners = cornerPoints(random, p);
    int m = corners.size();
    double rMin = minCornerRadiusM(p);
    double rMax = Math.max(rMin, 0.45 * p.radiusM());

    double[] turn = new double[m];
    double[] radius = new double[m];
    double[] edge = new double[m]; // edge i runs from corner i to corner i + 1
    for (int i = 0; i < m; i++) {
      double[] a = corners.get(i);
      double[] b = corners.get((i + 1) % m);
      edge[i] = Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    for (int i = 0; i < m; i++) {
      double[] prev = corners.get((i + m - 1) % m);
      double[] c = corners.get(i);
      double[] next = corners.get((i + 1) % m);
      double inX = c[0] - prev[0];
      double inY = c[1] - prev[1];
      double outX = next[0] - c[0];
      double outY = next[1] - c[1];
      turn[i] = Math.atan2(inX * outY - inY * outX, inX * outX + inY * outY);
      if (Math.abs(turn[i]) > MAX_TURN_RAD) {
        return null;
      }
      double tanHalf = Math.tan(Math.abs(turn[i]) / 2);
      double wanted = rMin + (rMax - rMin) * Math.pow(random.nextDouble(), 1.5);
      double fits =
          tanHalf > 1e-9
              ? Math.min(edge[(i + m - 1) % m], edge[i]) / 2 / tanHalf
              : Double.POSITIVE_INFINITY;
      radius[i] = Math.min(wanted, fits);
      if (radius[i] < rMin) {
        return null;
      }
    }

    List<double[]> samples = new ArrayList<>(); // x, y, heading, curvature
    for (int i = 0; i < m; i++) {
      double[] prev = corners.get((i + m - 1) % m);
      double[] c = corners.get(i);
      double[] next = corners.get((i + 1) % m);
      double hIn = Math.atan2(c[1] - prev[1], c[0] - prev[0]);
      double hOut = Math.atan2(next[1] - c[1], next[0] - c[0]);
      double tangent = radius[i] * Math.tan(Math.abs(turn[i]) / 2);
      // The arc from the point `tangent` before the corner to the point `tangent` after it.
      double ax = c[0] - Math.cos(hIn) * tangent;
      double ay = c[1] - Math.sin(hIn) * tangent;
      double side = Math.signum(turn[i]);
      double cx = ax - Math.sin(hIn) * radius[i] * side;
      double cy = ay + Math.cos(hIn) * radius[i] * side;
      double arcLen = Math.abs(turn[i]) * radius[i];
      int arcSteps = (int) Math.ceil(arcLen / Math.min(SAMPLE_M, 0.1 * radius[i]));
      for (int k = 0; k < arcSteps && arcLen > 1e-9; k++) {
        double h = hIn + turn[i] * k / arcSteps;
        // Position on the circle: the center plus the radius, perpendicular to the heading.
        double px = cx + Math.sin(h) * radius[i] * side;
        double py = cy - Math.cos(h) * radius[i] * side;
        samples.add(new double[] {px, py, h, side / radius[i]});
      }
      double bx = c[0] + Math.cos(hOut) * tangent;
      double by = c[1] + Math.sin(hOut) * tangent;
      // The straight from this arc's end to the next arc's start.
      double nextTangent = radius[(i + 1) % m] * Math.tan(Math.abs(turn[(i + 1) % m]) / 2);
      double ex = next[0] - Math.cos(hOut) * nextTangent;
      double ey = next[1] - Math.sin(hOut) * nextTangent;
      double straight = Math.hypot(ex - bx, ey - by);
      int steps = Math.max(1, (int) Math.ceil(straight / SAMPLE_M));
      for (int k = 0; k < steps && straight > 1e-9; k++) {
        double f = (double) k / steps;
        samples.add(new double[] {bx + f * (ex - bx), by + f * (ey - by), hOut, 0});
      }
    }

    int n = samples.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] heading = new double[n];
    double[] curvature = new double[n];
    double[] sAlong = new double[n];
    for (int i = 0; i < n; i++) {
      double[] q = samples.get(i);
      x[i] = q[0];
      y[i] = q[1];
      heading[i] = q[2];
      curvature[i] = q[3];
      if (i > 0) {
        sAlong[i] = sAlong[i - 1] + Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
      }
    }
    double length = sAlong[n - 1] + Math.hypot(x[0] - x[n - 1], y[0] - y[n - 1]);
    double[] halfWidth = widthProfile(random, p, sAlong, length);
    if (!wellSeparated(x, y, sAlong, length, halfWidth, rMin)) {
      return null;
    }
    return new Track(seed, x, y, heading, curvature, halfWidth, rMin);
  }

  /** Corner points of a star-shaped polygon, counter-clockwise, with its features. */
  private static List<double[]> cornerPoints(SplittableRandom random, Params p) {
    int m = 6 + random.nextInt(6);
    double[] angle = new double[m];
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      angle[i] = 2 * Math.PI * (i + 0.7 * (random.nextDouble() - 0.5)) / m;
      r[i] = p.radiusM() * (0.55 + 0.45 * random.nextDouble());
    }
    if (random.nextDouble() < 0.5) {
      int bay = random.nextInt(m);
      r[bay] *= 0.45 + 0.25 * random.nextDouble(); // an inward bay: a tight bend against the lap
    }
    List<double[]> pts = new ArrayList<>();
    int hairpin = random.nextDouble() < 0.6 ? random.nextInt(m) : -1;
    for (int i = 0; i < m; i++) {
      if (i == hairpin) {
        addHairpin(random, p, angle[i], pts);
      } else {
        pts.add(new double[] {r[i] * Math.cos(angle[i]), r[i] * Math.sin(angle[i])});
      }
    }
    if (random.nextDouble() < 0.6) {
      insertChicane(random, p, pts);
    }
    return pts;
  }

  /**
   * A tongue that sticks out of the loop: two corners close together far out, which the car takes
   * as one hairpin of about 180 degrees.
   */
  private static void addHairpin(
      SplittableRandom random, Params p, double angle, List<double[]> pts) {
    double reach = p.radiusM() * (1.2 + 0.3 * random.nextDouble());
    double chord = 2.6 * minCornerRadiusM(p) + 10 * random.nextDouble();
    double half = Math.asin(chord / (2 * reach));
    pts.add(new double[] {reach * Math.cos(angle - half), reach * Math.sin(angle - half)});
    pts.add(new double[] {reach * Math.cos(angle + half), reach * Math.sin(angle + half)});
  }

  /** Puts a chicane into the longest edge: a quick jog sideways and back. */
  private static void insertChicane(SplittableRandom random, Params p, List<double[]> pts) {
    int m = pts.size();
    int longest = 0;
    double best = 0;
    for (int i = 0; i < m; i++) {
      double[] a = pts.get(i);
      double[] b = pts.get((i + 1) % m);
      double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len > best) {
        best = len;
        longest = i;
      }
    }
    double[] a = pts.get(longest);
    double[] b = pts.get((longest + 1) % m);
    double ux = (b[0] - a[0]) / best;
    double uy = (b[1] - a[1]) / best;
    double shift =
        (random.nextBoolean() ? 1 : -1) * p.widthMaxM() * (0.7 + 0.5 * random.nextDouble());
    double step = 1.8 * Math.abs(shift);
    double mid = best * (0.4 + 0.2 * random.nextDouble());
    double[] along = {mid - 1.5 * step, mid - 0.5 * step, mid + 0.5 * step, mid + 1.5 * step};
    double[] side = {0, shift, shift, 0};
    if (along[0] < 0.15 * best || along[3] > 0.85 * best) {
      return; // the edge is too short for a chicane
    }
    for (int k = along.length - 1; k >= 0; k--) {
      pts.add(
          longest + 1,
          new double[] {a[0] + ux * along[k] - uy * side[k], a[1] + uy * along[k] + ux * side[k]});
    }
  }

  /** Half-widths along the lap: a smooth wave between the narrowest and widest width. */
  private static double[] widthProfile(
      SplittableRandom random, Params p, double[] s, double length) {
    int waves = 1 + random.nextInt(3);
    double phase = 2 * Math.PI * random.nextDouble();
    double[] hw = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      double f = 0.5 + 0.5 * Math.sin(2 * Math.PI * waves * s[i] / length + phase);
      hw[i] = (p.widthMinM() + (p.widthMaxM() - p.widthMinM()) * f) / 2;
    }
    return hw;
  }

  /**
   * True when every two samples that are further apart along the lap than half a turn of the
   * tightest corner are at least their half-widths plus {@link #GAP_M} apart in the plane. Samples
   * are bucketed in a grid of cells as large as the largest such distance, so only neighbouring
   * cells are compared.
   */
  private static boolean wellSeparated(
      double[] x, double[] y, double[] s, double length, double[] halfWidth, double rMin) {
    double nearAlong = Math.PI * rMin + 2 * SAMPLE_M;
    double maxHalf = 0;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      maxHalf = Math.max(maxHalf, halfWidth[i]);
      minX = Math.min(minX, x[i]);
      minY = Math.min(minY, y[i]);
      maxX = Math.max(maxX, x[i]);
      maxY = Math.max(maxY, y[i]);
    }
    double cell = 2 * maxHalf + GAP_M;
    int cols = (int) ((maxX - minX) / cell) + 1;
    int rows = (int) ((maxY - minY) / cell) + 1;
    int[] head = new int[cols * rows];
    java.util.Arrays.fill(head, -1);
    int[] next = new int[x.length];
    int[] cellOf = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = (int) ((x[i] - minX) / cell) + cols * (int) ((y[i] - minY) / cell);
      cellOf[i] = c;
      next[i] = head[c];
      head[c] = i;
    }
    for (int i = 0; i < x.length; i++) {
      int ci = cellOf[i] % cols;
      int ri = cellOf[i] / cols;
      for (int r = Math.max(0, ri - 1); r <= Math.min(rows - 1, ri + 1); r++) {
        for (int c = Math.max(0, ci - 1); c <= Math.min(cols - 1, ci + 1); c++) {
          for (int j = head[r * cols + c]; j >= 0; j = next[j]) {
            if (j <= i) {
              continue;
            }
            double along = s[j] - s[i];
            if (along <= nearAlong || length - along <= nearAlong) {
              continue;
            }
            double need = halfWidth[i] + halfWidth[j] + GAP_M;
            double dx = x[i] - x[j];
            double dy = y[i] - y[j];
            if (dx * dx + dy * dy < need * need) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }
}
