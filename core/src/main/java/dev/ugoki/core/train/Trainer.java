package dev.ugoki.core.train;

import java.io.IOException;

/**
 * What every training algorithm implements: a resolved {@link RunPlan} in, its files in the run
 * folder (metrics, checkpoints, the policy, through a {@link RunRecorder}) and an {@link Outcome}
 * out. The command line, the window's live training and cloning, the studies and the benchmark all
 * train through it ({@link TrainingRun}).
 */
public interface Trainer {

  /**
   * Knobs that shape a run's I/O but not what it learns.
   *
   * @param progress the terminal's progress line
   * @param injectNanAtUpdate a testing aid: poison the weights after this PPO update (-1: never)
   * @param listener hears every update and may ask for a checkpoint or the end of the run
   */
  record Options(Progress progress, int injectNanAtUpdate, TrainingListener listener) {
    /** No progress line, no listener. */
    public static Options silent() {
      return new Options(Progress.silent(), -1, TrainingListener.NONE);
    }
  }

  /** Trains {@code plan} into {@code folder}. */
  Outcome train(RunPlan plan, RunFolder folder, Options options) throws IOException;
}
