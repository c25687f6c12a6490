package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.rollout.RewardScaler;
import dev.ugoki.core.rollout.Rollout;
import dev.ugoki.core.rollout.RolloutCollector;
import dev.ugoki.core.testenv.Target1d;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brax's idea: a trivial, fast task and a threshold that proves the learner learns. */
class PpoLearningTest {

  @Test
  void ppoLearnsToReachTheTargetInSeconds() {
    GaussianPolicy start = start();
    double before = meanDistance(start);
    GaussianPolicy policy = train(start.copy(), null, 0);
    double after = meanDistance(policy);
    System.out.printf("target1d: mean distance %.3f before, %.3f after PPO%n", before, after);
    assertThat(after).isLessThan(0.1).isLessThan(before / 3);
  }

  /**
   * A fine-tune pulled hard toward the policy it started from (the anchor) keeps its actions, where
   * the same run without the pull moves them far: the anchor is what the loss says it is.
   */
  @Test
  void anAnchoredFineTuneKeepsTheActionsOfThePolicyItStartedFrom() {
    GaussianPolicy start = start();
    GaussianPolicy free = train(start.copy(), start, 0);
    GaussianPolicy held = train(start.copy(), start, 200);
    double freeMove = largestMove(start, free);
    double heldMove = largestMove(start, held);
    System.out.printf("target1d: actions moved %.3f free, %.3f anchored%n", freeMove, heldMove);
    assertThat(freeMove).isGreaterThan(0.3);
    assertThat(heldMove).isLessThan(freeMove / 10);
  }

  private static GaussianPolicy start() {
    Target1d env = new Target1d();
    return GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 32, 2, -0.5, 1);
  }

  /** 40 updates (20k steps) of PPO on {@code policy}, pulled toward {@code anchor} if given. */
  private static GaussianPolicy train(GaussianPolicy policy, GaussianPolicy anchor, double coef) {
    PpoConfig c =
        new PpoConfig(
            8, 64, 3e-3, true, 0.9, 0.95, 8, 4, true, 0.2, true, 0, 0.5, 0.5, 0, coef, true, 32, 2,
            -0.5, 1, 0, 1, 1, 1);
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < c.numEnvs(); i++) {
      list.add(new Target1d());
    }
    try (VectorEnv envs = new VectorEnv(list, 1)) {
      RolloutCollector collector =
          new RolloutCollector(
              envs, policy, anchor, new RewardScaler(c.numEnvs(), c.gamma()), c.gamma(), 1);
      Ppo ppo = new Ppo(c, Learner.fresh(policy, c.learningRate()), 1);
      int updates = 40;
      for (int u = 0; u < updates; u++) {
        Rollout r = collector.collect(c.numSteps(), true);
        assertThat(r.anchorMean() == null).isEqualTo(anchor == null);
        ppo.update(r, 1 - u / (double) updates);
      }
    }
    return policy;
  }

  /** The largest change of the mean action over observations across the task's range. */
  private static double largestMove(GaussianPolicy from, GaussianPolicy to) {
    double most = 0;
    for (int k = -20; k <= 20; k++) {
      float[] obs = {k / 10f};
      most =
          Math.max(
              most, Math.abs(to.actDeterministic(obs, 1)[0] - from.actDeterministic(obs, 1)[0]));
    }
    return most;
  }

  /**
   * Mean distance to the target over the last 10 steps of 20 fresh episodes, acting on the mean.
   */
  private static double meanDistance(GaussianPolicy policy) {
    double sum = 0;
    int n = 0;
    for (long seed = 1000; seed < 1020; seed++) {
      Target1d env = new Target1d();
      float[] obs = env.reset(seed);
      for (int t = 0; t < 20; t++) {
        var r = env.step(policy.actDeterministic(obs, 1));
        obs = r.observation();
        if (t >= 10) {
          sum += Math.abs(obs[0]);
          n++;
        }
      }
    }
    return sum / n;
  }
}
