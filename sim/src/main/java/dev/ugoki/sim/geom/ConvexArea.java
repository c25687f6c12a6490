package dev.ugoki.sim.geom;

/**
 * Exact areas of convex polygons and of their intersections, on flat arrays {@code x0, y0, x1, y1,
 * ...} of counter-clockwise vertices. The intersection clips one polygon by each edge of the other
 * (Sutherland-Hodgman, exact for convex clip polygons); its area is the shoelace sum of the result.
 * How much of one shape made of convex pieces lies inside another (Push-T's coverage) is the sum
 * over the pairs of pieces, when each shape's pieces do not overlap.
 */
public final class ConvexArea {
  private ConvexArea() {}

  /** The signed area of a polygon: positive when its vertices run counter-clockwise. */
  public static double signedArea(double[] xy, int n) {
    double twice = 0;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      twice += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
    }
    return twice / 2;
  }

  /** The area of {@code a} ∩ {@code b}, both convex and counter-clockwise. */
  public static double intersection(double[] a, double[] b) {
    int n = a.length / 2;
    // at most one vertex more per clipping edge
    double[] cur = new double[a.length + b.length + 4];
    double[] next = new double[cur.length];
    System.arraycopy(a, 0, cur, 0, a.length);
    int m = b.length / 2;
    for (int e = 0; e < m && n > 0; e++) {
      double ex0 = b[2 * e];
      double ey0 = b[2 * e + 1];
      double ex1 = b[2 * ((e + 1) % m)];
      double ey1 = b[2 * ((e + 1) % m) + 1];
      double dx = ex1 - ex0;
      double dy = ey1 - ey0;
      int k = 0;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        double px = cur[2 * i];
        double py = cur[2 * i + 1];
        double qx = cur[2 * j];
        double qy = cur[2 * j + 1];
        // inside: on the left of the edge (or on it)
        double sp = dx * (py - ey0) - dy * (px - ex0);
        double sq = dx * (qy - ey0) - dy * (qx - ex0);
        if (sp >= 0) {
          next[2 * k] = px;
          next[2 * k + 1] = py;
          k++;
        }
        if ((sp >= 0) != (sq >= 0)) {
          double t = sp / (sp - sq);
          next[2 * k] = px + t * (qx - px);
          next[2 * k + 1] = py + t * (qy - py);
          k++;
        }
      }
      double[] swap = cur;
      cur = next;
      next = swap;
      n = k;
    }
    return n < 3 ? 0 : Math.max(0, signedArea(cur, n));
  }
}
