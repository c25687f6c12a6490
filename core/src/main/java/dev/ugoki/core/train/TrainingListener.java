package dev.ugoki.core.train;

import dev.ugoki.core.policy.GaussianPolicy;
import java.nio.file.Path;

/**
 * Hears a training run while it goes, and may steer it: the desktop app's live view of a run (the
 * command line needs none). Every method is called on the training thread, between updates, so the
 * policy is never being trained while a method runs; an implementation that hands the policy to
 * another thread must hand over a {@link GaussianPolicy#copy() copy}, since training goes on after
 * the method returns.
 */
public interface TrainingListener {
  /** Hears nothing and never asks for anything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * The figures after one update (a PPO update, a DAgger iteration, a cloning fit).
   *
   * @param update updates done, from 1
   * @param step environment steps (or labeled steps) so far
   * @param totalSteps the run's budget
   * @param meanReturn mean return of the last 100 finished episodes (NaN before the first)
   * @param successRate their success rate in [0, 1] (NaN before the first)
   * @param elapsedS seconds since the run (or the resumed part of it) began
   */
  record Update(
      int update,
      long step,
      long totalSteps,
      double meanReturn,
      double successRate,
      double elapsedS) {}

  /** After each update, with the policy as it is now. */
  default void onUpdate(Update update, GaussianPolicy policy) {}

  /** After a checkpoint was written, the file (the numbered one, not latest.zip). */
  default void onCheckpoint(Path file) {}

  /**
   * Asked after each update: true makes the trainer write a checkpoint now (and then {@link
   * #onCheckpoint}), whatever the time since the last one.
   */
  default boolean checkpointRequested() {
    return false;
  }

  /**
   * Asked after each update: true ends the run there, as if its budget were spent: a checkpoint and
   * the final policy are written, and {@code train --resume} can go on from them.
   */
  default boolean stopRequested() {
    return false;
  }
}
