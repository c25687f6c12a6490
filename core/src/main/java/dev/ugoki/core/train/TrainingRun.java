package dev.ugoki.core.train;

import dev.ugoki.core.report.LearningCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One training job from its resolved config to its files: the trainer of its algorithm (PPO, or
 * behavior cloning and DAgger), then the learning-curve plots. What {@code ./ugoki train} and the
 * desktop app's live training share; the caller makes the run folder and writes its config.
 */
public final class TrainingRun {
  /** How the job ended, and the plots it wrote (none when it stopped on a NaN). */
  public record Result(PpoTrainer.Outcome outcome, List<Path> plots) {}

  private TrainingRun() {}

  /**
   * Trains {@code run} into {@code folder}.
   *
   * @param resume continue a PPO run from its last checkpoint
   * @throws IllegalArgumentException for a resumed imitation run
   */
  public static Result execute(
      RunConfig run, RunFolder folder, boolean resume, PpoTrainer.Options options)
      throws IOException {
    PpoTrainer.Outcome outcome;
    if (run.algo().equals("ppo")) {
      outcome = PpoTrainer.train(run, folder, resume, options);
    } else {
      if (resume) {
        throw new IllegalArgumentException(
            "--resume continues PPO runs; a " + run.algo() + " run takes seconds: start it again");
      }
      outcome = ImitationTrainer.train(run, folder, options.progress(), options.listener());
    }
    if (outcome.stoppedOnNan()) {
      return new Result(outcome, List.of());
    }
    List<Path> plots =
        LearningCurves.write(
            folder.metrics(),
            folder.dir(),
            run.scenario() + " " + run.algo() + " seed " + run.seed());
    return new Result(outcome, plots);
  }
}
