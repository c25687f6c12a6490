package dev.ugoki.core.bench;

import dev.ugoki.core.algorithm.Ppo;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.PolicyNetwork;
import dev.ugoki.core.rollout.RewardScaler;
import dev.ugoki.core.rollout.Rollout;
import dev.ugoki.core.rollout.RolloutCollector;
import dev.ugoki.core.train.Outcome;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.sim.bench.SimBench;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the learner on {@code race}'s default policy (40 inputs, actor and critic 2 x 64 tanh):
 * the policy's forward pass alone (inference, rows per second), PPO's minibatch step (samples per
 * second per epoch: forward, loss, back-propagation, clip and Adam), rollouts with the policy in
 * the loop (environment steps per second), and the default training run's time to its target. The
 * figures other stacks publish are of these kinds. Each is the median of timed samples after a
 * warm-up.
 */
public final class LearnerBench {
  /** Rows per second through the policy's forward pass. */
  public static final String ROWS = "rows/s";

  /** Training samples per second, per pass over the rollout. */
  public static final String SAMPLES = "samples/s/epoch";

  private LearnerBench() {}

  /** The default race policy, fresh. */
  private static GaussianPolicy policy(VectorEnv vec, PpoConfig c) {
    return GaussianPolicy.create(
        vec.observationSpec(), vec.actionSpec(), c.hidden(), c.layers(), c.initLogStd(), 1);
  }

  /** The policy's forward pass (action means and values) on {@code batch} rows, one thread. */
  public static SimBench.Result forward(int batch, double seconds, int samples) {
    PpoConfig c = config(Map.of("num_envs", 1));
    try (VectorEnv vec = vector(c)) {
      PolicyNetwork net = policy(vec, c).network();
      SplittableRandom r = new SplittableRandom(1);
      float[] x = new float[batch * vec.observationSpec().size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      int calls = Math.max(1, 4096 / batch);
      return SimBench.measured(
          "policy forward (inference)",
          ROWS,
          1,
          batch,
          seconds,
          samples,
          () -> {
            for (int i = 0; i < calls; i++) {
              net.forward(x, batch);
            }
            return (long) calls * batch;
          });
    }
  }

  /** Rollout throughput in env steps per second. */
  public static SimBench.Result rollout(int envs, int threads, double seconds, int samples) {
    PpoConfig c = config(Map.of("num_envs", envs, "env_threads", threads));
    try (VectorEnv vec = vector(c)) {
      RolloutCollector collector =
          new RolloutCollector(
              vec, policy(vec, c), null, new RewardScaler(envs, c.gamma()), c.gamma(), 1);
      int steps = 64;
      return SimBench.measured(
          "rollout, policy in the loop",
          SimBench.STEPS,
          threads,
          envs,
          seconds,
          samples,
          () -> {
            collector.collect(steps, true);
            return (long) steps * envs;
          });
    }
  }

  /**
   * PPO's update in minibatches of {@code minibatch} samples (one epoch over a rollout of 64
   * environments x 128 steps), one thread.
   */
  public static SimBench.Result ppoStep(int minibatch, double seconds, int samples) {
    int envs = 64;
    int numSteps = 128;
    PpoConfig c =
        config(
            Map.of(
                "num_envs",
                envs,
                "num_steps",
                numSteps,
                "num_minibatches",
                envs * numSteps / minibatch,
                "update_epochs",
                1,
                "env_threads",
                2));
    try (VectorEnv vec = vector(c)) {
      GaussianPolicy policy = policy(vec, c);
      Rollout r =
          new RolloutCollector(vec, policy, null, new RewardScaler(envs, c.gamma()), c.gamma(), 1)
              .collect(numSteps, true);
      Ppo ppo = new Ppo(c, Learner.fresh(policy, c.learningRate()), 1);
      return SimBench.measured(
          "PPO minibatch step",
          SAMPLES,
          1,
          minibatch,
          seconds,
          samples,
          () -> {
            ppo.update(r, 1);
            return (long) r.size();
          });
    }
  }

  /** Seconds of wall time, the unit of the training row. */
  public static final String SECONDS = "s";

  /**
   * The default training run ({@code ./ugoki}'s: race, PPO, seed 1) from start to its target, in a
   * temporary folder deleted afterwards; one sample, as a run is long. Its name carries the steps
   * it took.
   */
  public static SimBench.Result defaultRunToTarget() throws IOException {
    RunPlan plan = RunPlan.resolve(RunRequest.of(null, null, List.of()));
    RunConfig run = plan.config();
    Path tmp = dev.ugoki.core.io.TempFolders.create("bench");
    try {
      RunFolder folder = plan.folder(tmp);
      long t0 = System.nanoTime();
      Outcome outcome = plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
      double seconds = (System.nanoTime() - t0) / 1e9;
      int envs = PpoConfig.from(run.algoConfig()).numEnvs();
      return new SimBench.Result(
          String.format(
              Locale.ROOT, "default race run to target (%,dk " + "steps)", outcome.steps() / 1000),
          SECONDS,
          run.algoConfig().integer(PpoConfig.ENV_THREADS),
          envs,
          seconds,
          new double[] {seconds});
    } finally {
      dev.ugoki.core.io.TempFolders.remove(tmp);
    }
  }

  private static PpoConfig config(Map<String, Object> overrides) {
    return PpoConfig.from(Config.defaults("ppo", PpoConfig.PARAMS).with(overrides));
  }

  private static VectorEnv vector(PpoConfig c) {
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < c.numEnvs(); i++) {
      list.add(Scenarios.make("race", Map.of("lidar.rays", 32)));
    }
    return new VectorEnv(list, c.envThreads());
  }
}
