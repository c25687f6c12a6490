package dev.ugoki.core.bench;

import dev.ugoki.core.algorithm.Ppo;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.rollout.RewardScaler;
import dev.ugoki.core.rollout.Rollout;
import dev.ugoki.core.rollout.RolloutCollector;
import dev.ugoki.sim.bench.SimBench;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import dev.ugoki.sim.scenario.Config;
import dev.ugoki.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the learner: rollouts with the DL4J policy in the loop (one network call per step for
 * the whole vector env) and PPO updates, on {@code race} with the default PPO config except the
 * number of environments. Each figure is the median of timed samples after a warm-up.
 */
public final class LearnerBench {
  private LearnerBench() {}

  /** Rollout throughput in env steps per second. */
  public static SimBench.Result rollout(int envs, int threads, double seconds, int samples) {
    Config pc = Config.defaults("ppo", PpoConfig.PARAMS).with(Map.of("num_envs", envs,
        "env_threads", threads));
    PpoConfig c = PpoConfig.from(pc);
    try (VectorEnv vec = vector(c)) {
      GaussianPolicy policy = GaussianPolicy.create(vec.observationSpec(), vec.actionSpec(),
          c.hidden(), c.layers(), c.initLogStd(), 1, c.learningRate());
      RolloutCollector collector = new RolloutCollector(vec, policy,
          new RewardScaler(envs, c.gamma()), c.gamma(), 1);
      int steps = 64;
      return SimBench.measured("rollout, DL4J policy in the loop", threads, envs, seconds,
          samples, () -> {
        collector.collect(steps, true);
        return (long) steps * envs;
      });
    }
  }

  /** PPO update throughput in samples per second per epoch. */
  public static SimBench.Result update(int envs, int numSteps, int minibatches, double seconds,
      int samples) {
    Config pc = Config.defaults("ppo", PpoConfig.PARAMS).with(Map.of("num_envs", envs,
        "num_steps", numSteps, "num_minibatches", minibatches, "update_epochs", 1));
    PpoConfig c = PpoConfig.from(pc);
    try (VectorEnv vec = vector(c)) {
      GaussianPolicy policy = GaussianPolicy.create(vec.observationSpec(), vec.actionSpec(),
          c.hidden(), c.layers(), c.initLogStd(), 1, c.learningRate());
      Rollout r = new RolloutCollector(vec, policy, new RewardScaler(envs, c.gamma()), c.gamma(),
          1).collect(numSteps, true);
      Ppo ppo = new Ppo(c, policy, 1);
      return SimBench.measured("PPO update, minibatch " + c.minibatchSize() + " (per epoch)", 1,
          envs, seconds, samples, () -> {
            ppo.update(r, 1);
            return (long) r.size();
          });
    }
  }

  private static VectorEnv vector(PpoConfig c) {
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < c.numEnvs(); i++) {
      list.add(Scenarios.make("race", Map.of("lidar.rays", 32)));
    }
    return new VectorEnv(list, c.envThreads());
  }
}
