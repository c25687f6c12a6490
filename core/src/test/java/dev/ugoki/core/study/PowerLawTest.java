package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PowerLawTest {
  static LongStream seeds() {
    return new SplittableRandom(12).longs(20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anExactPowerLawIsRecoveredWithAnRSquaredOfOne(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double a = 0.01 + r.nextDouble() * 10;
    double b = -2 + 4 * r.nextDouble();
    int n = 2 + r.nextInt(8);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.pow(3, i) * (1 + r.nextDouble());
      y[i] = a * Math.pow(x[i], b);
    }
    PowerLaw f = PowerLaw.fit(x, y);
    assertThat(f.exponent()).isCloseTo(b, within(1e-9));
    assertThat(f.prefactor()).isCloseTo(a, within(1e-9 * a));
    assertThat(f.r2()).isCloseTo(1, within(1e-9));
    assertThat(f.at(x[n - 1])).isCloseTo(y[n - 1], within(1e-9 * y[n - 1]));
  }

  @Test
  void scatterAroundTheLineLowersRSquaredAsTheResidualsSay() {
    // log y = -0.5 log x + e, e = +-0.1 alternating: the slope stays, R^2 is 1 - SSE/SST
    double[] x = {1, 10, 100, 1000};
    double[] y = new double[4];
    for (int i = 0; i < 4; i++) {
      y[i] = Math.pow(x[i], -0.5) * Math.exp(i % 2 == 0 ? 0.1 : -0.1);
    }
    PowerLaw f = PowerLaw.fit(x, y);
    double[] lx = {0, Math.log(10), Math.log(100), Math.log(1000)};
    double mx = (lx[0] + lx[1] + lx[2] + lx[3]) / 4;
    double sxx = 0;
    double sxy = 0;
    double my = 0;
    for (int i = 0; i < 4; i++) {
      my += Math.log(y[i]) / 4;
    }
    double syy = 0;
    for (int i = 0; i < 4; i++) {
      sxx += (lx[i] - mx) * (lx[i] - mx);
      sxy += (lx[i] - mx) * (Math.log(y[i]) - my);
      syy += (Math.log(y[i]) - my) * (Math.log(y[i]) - my);
    }
    double slope = sxy / sxx;
    double sse = 0;
    for (int i = 0; i < 4; i++) {
      double res = Math.log(y[i]) - (my + slope * (lx[i] - mx));
      sse += res * res;
    }
    assertThat(f.exponent()).isCloseTo(slope, within(1e-12));
    assertThat(f.r2()).isCloseTo(1 - sse / syy, within(1e-12)).isLessThan(1);
  }

  @Test
  void valuesWithoutALogarithmAreRefused() {
    assertThatThrownBy(() -> PowerLaw.fit(new double[] {1, 2}, new double[] {0.5, 0}))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> PowerLaw.fit(new double[] {1}, new double[] {0.5}))
        .hasMessageContaining("two or more");
    assertThatThrownBy(() -> PowerLaw.fit(new double[] {3, 3}, new double[] {0.5, 0.4}))
        .hasMessageContaining("two different x");
  }
}
