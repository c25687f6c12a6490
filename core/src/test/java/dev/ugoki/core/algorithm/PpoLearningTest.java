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
    PpoConfig c =
        new PpoConfig(
            8, 64, 3e-3, true, 0.9, 0.95, 8, 4, true, 0.2, true, 0, 0.5, 0.5, 0, true, 32, 2, -0.5,
            1, 0, 1, 1, 1);
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < c.numEnvs(); i++) {
      list.add(new Target1d());
    }
    try (VectorEnv envs = new VectorEnv(list, 1)) {
      GaussianPolicy policy =
          GaussianPolicy.create(
              envs.observationSpec(), envs.actionSpec(), c.hidden(), c.layers(), c.initLogStd(), 1);
      double before = meanDistance(policy);
      RolloutCollector collector =
          new RolloutCollector(
              envs, policy, new RewardScaler(c.numEnvs(), c.gamma()), c.gamma(), 1);
      Ppo ppo = new Ppo(c, Learner.fresh(policy, c.learningRate()), 1);
      int updates = 40; // 20k steps
      for (int u = 0; u < updates; u++) {
        Rollout r = collector.collect(c.numSteps(), true);
        ppo.update(r, 1 - u / (double) updates);
      }
      double after = meanDistance(policy);
      System.out.printf("target1d: mean distance %.3f before, %.3f after PPO%n", before, after);
      assertThat(after).isLessThan(0.1).isLessThan(before / 3);
    }
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
