package dev.ugoki.core.train;

/**
 * How a training run ended, whatever its algorithm.
 *
 * @param steps environment steps (PPO) or labeled steps (imitation) trained on
 * @param updates PPO updates, cloning epochs or DAgger iterations done
 * @param stoppedOnNan true when a NaN stopped it (the last good checkpoint is its policy)
 * @param message one sentence for the person who started it
 */
public record Outcome(long steps, int updates, boolean stoppedOnNan, String message) {}
