package dev.ugoki.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Spec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnerTest {
  private static final Spec OBS =
      new Spec(List.of("a", "b", "c"), new float[] {-1, -1, -1}, new float[] {1, 1, 1});
  private static final Spec ACT =
      new Spec(List.of("x", "y"), new float[] {-1, -1}, new float[] {1, 1});

  private static float[] inputs(int rows) {
    SplittableRandom r = new SplittableRandom(5);
    float[] x = new float[rows * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  @Test
  void stepsMoveTheOutputsAgainstTheGradient() {
    Learner learner = Learner.fresh(GaussianPolicy.create(OBS, ACT, 8, 1, 0, 5), 1e-2);
    float[] x = {0.5f, -1f, 2f};
    double before = learner.policy().network().forward(x, 1).value()[0];
    for (int i = 0; i < 50; i++) {
      // loss = value + log std: both must fall
      learner.step(
          x,
          1,
          (mean, value, dMean, dValue, dLogStd) -> {
            dValue[0] = 1;
            Arrays.fill(dLogStd, 1);
          },
          0,
          1);
    }
    assertThat((double) learner.policy().network().forward(x, 1).value()[0])
        .isLessThan(before - 0.1);
    assertThat(learner.policy().logStd()[0]).isLessThan(-0.1f);
    assertThat(learner.state().network().t()).isEqualTo(50);
  }

  /** One clip over the network's and the log std's gradients together. */
  @Test
  void clipsTheGlobalNormOfBothGradients() {
    Learner learner = Learner.fresh(GaussianPolicy.create(OBS, ACT, 8, 1, 0, 5), 1e-3);
    Learner.Step s =
        learner.step(
            inputs(4),
            4,
            (mean, value, dMean, dValue, dLogStd) -> {
              Arrays.fill(dLogStd, 3); // norm 3 sqrt 2 from the log std alone
            },
            0.5,
            1);
    assertThat(s.gradNorm()).isCloseTo(3 * Math.sqrt(2), within(1e-9));
    assertThat(s.clipScale()).isCloseTo(0.5 / (3 * Math.sqrt(2)), within(1e-9));
  }

  @Test
  void aFrozenTrunkKeepsItsWeightsWhileTheRestLearns() {
    GaussianPolicy base = GaussianPolicy.create(OBS, ACT, 8, 2, 0, 7);
    GaussianPolicy tuned = base.fineTune(1, false, 0, 1);
    Learner learner = Learner.fresh(tuned, 1e-2);
    float[] before = tuned.network().params();
    for (int i = 0; i < 5; i++) {
      learner.step(
          inputs(16),
          16,
          (mean, value, dMean, dValue, dLogStd) -> {
            for (int k = 0; k < dMean.length; k++) {
              dMean[k] = mean[k] - 1;
            }
            for (int k = 0; k < dValue.length; k++) {
              dValue[k] = value[k] - 1;
            }
          },
          0,
          1);
    }
    float[] after = tuned.network().params();
    boolean[] trainable = tuned.network().trainable();
    int moved = 0;
    for (int k = 0; k < after.length; k++) {
      if (!trainable[k]) {
        assertThat(after[k]).as("frozen weight %d", k).isEqualTo(before[k]);
      } else if (after[k] != before[k]) {
        moved++;
      }
    }
    assertThat(moved).isGreaterThan(after.length / 3);
    assertThat(base.network().params()).containsExactly(before);
  }

  @Test
  void aRestoredLearnerTakesTheSameStepBitForBit() {
    Learner a = Learner.fresh(GaussianPolicy.create(OBS, ACT, 8, 2, 0, 7), 1e-3);
    Learner.Loss loss =
        (mean, value, dMean, dValue, dLogStd) -> {
          for (int k = 0; k < dMean.length; k++) {
            dMean[k] = mean[k] + 0.3f;
          }
          Arrays.fill(dLogStd, 0.2f);
        };
    a.step(inputs(8), 8, loss, 0.5, 1);
    Learner b = new Learner(a.policy().copy(), a.state(), 1e-3, 0, 1);
    a.step(inputs(8), 8, loss, 0.5, 0.7);
    b.step(inputs(8), 8, loss, 0.5, 0.7);
    assertThat(b.policy().network().params()).containsExactly(a.policy().network().params());
    assertThat(b.policy().logStd()).containsExactly(a.policy().logStd());
  }
}
