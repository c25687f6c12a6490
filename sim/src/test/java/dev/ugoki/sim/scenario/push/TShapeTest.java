package dev.ugoki.sim.scenario.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.geom.ConvexArea;
import org.junit.jupiter.api.Test;

/** The T's shape and coverage against areas worked out by hand. */
class TShapeTest {
  static final double U = 30.0 / 512;

  @Test
  void theTHasSevenSquareUnitsAroundItsCentreOfMass() {
    double[][] boxes = TShape.boxes(U);
    double area = 0;
    double mx = 0;
    double my = 0;
    for (double[] b : boxes) {
      double a = ConvexArea.signedArea(b, 4);
      area += a;
      mx += a * (b[0] + b[2]) / 2;
      my += a * (b[1] + b[5]) / 2;
    }
    assertThat(area).isCloseTo(7 * U * U, within(1e-15));
    assertThat(mx / area).isCloseTo(0, within(1e-15));
    assertThat(my / area).as("the frame is the centre of mass's").isCloseTo(0, within(1e-15));
  }

  @Test
  void coverageOfShiftedAndTurnedTs() {
    double[] target = {0.3, 1.0, 0.7};
    assertThat(TShape.coverage(U, target, target)).isCloseTo(1, within(1e-12));
    assertThat(TShape.coverage(U, new double[] {0.3, 1.0, 0.7 + 2 * Math.PI}, target))
        .isCloseTo(1, within(1e-9));
    // one unit along the stem, toward the bar: the stem covers 2 of its own and 1 of the bar
    double[] up = {-Math.sin(0.7) * U, Math.cos(0.7) * U};
    assertThat(TShape.coverage(U, new double[] {0.3 + up[0], 1.0 + up[1], 0.7}, target))
        .isCloseTo(3.0 / 7, within(1e-12));
    // half a unit sideways, along the bar: the bar keeps 3.5 of 4, the stem 1.5 of 3
    double[] side = {Math.cos(0.7) * U / 2, Math.sin(0.7) * U / 2};
    assertThat(TShape.coverage(U, new double[] {0.3 + side[0], 1.0 + side[1], 0.7}, target))
        .isCloseTo(5.0 / 7, within(1e-12));
    assertThat(TShape.coverage(U, new double[] {2, 2, 0}, target)).isZero();
  }
}
