package dev.ugoki.core.algorithm;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;

/**
 * PPO's hyperparameters, with CleanRL's names in snake_case in YAML and on the command line.
 *
 * @param numEnvs environments stepped together; the policy runs on all of them in one call
 * @param numSteps steps per environment in each rollout
 * @param learningRate Adam's learning rate at the start
 * @param annealLr decay the learning rate linearly to zero over the run
 * @param gamma discount factor
 * @param gaeLambda GAE's lambda
 * @param updateEpochs passes over each rollout
 * @param numMinibatches minibatches per pass
 * @param normAdv standardize advantages per minibatch
 * @param clipCoef the surrogate's clipping range (also clips the value loss)
 * @param clipVloss clip the value loss around the rollout's values
 * @param entCoef weight of the entropy bonus
 * @param vfCoef weight of the value loss
 * @param maxGradNorm global gradient norm clip
 * @param targetKl stop an update's epochs early past this approximate KL; 0 turns it off
 * @param anchorCoef weight of a fine-tune's pull toward the mean actions of the policy it started
 *     from ({@link PpoLoss}'s anchor); 0 turns it off, and it needs a starting policy
 * @param normReward scale rewards by the running standard deviation of the discounted return
 * @param hidden units per hidden layer
 * @param layers hidden layers per network
 * @param initLogStd initial log standard deviation of the actions
 * @param envThreads threads that step the environments
 * @param targetSuccess stop early once the deterministic policy's success rate on the validation
 *     seeds is at least this, {@code targetHolds} validations in a row; 0 trains the whole budget
 * @param targetHolds consecutive validations that must reach the target
 * @param validateEvery environment steps between validations (taken once the training episodes'
 *     rolling success has reached half the target)
 * @param validationEpisodes validation seeds: {@link #VALIDATION_FIRST_SEED} on, one episode each
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

  public PpoConfig {
    require(numEnvs >= 1, "num_envs must be at least 1");
    require(numSteps >= 1, "num_steps must be at least 1");
    require(learningRate > 0 && learningRate < 1, "learning_rate must be in (0, 1)");
    require(gamma > 0 && gamma <= 1, "gamma must be in (0, 1]");
    require(gaeLambda >= 0 && gaeLambda <= 1, "gae_lambda must be in [0, 1]");
    require(updateEpochs >= 1, "update_epochs must be at least 1");
    require(
        numMinibatches >= 1 && numMinibatches <= numEnvs * numSteps,
        "num_minibatches must be between 1 and num_envs * num_steps");
    require(clipCoef > 0, "clip_coef must be positive");
    require(
        entCoef >= 0 && vfCoef >= 0 && maxGradNorm >= 0 && targetKl >= 0 && anchorCoef >= 0,
        "ent_coef, vf_coef, max_grad_norm, target_kl and anchor_coef must not be negative");
    require(hidden >= 1 && layers >= 1, "hidden and layers must be at least 1");
    require(Double.isFinite(initLogStd), "init_log_std must be finite");
    require(envThreads >= 1, "env_threads must be at least 1");
    require(targetSuccess >= 0 && targetSuccess <= 1, "target_success must be in [0, 1]");
    require(
        targetHolds >= 1 && validateEvery >= 1 && validationEpisodes >= 1,
        "target_holds, validate_every and validation_episodes must be at least 1");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The keys of PPO's section in a run's config, with CleanRL's defaults where they fit. */
  public static final List<Param> PARAMS =
      List.of(
          Param.integer("num_envs", 16, 1, 4096, "environments stepped together"),
          Param.integer("num_steps", 256, 1, 100_000, "steps per environment per rollout"),
          Param.real("learning_rate", 3e-4, 1e-7, 0.1, "Adam's learning rate at the start"),
          Param.bool("anneal_lr", true, "decay the learning rate linearly to zero"),
          Param.real("gamma", 0.99, 0.5, 1, "discount factor"),
          Param.real("gae_lambda", 0.95, 0, 1, "GAE's lambda"),
          Param.integer("update_epochs", 10, 1, 100, "passes over each rollout"),
          Param.integer("num_minibatches", 8, 1, 4096, "minibatches per pass"),
          Param.bool("norm_adv", true, "standardize advantages per minibatch"),
          Param.real("clip_coef", 0.2, 0.01, 1, "surrogate clipping range"),
          Param.bool("clip_vloss", true, "clip the value loss around the rollout's values"),
          Param.real("ent_coef", 0, 0, 1, "weight of the entropy bonus"),
          Param.real("vf_coef", 0.5, 0, 10, "weight of the value loss"),
          Param.real("max_grad_norm", 0.5, 0, 100, "global gradient norm clip (0: off)"),
          Param.real("target_kl", 0, 0, 10, "early-stop epochs past this KL (0: off)"),
          Param.real(
              "anchor_coef",
              0,
              0,
              1000,
              "with --from: pull toward the starting policy's mean actions (0: off)"),
          Param.bool("norm_reward", true, "scale rewards by the return's running spread"),
          Param.integer("hidden", 64, 1, 4096, "units per hidden layer"),
          Param.integer("layers", 2, 1, 16, "hidden layers per network"),
          Param.real("init_log_std", -0.5, -5, 2, "initial log standard deviation"),
          Param.integer("env_threads", 2, 1, 256, "threads that step the environments"),
          Param.real(
              "target_success", 0.95, 0, 1, "stop once validation success holds this (0: off)"),
          Param.integer("target_holds", 3, 1, 100, "validations in a row at the target to stop"),
          Param.integer(
              "validate_every",
              20_000,
              1,
              100_000_000,
              "env steps between validations once training success is half the target"),
          Param.integer(
              "validation_episodes",
              100,
              1,
              10_000,
              "validation seeds, from 1000001 (never trained or evaluated on)"));

  /** The record from a resolved {@code ppo} config section. */
  public static PpoConfig from(Config c) {
    return new PpoConfig(
        c.integer("num_envs"),
        c.integer("num_steps"),
        c.real("learning_rate"),
        c.bool("anneal_lr"),
        c.real("gamma"),
        c.real("gae_lambda"),
        c.integer("update_epochs"),
        c.integer("num_minibatches"),
        c.bool("norm_adv"),
        c.real("clip_coef"),
        c.bool("clip_vloss"),
        c.real("ent_coef"),
        c.real("vf_coef"),
        c.real("max_grad_norm"),
        c.real("target_kl"),
        c.real("anchor_coef"),
        c.bool("norm_reward"),
        c.integer("hidden"),
        c.integer("layers"),
        c.real("init_log_std"),
        c.integer("env_threads"),
        c.real("target_success"),
        c.integer("target_holds"),
        c.integer("validate_every"),
        c.integer("validation_episodes"));
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
