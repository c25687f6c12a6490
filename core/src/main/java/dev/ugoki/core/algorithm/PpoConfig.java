package dev.ugoki.core.algorithm;

import dev.ugoki.core.policy.Architecture;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;

/**
 * PPO's hyperparameters, with CleanRL's names in snake_case in YAML and on the command line.
 *
 * <p>Each is declared once, as CleanRL's {@code Args} declares it: the {@link Param} below of the
 * same name (its key, default, range and meaning), which the config parser, the policy file's
 * {@code algo_config}, {@code ./ugoki scenarios} and this record's constructor all read. A field is
 * its key in camelCase, in the order of {@link #PARAMS}; the constructor checks each against its
 * declaration, so a record made in code takes the same range as a config file.
 */
public record PpoConfig(
    int numEnvs,
    int numSteps,
    double learningRate,
    boolean annealLr,
    double gamma,
    double gaeLambda,
    int updateEpochs,
    int numMinibatches,
    boolean normAdv,
    double clipCoef,
    boolean clipVloss,
    double entCoef,
    double vfCoef,
    double maxGradNorm,
    double targetKl,
    double anchorCoef,
    boolean normReward,
    int hidden,
    int layers,
    double initLogStd,
    int envThreads,
    double targetSuccess,
    int targetHolds,
    int validateEvery,
    int validationEpisodes) {

  /**
   * The first validation seed: far from the evaluation seeds (1-50 by default) and from training's
   * episode seeds (at least 2^62, {@code VectorEnv.episodeSeed}).
   */
  public static final long VALIDATION_FIRST_SEED = 1_000_001;

  /** The policy runs on all of them in one call. */
  public static final Param NUM_ENVS =
      Param.integer("num_envs", 16, 1, 4096, "environments stepped together");

  public static final Param NUM_STEPS =
      Param.integer("num_steps", 256, 1, 100_000, "steps per environment per rollout");

  /**
   * Below 1e-7 an Adam step is under a float32 weight's resolution near 1; Adam takes any rate
   * above, and a rate of 1 moves each weight by about 1 a step.
   */
  public static final Param LEARNING_RATE =
      Param.real("learning_rate", 3e-4, 1e-7, 1, "Adam's learning rate at the start");

  public static final Param ANNEAL_LR =
      Param.bool("anneal_lr", true, "decay the learning rate linearly to zero");

  /** 0 is well defined: GAE's advantage is then r - V and the scaled return is the reward. */
  public static final Param GAMMA = Param.real("gamma", 0.99, 0, 1, "discount factor");

  public static final Param GAE_LAMBDA = Param.real("gae_lambda", 0.95, 0, 1, "GAE's lambda");

  public static final Param UPDATE_EPOCHS =
      Param.integer("update_epochs", 10, 1, 100, "passes over each rollout");

  /** At most {@code num_envs * num_steps}, which the constructor checks across keys. */
  public static final Param NUM_MINIBATCHES =
      Param.integer("num_minibatches", 8, 1, 4096, "minibatches per pass");

  public static final Param NORM_ADV =
      Param.bool("norm_adv", true, "standardize advantages per minibatch");

  /** It also clips the value loss ({@link #CLIP_VLOSS}). */
  public static final Param CLIP_COEF =
      Param.real("clip_coef", 0.2, 0.01, 1, "surrogate clipping range");

  public static final Param CLIP_VLOSS =
      Param.bool("clip_vloss", true, "clip the value loss around the rollout's values");

  public static final Param ENT_COEF =
      Param.real("ent_coef", 0, 0, 1, "weight of the entropy bonus");

  public static final Param VF_COEF = Param.real("vf_coef", 0.5, 0, 10, "weight of the value loss");

  public static final Param MAX_GRAD_NORM =
      Param.real("max_grad_norm", 0.5, 0, 100, "global gradient norm clip (0: off)");

  /** The approximate KL, checked after each epoch. */
  public static final Param TARGET_KL =
      Param.real("target_kl", 0, 0, 10, "early-stop epochs past this KL (0: off)");

  /**
   * The weight of {@link PpoLoss}'s anchor: half the squared distance between the mean actions and
   * those of the policy a fine-tune started from; it needs a starting policy.
   */
  public static final Param ANCHOR_COEF =
      Param.real(
          "anchor_coef",
          0,
          0,
          1000,
          "with --from: pull toward the starting policy's mean actions (0: off)");

  /** By the running standard deviation of the discounted return. */
  public static final Param NORM_REWARD =
      Param.bool("norm_reward", true, "scale rewards by the return's running spread");

  public static final Param HIDDEN = Architecture.HIDDEN;

  public static final Param LAYERS = Architecture.LAYERS;

  public static final Param INIT_LOG_STD =
      Param.real("init_log_std", -0.5, -5, 2, "initial log standard deviation");

  public static final Param ENV_THREADS =
      Param.integer("env_threads", 2, 1, 256, "threads that step the environments");

  /**
   * The deterministic policy's success rate on the validation seeds at which training stops, once
   * it holds {@link #TARGET_HOLDS} validations in a row; 0 trains the whole budget.
   */
  public static final Param TARGET_SUCCESS =
      Param.real("target_success", 0.95, 0, 1, "stop once validation success holds this (0: off)");

  public static final Param TARGET_HOLDS =
      Param.integer("target_holds", 3, 1, 100, "validations in a row at the target to stop");

  /** Validations start once the training episodes' rolling success has reached half the target. */
  public static final Param VALIDATE_EVERY =
      Param.integer(
          "validate_every",
          20_000,
          1,
          100_000_000,
          "env steps between validations once training success is half the target");

  /** One episode each, of the seeds from {@link #VALIDATION_FIRST_SEED} on. */
  public static final Param VALIDATION_EPISODES =
      Param.integer(
          "validation_episodes",
          100,
          1,
          10_000,
          "validation seeds, from 1000001 (never trained or evaluated on)");

  /** The keys of PPO's section in a run's config, with CleanRL's defaults where they fit. */
  public static final List<Param> PARAMS =
      List.of(
          NUM_ENVS,
          NUM_STEPS,
          LEARNING_RATE,
          ANNEAL_LR,
          GAMMA,
          GAE_LAMBDA,
          UPDATE_EPOCHS,
          NUM_MINIBATCHES,
          NORM_ADV,
          CLIP_COEF,
          CLIP_VLOSS,
          ENT_COEF,
          VF_COEF,
          MAX_GRAD_NORM,
          TARGET_KL,
          ANCHOR_COEF,
          NORM_REWARD,
          HIDDEN,
          LAYERS,
          INIT_LOG_STD,
          ENV_THREADS,
          TARGET_SUCCESS,
          TARGET_HOLDS,
          VALIDATE_EVERY,
          VALIDATION_EPISODES);

  /**
   * @throws IllegalArgumentException naming the first field outside its key's range, or {@code
   *     num_minibatches} above the samples of a rollout
   */
  public PpoConfig {
    NUM_ENVS.check(numEnvs);
    NUM_STEPS.check(numSteps);
    LEARNING_RATE.check(learningRate);
    GAMMA.check(gamma);
    GAE_LAMBDA.check(gaeLambda);
    UPDATE_EPOCHS.check(updateEpochs);
    NUM_MINIBATCHES.check(numMinibatches);
    CLIP_COEF.check(clipCoef);
    ENT_COEF.check(entCoef);
    VF_COEF.check(vfCoef);
    MAX_GRAD_NORM.check(maxGradNorm);
    TARGET_KL.check(targetKl);
    ANCHOR_COEF.check(anchorCoef);
    HIDDEN.check(hidden);
    LAYERS.check(layers);
    INIT_LOG_STD.check(initLogStd);
    ENV_THREADS.check(envThreads);
    TARGET_SUCCESS.check(targetSuccess);
    TARGET_HOLDS.check(targetHolds);
    VALIDATE_EVERY.check(validateEvery);
    VALIDATION_EPISODES.check(validationEpisodes);
    if (numMinibatches > (long) numEnvs * numSteps) {
      throw new IllegalArgumentException(
          "num_minibatches = "
              + numMinibatches
              + " is more than num_envs * num_steps = "
              + (long) numEnvs * numSteps
              + " samples of a rollout");
    }
  }

  /** The record from a resolved {@code ppo} config section. */
  public static PpoConfig from(Config c) {
    return new PpoConfig(
        c.integer(NUM_ENVS),
        c.integer(NUM_STEPS),
        c.real(LEARNING_RATE),
        c.bool(ANNEAL_LR),
        c.real(GAMMA),
        c.real(GAE_LAMBDA),
        c.integer(UPDATE_EPOCHS),
        c.integer(NUM_MINIBATCHES),
        c.bool(NORM_ADV),
        c.real(CLIP_COEF),
        c.bool(CLIP_VLOSS),
        c.real(ENT_COEF),
        c.real(VF_COEF),
        c.real(MAX_GRAD_NORM),
        c.real(TARGET_KL),
        c.real(ANCHOR_COEF),
        c.bool(NORM_REWARD),
        c.integer(HIDDEN),
        c.integer(LAYERS),
        c.real(INIT_LOG_STD),
        c.integer(ENV_THREADS),
        c.real(TARGET_SUCCESS),
        c.integer(TARGET_HOLDS),
        c.integer(VALIDATE_EVERY),
        c.integer(VALIDATION_EPISODES));
  }

  /** Samples in one rollout. */
  public int batchSize() {
    return numEnvs * numSteps;
  }

  public int minibatchSize() {
    return batchSize() / numMinibatches;
  }

  /** The last validation seed. */
  public long validationLastSeed() {
    return VALIDATION_FIRST_SEED + validationEpisodes - 1;
  }
}
