package dev.ugoki.core.replay;

import java.util.Arrays;

/**
 * An episode's actions and rewards as they come, step after step, in arrays that grow by doubling
 * up to {@link ReplayRecorder#MAX_STEPS}: what a recorder keeps and a reader reads into.
 */
final class StepLog {
  private final int actionSize;
  private float[] actions = new float[0];
  private double[] rewards = new double[0];
  private int steps;

  StepLog(int actionSize) {
    this.actionSize = actionSize;
  }

  int steps() {
    return steps;
  }

  /** Whether another step fits under the limit. */
  boolean full() {
    return steps >= ReplayRecorder.MAX_STEPS;
  }

  /** Appends a step (its first {@code actionSize} values of {@code action}); not when full. */
  void add(float[] action, double reward) {
    if (full()) {
      throw new IllegalStateException("more than " + ReplayRecorder.MAX_STEPS + " steps");
    }
    if (steps == rewards.length) {
      int grown = (int) Math.min(ReplayRecorder.MAX_STEPS, Math.max(256L, rewards.length * 2L));
      rewards = Arrays.copyOf(rewards, grown);
      actions = Arrays.copyOf(actions, grown * actionSize);
    }
    System.arraycopy(action, 0, actions, steps * actionSize, actionSize);
    rewards[steps++] = reward;
  }

  void clear() {
    steps = 0;
  }

  /** The actions so far, one step after another (a copy). */
  float[] actions() {
    return Arrays.copyOf(actions, steps * actionSize);
  }

  /** The rewards so far (a copy). */
  double[] rewards() {
    return Arrays.copyOf(rewards, steps);
  }
}
