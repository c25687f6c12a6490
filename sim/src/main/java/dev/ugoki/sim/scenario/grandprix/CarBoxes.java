package dev.ugoki.sim.scenario.grandprix;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.sensor.Lidar;

/**
 * The cars on the track as their lidars see one another: oriented boxes of each body's length and
 * width, a ray stopping at the first it meets (the slab test in each box's frame). The car that
 * looks is left out.
 */
final class CarBoxes implements Lidar.Obstacles {
  private final double[] halfLength;
  private final double[] halfWidth;
  private final double[] x;
  private final double[] y;
  private final double[] cos;
  private final double[] sin;
  private final boolean[] present;
  private int looking = -1;

  CarBoxes(CarParams[] cars) {
    int n = cars.length;
    halfLength = new double[n];
    halfWidth = new double[n];
    x = new double[n];
    y = new double[n];
    cos = new double[n];
    sin = new double[n];
    present = new boolean[n];
    for (int i = 0; i < n; i++) {
      halfLength[i] = cars[i].lengthM() / 2;
      halfWidth[i] = cars[i].widthM() / 2;
    }
  }

  /** Car i's box: its middle and heading, or absent from the track. */
  void place(int i, double middleX, double middleY, double heading, boolean onTrack) {
    x[i] = middleX;
    y[i] = middleY;
    cos[i] = Math.cos(heading);
    sin[i] = Math.sin(heading);
    present[i] = onTrack;
  }

  /** The car whose rays are cast next: its own box is not seen. */
  Lidar.Obstacles seenBy(int car) {
    looking = car;
    return this;
  }

  @Override
  public double raycast(double ox, double oy, double dx, double dy, double maxM) {
    double best = maxM;
    for (int j = 0; j < x.length; j++) {
      if (j == looking || !present[j]) {
        continue;
      }
      double rx = ox - x[j];
      double ry = oy - y[j];
      // origin and direction in the box's frame
      double px = cos[j] * rx + sin[j] * ry;
      double py = -sin[j] * rx + cos[j] * ry;
      double ux = cos[j] * dx + sin[j] * dy;
      double uy = -sin[j] * dx + cos[j] * dy;
      double[] t = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
      if (slab(px, ux, halfLength[j], t) && slab(py, uy, halfWidth[j], t) && t[1] >= 0) {
        best = Math.min(best, Math.max(0, t[0]));
      }
    }
    return best;
  }

  /** Narrows the ray's interval {@code t} to the slab |p + t u| <= half; false when it misses. */
  private static boolean slab(double p, double u, double half, double[] t) {
    if (Math.abs(u) < 1e-12) {
      return Math.abs(p) <= half;
    }
    double a = (-half - p) / u;
    double b = (half - p) / u;
    t[0] = Math.max(t[0], Math.min(a, b));
    t[1] = Math.min(t[1], Math.max(a, b));
    return t[0] <= t[1];
  }
}
