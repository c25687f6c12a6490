package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Spec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BehaviorCloningTest {
  private static final Spec OBS =
      Spec.builder().add("x", -1, 1).add("y", -1, 1).add("z", 0, 10).build();
  private static final Spec ACT = Spec.builder().add("a", -1, 1).add("b", -1, 1).build();

  /** The expert: a linear map inside the action box (z is deliberately off-center and wide). */
  private static float[] expert(float x, float y, float z) {
    return new float[] {0.5f * x - 0.3f * y, 0.2f * y + 0.06f * (z - 5)};
  }

  private static DemoDataset demonstrations(int rows, long seed) {
    return demonstrations(new DemoDataset(3, 2), rows, seed);
  }

  private static DemoDataset demonstrations(DemoDataset d, int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < rows; k++) {
      float x = (float) r.nextDouble(-1, 1);
      float y = (float) r.nextDouble(-1, 1);
      float z = (float) r.nextDouble(0, 10);
      d.add(new float[] {x, y, z}, expert(x, y, z), 1);
    }
    return d;
  }

  private static GaussianPolicy policy() {
    return GaussianPolicy.create(OBS, ACT, 32, 1, 0.0, 11);
  }

  @Test
  void theLossFallsAndTheMeanReproducesALinearExpert() {
    GaussianPolicy policy = policy();
    BehaviorCloning bc =
        new BehaviorCloning(
            Learner.fresh(policy, 3e-3), new BehaviorCloning.Config(60, 128, 1, 1, true, false), 5);

    List<BehaviorCloning.EpochStats> stats = bc.fit(demonstrations(1024, 1));

    assertThat(stats).hasSize(60);
    assertThat(stats.get(59).loss()).isLessThan(stats.get(0).loss() / 30);
    DemoDataset unseen = demonstrations(200, 2);
    float[] mean = policy.actDeterministic(unseen.observations(), unseen.rows());
    for (int k = 0; k < unseen.rows() * 2; k++) {
      assertThat(mean[k]).isCloseTo(unseen.actions()[k], within(0.05f));
    }
  }

  @Test
  void rowsReservedAtTheStartTrainTheSameWeightsAsRowsThatGrew() {
    // reserved: more room than rows, so the fit reads a view with unused space behind the rows
    DemoDataset reserved = demonstrations(new DemoDataset(3, 2, 1500), 1000, 4);
    DemoDataset grown = demonstrations(1000, 4);
    assertThat(reserved.observations()).containsExactly(grown.observations());
    float[][] params = new float[2][];
    int i = 0;
    for (DemoDataset d : List.of(reserved, grown)) {
      GaussianPolicy policy = policy();
      new BehaviorCloning(
              Learner.fresh(policy, 3e-3), new BehaviorCloning.Config(3, 128, 1, 1, true, false), 5)
          .fit(d);
      params[i++] = policy.network().params();
    }
    assertThat(params[0]).containsExactly(params[1]);
  }

  @Test
  void theNormalizationLearnsTheDemonstrationsAndTheCriticIsLeftAlone() {
    GaussianPolicy policy = policy();
    float[] probe = {0.3f, -0.2f, 7};
    float valueBefore = policy.value(probe, 1)[0];
    DemoDataset data = demonstrations(512, 3);

    new BehaviorCloning(
            Learner.fresh(policy, 3e-3), new BehaviorCloning.Config(3, 64, 1, 1, true, false), 5)
        .fit(data);

    assertThat(policy.norm().count()).isGreaterThan(511);
    assertThat(policy.norm().mean()[2]).isCloseTo(5, within(0.5));
    // dLoss/dValue = 0 and Adam's moments stay 0 for the critic, so its weights do not move;
    // the value still changes only through the new normalization of the probe
    GaussianPolicy sameNorm = policy();
    sameNorm.norm().update(data.observations(), data.rows());
    assertThat(policy.value(probe, 1)[0]).isEqualTo(sameNorm.value(probe, 1)[0]);
    assertThat(valueBefore).isNotNaN();
  }

  @Test
  void theSpreadIsSetToTheResidualsNeverBelowTheFloor() {
    GaussianPolicy policy = policy();
    BehaviorCloning bc =
        new BehaviorCloning(
            Learner.fresh(policy, 3e-3), new BehaviorCloning.Config(1, 64, 1, 1, true, false), 5);

    bc.fit(demonstrations(256, 4));

    double rmse = Math.sqrt(bc.loss(demonstrations(256, 4)));
    for (float logStd : policy.logStd()) {
      assertThat(Math.exp(logStd)).isBetween(BehaviorCloning.MIN_STD - 1e-6, 2 * rmse + 0.1);
      assertThat(logStd).isLessThan(0); // no longer PPO's initial std of 1
    }
  }

  @Test
  void theGradientIsTwiceTheErrorOverTheCount() {
    // 2 rows x 2 channels; errors 1, -2, 0, 0.5 -> loss (1 + 4 + 0 + 0.25) / 4 = 1.3125
    float[] mean = {1, 0, 3, 1};
    float[] target = {0, 2, 3, 0.5f};
    float[] dMean = new float[4];

    double loss = BehaviorCloning.mseGradient(mean, target, 2, 2, dMean);

    assertThat(loss).isCloseTo(1.3125, within(1e-9));
    // 2 (mean - target) / 4
    assertThat(dMean).containsExactly(0.5f, -1f, 0f, 0.25f);
  }

  @Test
  void theAbsoluteGradientIsTheErrorsSignOverTheCount() {
    // errors 1, -2, 0, 0.5 -> loss (1 + 2 + 0 + 0.5) / 4 = 0.875
    float[] mean = {1, 0, 3, 1};
    float[] target = {0, 2, 3, 0.5f};
    float[] dMean = new float[4];

    double loss = BehaviorCloning.maeGradient(mean, target, 2, 2, dMean);

    assertThat(loss).isCloseTo(0.875, within(1e-9));
    assertThat(dMean).containsExactly(0.25f, -0.25f, 0f, 0.25f);
  }

  /**
   * Two labels for the same states, 0.8 for seven rows in ten and -0.8 for the rest (push on, or
   * leave): squared error fits their mean, 0.32, which moves at a crawl; absolute error their
   * median, 0.8, one of the two.
   */
  @Test
  void absoluteErrorPicksTheCommonerOfTwoLabelsWhereSquaredErrorAveragesThem() {
    DemoDataset twoLabels = new DemoDataset(3, 2);
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 2000; k++) {
      float x = (float) r.nextDouble(-1, 1);
      float a = k % 10 < 7 ? 0.8f : -0.8f;
      twoLabels.add(new float[] {x, 0, 5}, new float[] {a, -a}, 1);
    }
    float[] probe = {0.3f, 0, 5};
    for (boolean l1 : new boolean[] {false, true}) {
      GaussianPolicy policy = policy();
      new BehaviorCloning(
              Learner.fresh(policy, 3e-3), new BehaviorCloning.Config(40, 100, 1, 1, true, l1), 5)
          .fit(twoLabels);
      float[] act = policy.actDeterministic(probe, 1);
      assertThat(act[0]).as("l1 %s", l1).isCloseTo(l1 ? 0.8f : 0.32f, within(0.08f));
      assertThat(act[1]).as("l1 %s", l1).isCloseTo(l1 ? -0.8f : -0.32f, within(0.08f));
    }
  }
}
