package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.policy.GaussianPolicy;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The loss against hand arithmetic, its gradients against central finite differences. */
class PpoLossTest {
  private static final PpoLoss.Coefficients C = new PpoLoss.Coefficients(0.2, true, 0.01, 0.5, 0);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  /**
   * One sample, one action dimension, sigma = 1: logp(a=0.5 | mu=0) = -0.125 - 0.9189 = -1.0439;
   * old logp -1.2 gives ratio exp(0.1561) = 1.1689, clipped to 1.2 it is not: with A = 2 the
   * surrogate is -2 * 1.1689 = -2.3378. Value 1, return 3, old value 1: 0.5 * 4 = 2.
   */
  @Test
  void lossMatchesTheHandComputedValue() {
    float[] dMean = new float[1];
    float[] dValue = new float[1];
    float[] dLogStd = new float[1];
    PpoLoss.Result r =
        PpoLoss.compute(
            new float[] {0},
            new float[] {1},
            new float[] {0},
            new float[] {0.5f},
            new float[] {-1.2f},
            new float[] {2},
            new float[] {3},
            new float[] {1},
            null,
            1,
            new PpoLoss.Coefficients(0.2, false, 0, 0.5, 0),
            dMean,
            dValue,
            dLogStd);
    double logp = -0.125 - 0.5 * Math.log(2 * Math.PI);
    double ratio = Math.exp(logp + 1.2);
    assertThat(r.pgLoss()).isCloseTo(-2 * ratio, within(1e-6));
    assertThat(r.vLoss()).isCloseTo(2, within(1e-9));
    assertThat(r.loss()).isCloseTo(-2 * ratio + 0.5 * 2, within(1e-6));
    // dpg/dmu = -A ratio (a - mu) / sigma^2
    assertThat(dMean[0]).isCloseTo((float) (-2 * ratio * 0.5), within(1e-5f));
    assertThat(dValue[0]).isCloseTo(0.5f * (1 - 3), within(1e-6f));
  }

  /**
   * The anchor alone (no advantage, the value at its return): half the squared distance of the
   * means (0.3, -0.1) to the starting policy's (0.1, 0.2), 0.5 (0.04 + 0.09) = 0.065, weighted by
   * the coefficient 4, and its gradient 4 (mu - anchor_mu) = (0.8, -1.2).
   */
  @Test
  void theAnchorIsHalfTheSquaredDistanceToTheStartingPolicysMeans() {
    float[] dMean = new float[2];
    PpoLoss.Result r =
        PpoLoss.compute(
            new float[] {0.3f, -0.1f},
            new float[] {1},
            new float[] {0, 0},
            new float[] {0.5f, 0.5f},
            new float[] {-1},
            new float[] {0},
            new float[] {1},
            new float[] {1},
            new float[] {0.1f, 0.2f},
            1,
            new PpoLoss.Coefficients(0.2, true, 0, 0.5, 4),
            dMean,
            new float[1],
            new float[2]);
    assertThat(r.anchor()).isCloseTo(0.065, within(1e-7));
    assertThat(r.pgLoss()).isCloseTo(0, within(1e-12));
    assertThat(r.loss()).isCloseTo(4 * 0.065, within(1e-6));
    assertThat(dMean[0]).isCloseTo(0.8f, within(1e-6f));
    assertThat(dMean[1]).isCloseTo(-1.2f, within(1e-6f));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradientsMatchFiniteDifferences(long seed) {
    gradientsMatchFiniteDifferences(seed, C, false);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradientsWithAnAnchorMatchFiniteDifferences(long seed) {
    gradientsMatchFiniteDifferences(seed, new PpoLoss.Coefficients(0.2, true, 0.01, 0.5, 3), true);
  }

  private static void gradientsMatchFiniteDifferences(
      long seed, PpoLoss.Coefficients c, boolean anchored) {
    SplittableRandom r = new SplittableRandom(seed);
    int rows = 6;
    int a = 2;
    float[] mean = rand(r, rows * a, 0.5);
    float[] value = rand(r, rows, 1);
    float[] logStd = rand(r, a, 0.3);
    float[] actions = rand(r, rows * a, 1);
    float[] adv = rand(r, rows, 1);
    float[] ret = rand(r, rows, 1);
    float[] oldValue = rand(r, rows, 1);
    float[] oldLogProb = new float[rows];
    for (int i = 0; i < rows; i++) {
      // old policy close to the current one, so some ratios are clipped and some are not
      oldLogProb[i] =
          (float) (GaussianPolicy.logProb(actions, mean, logStd, i) + r.nextDouble(-0.3, 0.3));
    }
    float[] anchor = anchored ? rand(r, rows * a, 0.5) : null;
    float[] dMean = new float[rows * a];
    float[] dValue = new float[rows];
    float[] dLogStd = new float[a];
    PpoLoss.compute(
        mean,
        value,
        logStd,
        actions,
        oldLogProb,
        adv,
        ret,
        oldValue,
        anchor,
        rows,
        c,
        dMean,
        dValue,
        dLogStd);
    double h = 1e-3;
    java.util.function.DoubleSupplier f =
        () -> loss(mean, value, logStd, actions, oldLogProb, adv, ret, oldValue, anchor, rows, c);
    int checked = 0;
    checked += check("dMean", dMean, mean, h, f);
    checked += check("dValue", dValue, value, h, f);
    checked += check("dLogStd", dLogStd, logStd, h, f);
    assertThat(checked).as("components away from a kink").isGreaterThan(14);
  }

  /**
   * Compares each analytic component with the central difference, skipping the rare component that
   * sits within h of a kink of max() or clip() (where the one-sided differences disagree and no
   * derivative exists). Returns how many were compared.
   */
  private static int check(
      String name, float[] analytic, float[] x, double h, java.util.function.DoubleSupplier f) {
    int compared = 0;
    for (int k = 0; k < x.length; k++) {
      float saved = x[k];
      double mid = f.getAsDouble();
      x[k] = (float) (saved + h);
      double up = f.getAsDouble();
      x[k] = (float) (saved - h);
      double down = f.getAsDouble();
      x[k] = saved;
      double forward = (up - mid) / h;
      double backward = (mid - down) / h;
      if (Math.abs(forward - backward) > 0.05 * (1 + Math.abs(forward))) {
        continue; // a kink within the step
      }
      assertThat((double) analytic[k])
          .as("%s[%d]", name, k)
          .isCloseTo((up - down) / (2 * h), within(2e-3));
      compared++;
    }
    return compared;
  }

  private static double loss(
      float[] mean,
      float[] value,
      float[] logStd,
      float[] actions,
      float[] oldLogProb,
      float[] adv,
      float[] ret,
      float[] oldValue,
      float[] anchor,
      int rows,
      PpoLoss.Coefficients c) {
    return PpoLoss.compute(
            mean,
            value,
            logStd,
            actions,
            oldLogProb,
            adv,
            ret,
            oldValue,
            anchor,
            rows,
            c,
            new float[mean.length],
            new float[rows],
            new float[logStd.length])
        .loss();
  }

  static float[] rand(SplittableRandom r, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (scale * r.nextGaussian());
    }
    return v;
  }
}
