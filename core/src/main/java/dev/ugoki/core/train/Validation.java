package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.policy.GaussianPolicy;
import java.util.function.ToDoubleFunction;

/**
 * The early stop of a training run: the deterministic policy's success rate on the validation seeds
 * ({@link PpoConfig#VALIDATION_FIRST_SEED} on), measured every {@code validate_every} steps once
 * the training episodes' rolling success has reached half the target (their actions carry
 * exploration noise, so they succeed less often than the deterministic policy; further below, a
 * validation cannot pass), and reached when it is at least the target {@code target_holds}
 * validations in a row. Off when the target is 0.
 */
final class Validation {
  private final PpoConfig config;
  private final ToDoubleFunction<GaussianPolicy> successRate;
  private long nextStep;
  private int holds;

  /**
   * @param successRate the policy's success rate on the validation seeds
   */
  Validation(PpoConfig config, ToDoubleFunction<GaussianPolicy> successRate) {
    this.config = config;
    this.successRate = successRate;
  }

  /** Validation of a run's policy on its own environments (the starting policy's layout). */
  static Validation of(PpoConfig config, RunPlan start) {
    return new Validation(
        config,
        policy ->
            Evaluation.runBatch(
                    start::env,
                    () -> policy.copy()::actDeterministic,
                    PpoConfig.VALIDATION_FIRST_SEED,
                    config.validationLastSeed(),
                    config.envThreads())
                .successRate());
  }

  /**
   * Validates if it is time; returns the success rate on the validation seeds, or NaN when it did
   * not validate at this update.
   *
   * @param trainingSuccess the rolling success rate of the training episodes
   * @param windowFull whether that rate is over a full window of episodes
   */
  double check(long step, double trainingSuccess, boolean windowFull, GaussianPolicy policy) {
    double target = config.targetSuccess();
    if (target <= 0 || !windowFull || !(trainingSuccess >= target / 2) || step < nextStep) {
      return Double.NaN;
    }
    nextStep = step + config.validateEvery();
    double success = successRate.applyAsDouble(policy);
    holds = success >= target ? holds + 1 : 0;
    return success;
  }

  /** Validations in a row at the target so far (a checkpoint keeps it). */
  int holds() {
    return holds;
  }

  /** The step from which the next validation may run (a checkpoint keeps it). */
  long nextStep() {
    return nextStep;
  }

  /** Goes on from a checkpoint's streak: a resumed run keeps the validations it had passed. */
  void restore(int holdsSoFar, long next) {
    this.holds = Math.max(0, holdsSoFar);
    this.nextStep = next;
  }

  /** Whether the target has held for the configured number of validations. */
  boolean reached() {
    return config.targetSuccess() > 0 && holds >= config.targetHolds();
  }
}
