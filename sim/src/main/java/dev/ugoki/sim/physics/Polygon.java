package dev.ugoki.sim.physics;

import java.util.Arrays;

/**
 * A convex polygon [m]: vertices counter-clockwise, every corner turning left (no collinear or
 * reflex corners), at most {@link #MAX_VERTICES}. Immutable; the outward unit normal of edge i
 * (from vertex i to vertex i + 1) is precomputed.
 */
public final class Polygon implements Shape {
  /** Most vertices a polygon may have; keeps contact feature ids in a few bits. */
  public static final int MAX_VERTICES = 32;

  private final double[] xy;
  private final double[] normals;

  private Polygon(double[] xy) {
    this.xy = xy;
    int n = xy.length / 2;
    this.normals = new double[xy.length];
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = xy[2 * j] - xy[2 * i];
      double ey = xy[2 * j + 1] - xy[2 * i + 1];
      double len = Math.hypot(ex, ey);
      normals[2 * i] = ey / len;
      normals[2 * i + 1] = -ex / len;
    }
  }

  /**
   * The polygon with vertices {@code x0, y0, x1, y1, ...} [m], which must be convex and
   * counter-clockwise.
   */
  public static Polygon of(double... xy) {
    if (xy.length % 2 != 0 || xy.length < 6 || xy.length > 2 * MAX_VERTICES) {
      throw new IllegalArgumentException(
          "polygon needs 3 to "
              + MAX_VERTICES
              + " vertices as x, y pairs, got "
              + xy.length
              + " values");
    }
    for (double v : xy) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("polygon vertex must be finite, was " + v);
      }
    }
    int n = xy.length / 2;
    double twiceArea = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twiceArea += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    if (!(twiceArea > 0)) {
      throw new IllegalArgumentException(
          "polygon vertices must be counter-clockwise, signed area was " + twiceArea / 2);
    }
    double turning = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      int k = (i + 2) % n;
      double ax = xy[2 * j] - xy[2 * i];
      double ay = xy[2 * j + 1] - xy[2 * i + 1];
      double bx = xy[2 * k] - xy[2 * j];
      double by = xy[2 * k + 1] - xy[2 * j + 1];
      double cross = ax * by - ay * bx;
      if (!(cross > 0)) {
        throw new IllegalArgumentException(
            "polygon must be convex, corner at vertex " + j + " does not turn left");
      }
      turning += Math.atan2(cross, ax * bx + ay * by);
    }
    if (Math.abs(turning - 2 * Math.PI) > 1e-6) {
      throw new IllegalArgumentException(
          "polygon must be convex, its edges wind " + turning / (2 * Math.PI) + " times");
    }
    return new Polygon(xy.clone());
  }

  /** A box of half extents {@code halfWidth} (x) and {@code halfHeight} (y) [m] at the origin. */
  public static Polygon box(double halfWidth, double halfHeight) {
    return box(halfWidth, halfHeight, 0, 0, 0);
  }

  /** A box of the given half extents [m], centred at (cx, cy) and turned by {@code angleRad}. */
  public static Polygon box(
      double halfWidth, double halfHeight, double cx, double cy, double angleRad) {
    if (!(halfWidth > 0) || !(halfHeight > 0) || !Double.isFinite(halfWidth + halfHeight)) {
      throw new IllegalArgumentException(
          "box half extents must be positive and finite, were " + halfWidth + ", " + halfHeight);
    }
    return of(
            -halfWidth,
            -halfHeight,
            halfWidth,
            -halfHeight,
            halfWidth,
            halfHeight,
            -halfWidth,
            halfHeight)
        .transformed(cx, cy, angleRad);
  }

  public int vertexCount() {
    return xy.length / 2;
  }

  /** x of vertex i [m]. */
  public double x(int i) {
    return xy[2 * i];
  }

  /** y of vertex i [m]. */
  public double y(int i) {
    return xy[2 * i + 1];
  }

  /** x of the outward unit normal of edge i, from vertex i to vertex i + 1. */
  public double normalX(int i) {
    return normals[2 * i];
  }

  /** y of the outward unit normal of edge i. */
  public double normalY(int i) {
    return normals[2 * i + 1];
  }

  /** The vertices as {@code x0, y0, x1, y1, ...} [m] (a copy). */
  public double[] vertices() {
    return xy.clone();
  }

  @Override
  public double area() {
    int n = vertexCount();
    double twice = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice +=
          (xy[2 * i] - xy[0]) * (xy[2 * j + 1] - xy[1])
              - (xy[2 * j] - xy[0]) * (xy[2 * i + 1] - xy[1]);
    }
    return twice / 2;
  }

  @Override
  public Polygon transformed(double tx, double ty, double angleRad) {
    double c = Math.cos(angleRad);
    double s = Math.sin(angleRad);
    double[] out = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      out[i] = tx + c * xy[i] - s * xy[i + 1];
      out[i + 1] = ty + s * xy[i] + c * xy[i + 1];
    }
    return new Polygon(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polygon p && Arrays.equals(xy, p.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "Polygon" + Arrays.toString(xy);
  }
}
