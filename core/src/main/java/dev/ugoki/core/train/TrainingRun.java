package dev.ugoki.core.train;

import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.report.LearningCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One training job from its plan to its files: the trainer of its algorithm, then the
 * learning-curve plots. What {@code ./ugoki train} and the window's live training and cloning
 * share.
 */
public final class TrainingRun {
  /** How the job ended, and the plots it wrote (none when it stopped on a NaN). */
  public record Result(Outcome outcome, List<Path> plots) {}

  private TrainingRun() {}

  /** Trains {@code plan} into {@code folder} (made by {@link RunPlan#folder}), then plots it. */
  public static Result execute(RunPlan plan, RunFolder folder, Trainer.Options options)
      throws IOException {
    RunConfig run = plan.config();
    // one writer per run folder: two resumes at once would mix their checkpoints
    try (FolderLock lock = FolderLock.acquire(folder.dir(), "training " + run.algo())) {
      plan.claim();
      Outcome outcome = plan.algorithm().trainer().train(plan, folder, options);
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
}
