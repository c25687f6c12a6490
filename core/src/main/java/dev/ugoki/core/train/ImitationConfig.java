package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;

/**
 * The settings of behavior cloning ({@code bc}) and DAgger ({@code dagger}) runs, as {@link
 * PpoConfig} holds PPO's: each key declared once below (its name, default, range and meaning),
 * which the config parser, the policy file's {@code algo_config}, {@code ./ugoki scenarios} and
 * this record's constructor read. A field is its key in camelCase, in the order of {@link #PARAMS}.
 * The {@code dagger:} keys are read by DAgger only.
 */
public record ImitationConfig(
    int numEnvs,
    int envThreads,
    double learningRate,
    int epochs,
    int minibatch,
    double maxGradNorm,
    double expertNoise,
    int iterations,
    double beta0,
    int refitEpochs,
    boolean l1Loss,
    int hidden,
    int layers) {

  public static final Param NUM_ENVS =
      Param.integer("num_envs", 16, 1, 4096, "environments the expert or learner drives at once");

  public static final Param ENV_THREADS =
      Param.integer("env_threads", 2, 1, 256, "threads that step the environments");

  /** The range of PPO's: the same Adam. */
  public static final Param LEARNING_RATE =
      Param.real("learning_rate", 1e-3, 1e-7, 1, "Adam's learning rate");

  public static final Param EPOCHS =
      Param.integer("epochs", 30, 1, 10_000, "passes over the demonstrations in the first fit");

  /** The last minibatch of an epoch may have fewer. */
  public static final Param MINIBATCH =
      Param.integer("minibatch", 512, 1, 1 << 20, "samples per gradient step");

  public static final Param MAX_GRAD_NORM =
      Param.real("max_grad_norm", 1, 0, 100, "global gradient norm clip (0: off)");

  /** DART (Laskey et al. 2017): the demonstrations then show how to recover. */
  public static final Param EXPERT_NOISE =
      Param.real(
          "expert_noise",
          0.1,
          0,
          2,
          "Gaussian noise on the expert's executed action, "
              + "as a fraction of each channel's half-range (DART); the recorded label stays clean");

  public static final Param ITERATIONS =
      Param.integer("iterations", 3, 1, 100, "dagger: iterations after the expert's round");

  /** 0 lets the learner drive every step after the expert's round. */
  public static final Param BETA0 =
      Param.real(
          "beta0",
          0.5,
          0,
          1,
          "dagger: the expert drives a step of iteration i with probability beta0^i");

  public static final Param REFIT_EPOCHS =
      Param.integer(
          "refit_epochs", 5, 0, 10_000, "dagger: epochs over the aggregate per iteration");

  /**
   * Where the expert's label jumps (push on, or leave for another push), squared error fits the
   * mean of the labels on either side, a command between the two that may stand still; absolute
   * error fits their median, one of the two (ACT, Zhao et al. 2023, clones with L1 for the same
   * reason). Measured on {@code push}: 46% of unseen seeds with squared error, 77% with absolute.
   */
  public static final Param L1_LOSS =
      Param.bool(
          "l1_loss",
          false,
          "regress the action by absolute error (the labels' median) instead of squared (their"
              + " mean)");

  public static final Param HIDDEN = Architecture.HIDDEN;

  public static final Param LAYERS = Architecture.LAYERS;

  /** The keys of the {@code bc} and {@code dagger} sections of a run's config. */
  public static final List<Param> PARAMS =
      List.of(
          NUM_ENVS,
          ENV_THREADS,
          LEARNING_RATE,
          EPOCHS,
          MINIBATCH,
          MAX_GRAD_NORM,
          EXPERT_NOISE,
          ITERATIONS,
          BETA0,
          REFIT_EPOCHS,
          L1_LOSS,
          HIDDEN,
          LAYERS);

  /**
   * @throws IllegalArgumentException naming the first field outside its key's range
   */
  public ImitationConfig {
    NUM_ENVS.check(numEnvs);
    ENV_THREADS.check(envThreads);
    LEARNING_RATE.check(learningRate);
    EPOCHS.check(epochs);
    MINIBATCH.check(minibatch);
    MAX_GRAD_NORM.check(maxGradNorm);
    EXPERT_NOISE.check(expertNoise);
    ITERATIONS.check(iterations);
    BETA0.check(beta0);
    REFIT_EPOCHS.check(refitEpochs);
    HIDDEN.check(hidden);
    LAYERS.check(layers);
  }

  /** The record from a resolved {@code bc} or {@code dagger} config section. */
  public static ImitationConfig from(Config c) {
    return new ImitationConfig(
        c.integer(NUM_ENVS),
        c.integer(ENV_THREADS),
        c.real(LEARNING_RATE),
        c.integer(EPOCHS),
        c.integer(MINIBATCH),
        c.real(MAX_GRAD_NORM),
        c.real(EXPERT_NOISE),
        c.integer(ITERATIONS),
        c.real(BETA0),
        c.integer(REFIT_EPOCHS),
        c.bool(L1_LOSS),
        c.integer(HIDDEN),
        c.integer(LAYERS));
  }

  /** Behavior cloning's settings for the first fit: the learner's own rate, the spread fitted. */
  BehaviorCloning.Config cloning() {
    return new BehaviorCloning.Config(epochs, minibatch, 1, maxGradNorm, true, l1Loss);
  }
}
