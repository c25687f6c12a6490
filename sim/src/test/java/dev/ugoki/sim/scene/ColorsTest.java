package dev.ugoki.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The agents' tints can be told apart: from each other and from what they are drawn on, measured as
 * the CIE76 distance in CIELAB (D65), where about 2.3 is the smallest difference a person sees and
 * 35 is plainly another colour.
 */
class ColorsTest {
  static final double APART = 35;

  static double[] lab(int rgb) {
    double[] c = new double[3];
    for (int k = 0; k < 3; k++) {
      double v = (rgb >> (16 - 8 * k) & 0xFF) / 255.0;
      c[k] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
    double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
    return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
  }

  private static double f(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }

  static double distance(int a, int b) {
    double[] p = lab(a);
    double[] q = lab(b);
    return Math.sqrt(
        (p[0] - q[0]) * (p[0] - q[0])
            + (p[1] - q[1]) * (p[1] - q[1])
            + (p[2] - q[2]) * (p[2] - q[2]));
  }

  @Test
  void noTwoTintsAreAlike() {
    for (int i = 0; i < Colors.TINT_COUNT; i++) {
      for (int j = i + 1; j < Colors.TINT_COUNT; j++) {
        assertThat(distance(Colors.tint(i), Colors.tint(j)))
            .as("agents %d and %d", i + 1, j + 1)
            .isGreaterThanOrEqualTo(APART);
      }
    }
  }

  @Test
  void noTintIsLikeWhatItIsDrawnOn() {
    int[] under = {
      Colors.GRASS,
      Colors.FLOOR,
      Colors.ASPHALT,
      Colors.LINE_WHITE,
      Colors.CENTERLINE,
      Colors.OUTSIDE
    };
    for (int i = 0; i < Colors.TINT_COUNT; i++) {
      for (int u : under) {
        assertThat(distance(Colors.tint(i), u))
            .as("agent %d on %06X", i + 1, u)
            .isGreaterThanOrEqualTo(APART);
      }
    }
  }

  @Test
  void theDistanceIsCie76() {
    assertThat(distance(0xFFFFFF, 0x000000))
        .isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
    assertThat(distance(0x28C8FF, 0x28C8FF)).isZero();
  }
}
