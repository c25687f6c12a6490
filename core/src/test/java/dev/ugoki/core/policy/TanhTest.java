package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TanhTest {
  /** Within 5e-7 (8 float ulps near 1) of Math.tanh over the line, through saturation. */
  @Test
  void agreesWithMathTanhEverywhere() {
    double worst = 0;
    for (int k = -2_000_000; k <= 2_000_000; k++) {
      float x = k * 1e-5f;
      worst = Math.max(worst, Math.abs(Tanh.of(x) - Math.tanh(x)));
    }
    assertThat(worst).isLessThan(5e-7);
    for (float x : new float[] {20f, -20f, 1e6f, Float.MAX_VALUE, -Float.MAX_VALUE}) {
      assertThat(Math.abs((double) Tanh.of(x) - Math.signum(x))).isLessThan(5e-7);
    }
    assertThat(Tanh.of(0f)).isZero();
    assertThat(Tanh.of(1e-30f)).isEqualTo(1e-30f, org.assertj.core.api.Assertions.within(1e-36f));
  }

  @Test
  void isOdd() {
    for (int k = 0; k < 10_000; k++) {
      float x = k * 1e-3f;
      assertThat(Tanh.of(-x)).isEqualTo(-Tanh.of(x));
    }
  }
}
