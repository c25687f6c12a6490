package dev.ugoki.sim.scenario.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The expert's contact points lie on the T's outline, their normals point out of it. */
class PushExpertTest {
  @Test
  void everyContactPointIsOnTheOutlineWithAnOutwardNormal() {
    double unit = 30.0 / 512;
    double tip = 15.0 / 512;
    double[][] points = PushMoves.outline(unit, tip);
    double[][] boxes = TShape.boxes(unit);
    assertThat(points.length)
        .as("16 units of outline, 2 points a unit, less the inner corners'")
        .isBetween(24, 32);
    for (double[] p : points) {
      assertThat(Math.hypot(p[2], p[3])).isCloseTo(1, within(1e-12));
      double e = 1e-4;
      assertThat(inT(boxes, p[0] - e * p[2], p[1] - e * p[3])).as("just inside").isTrue();
      assertThat(inT(boxes, p[0] + e * p[2], p[1] + e * p[3])).as("just outside").isFalse();
      // the tip's disc, pressed on the point from outside, touches nothing else of the T
      double cx = p[0] + (tip + 1e-4) * p[2];
      double cy = p[1] + (tip + 1e-4) * p[3];
      assertThat(PushExpert.clear(boxes, cx, cy, cx, cy, tip)).as("room for the tip").isTrue();
    }
  }

  private static boolean inT(double[][] boxes, double x, double y) {
    for (double[] b : boxes) {
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[5]) {
        return true;
      }
    }
    return false;
  }
}
