package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.geom.ConvexArea;

/**
 * The T block's shape, Push-T's: a bar of 4 x 1 units over a stem of 1 x 3 under its middle, 7
 * square units in all, in the frame of its centre of mass (the bar on top, toward +y). Its pose is
 * that of its centre of mass, x, y and angle. Coverage is the share of a target T's area the block
 * covers: exact, the sum of the four intersections of the two shapes' boxes (the boxes of one T do
 * not overlap).
 */
public final class TShape {
  /** The centre of mass above the stem's foot, in units: (4 x 3.5 + 3 x 1.5) / 7. */
  static final double COM_UNITS = (4 * 3.5 + 3 * 1.5) / 7;

  private TShape() {}

  /** The bar's and the stem's boxes in the block's frame, counter-clockwise, for {@code unit}. */
  public static double[][] boxes(double unit) {
    double c = COM_UNITS;
    return new double[][] {
      rect(-2, 3 - c, 2, 4 - c, unit), rect(-0.5, -c, 0.5, 3 - c, unit),
    };
  }

  private static double[] rect(double x0, double y0, double x1, double y1, double unit) {
    return new double[] {
      x0 * unit, y0 * unit, x1 * unit, y0 * unit, x1 * unit, y1 * unit, x0 * unit, y1 * unit
    };
  }

  /**
   * The T's eight corners in its frame [m], counter-clockwise from the stem's foot: the foot's left
   * and right, the stem's top right (an inner corner), the bar's right end below and above, its
   * left end above and below, the stem's top left (the other inner corner).
   */
  public static double[][] corners(double unit) {
    double c = COM_UNITS;
    double[][] v = {
      {-0.5, -c},
      {0.5, -c},
      {0.5, 3 - c},
      {2, 3 - c},
      {2, 4 - c},
      {-2, 4 - c},
      {-2, 3 - c},
      {-0.5, 3 - c}
    };
    for (double[] p : v) {
      p[0] *= unit;
      p[1] *= unit;
    }
    return v;
  }

  /** The area of the T [m^2]. */
  public static double area(double unit) {
    return 7 * unit * unit;
  }

  /** The farthest point of the T from its centre of mass [m]: a corner of the stem's foot. */
  public static double circumradius(double unit) {
    return unit * Math.hypot(0.5, COM_UNITS);
  }

  /** The boxes of a T at pose (x, y, angle), in the world. */
  public static double[][] placed(double unit, double x, double y, double angle) {
    double[][] local = boxes(unit);
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double[][] out = new double[local.length][];
    for (int b = 0; b < local.length; b++) {
      double[] p = local[b];
      double[] q = new double[p.length];
      for (int i = 0; i < p.length; i += 2) {
        q[i] = x + c * p[i] - s * p[i + 1];
        q[i + 1] = y + s * p[i] + c * p[i + 1];
      }
      out[b] = q;
    }
    return out;
  }

  /** The share of the target T (at its pose) that the block (at its) covers, in [0, 1]. */
  public static double coverage(double unit, double[] block, double[] target) {
    double[][] a = placed(unit, block[0], block[1], block[2]);
    double[][] b = placed(unit, target[0], target[1], target[2]);
    double in = 0;
    for (double[] p : a) {
      for (double[] q : b) {
        in += ConvexArea.intersection(p, q);
      }
    }
    return Math.min(1, in / area(unit));
  }
}
