package dev.ugoki.sim.scenario.race.grandprix;

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
  private final double[] radius;
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
    radius = new double[n];
    for (int i = 0; i < n; i++) {
      halfLength[i] = cars[i].lengthM() / 2;
      halfWidth[i] = cars[i].widthM() / 2;
      radius[i] = Math.hypot(halfLength[i], halfWidth[i]);
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
      // the box's circumcircle first: most rays pass far from most cars
      double along = -(rx * dx + ry * dy);
      double reach = radius[j];
      if (along < -reach
          || along > best + reach
          || rx * rx + ry * ry - along * along > reach * reach) {
        continue;
      }
      // origin and direction in the box's frame, then the slab test on each axis
      double px = cos[j] * rx + sin[j] * ry;
      double py = -sin[j] * rx + cos[j] * ry;
      double ux = cos[j] * dx + sin[j] * dy;
      double uy = -sin[j] * dx + cos[j] * dy;
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      if (Math.abs(ux) < 1e-12) {
        if (Math.abs(px) > halfLength[j]) {
          continue;
        }
      } else {
        double a = (-halfLength[j] - px) / ux;
        double b = (halfLength[j] - px) / ux;
        lo = Math.min(a, b);
        hi = Math.max(a, b);
      }
      if (Math.abs(uy) < 1e-12) {
        if (Math.abs(py) > halfWidth[j]) {
          continue;
        }
      } else {
        double a = (-halfWidth[j] - py) / uy;
        double b = (halfWidth[j] - py) / uy;
        lo = Math.max(lo, Math.min(a, b));
        hi = Math.min(hi, Math.max(a, b));
      }
      if (lo <= hi && hi >= 0) {
        best = Math.min(best, Math.max(0, lo));
      }
    }
    return best;
  }
}
