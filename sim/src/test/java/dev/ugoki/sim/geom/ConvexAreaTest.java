package dev.ugoki.sim.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Intersection areas against closed forms, and against counted grid points on seeded boxes. */
class ConvexAreaTest {
  /** A w x h box centred at (cx, cy), turned by {@code a}, counter-clockwise. */
  static double[] box(double cx, double cy, double w, double h, double a) {
    double c = Math.cos(a);
    double s = Math.sin(a);
    double[] local = {-w / 2, -h / 2, w / 2, -h / 2, w / 2, h / 2, -w / 2, h / 2};
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      out[2 * i] = cx + c * local[2 * i] - s * local[2 * i + 1];
      out[2 * i + 1] = cy + s * local[2 * i] + c * local[2 * i + 1];
    }
    return out;
  }

  @Test
  void closedForms() {
    double[] unit = box(0, 0, 1, 1, 0);
    assertThat(ConvexArea.signedArea(unit, 4)).isEqualTo(1.0);
    assertThat(ConvexArea.intersection(unit, unit)).isCloseTo(1, within(1e-12));
    assertThat(ConvexArea.intersection(unit, box(0.5, 0.25, 1, 1, 0)))
        .isCloseTo(0.5 * 0.75, within(1e-12));
    // a square and itself turned by 45 degrees about its centre: a regular octagon
    assertThat(ConvexArea.intersection(unit, box(0, 0, 1, 1, Math.PI / 4)))
        .isCloseTo(2 * (Math.sqrt(2) - 1), within(1e-12));
    assertThat(ConvexArea.intersection(unit, box(3, 0, 1, 1, 0.3))).isZero();
    // touching along an edge only: no area
    assertThat(ConvexArea.intersection(unit, box(1, 0, 1, 1, 0))).isCloseTo(0, within(1e-12));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void seededBoxesAgreeWithCountedPoints(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = box(r.nextDouble(-0.3, 0.3), r.nextDouble(-0.3, 0.3), 1, 0.4, r.nextDouble(7));
    double[] b = box(r.nextDouble(-0.3, 0.3), r.nextDouble(-0.3, 0.3), 0.6, 0.9, r.nextDouble(7));
    int n = 800;
    long in = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double x = -1.5 + 3.0 * (i + 0.5) / n;
        double y = -1.5 + 3.0 * (j + 0.5) / n;
        if (inside(a, x, y) && inside(b, x, y)) {
          in++;
        }
      }
    }
    double counted = in * 9.0 / ((double) n * n);
    assertThat(ConvexArea.intersection(a, b)).isCloseTo(counted, within(2e-3));
    assertThat(ConvexArea.intersection(b, a))
        .isCloseTo(ConvexArea.intersection(a, b), within(1e-12));
  }

  private static boolean inside(double[] p, double x, double y) {
    int n = p.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = p[2 * j] - p[2 * i];
      double ey = p[2 * j + 1] - p[2 * i + 1];
      if (ex * (y - p[2 * i + 1]) - ey * (x - p[2 * i]) < 0) {
        return false;
      }
    }
    return true;
  }
}
