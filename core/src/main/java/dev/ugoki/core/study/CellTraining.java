package dev.ugoki.core.study;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.TempFolders;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a study's cell does: one training run in a temporary folder of its own (the cell may run on
 * another machine, which keeps nothing), the trained policy measured, the folder deleted.
 */
final class CellTraining {
  /** Writes what the run needs into {@code tmp} (a config, a foundation) and resolves it. */
  interface Setup {
    RunPlan plan(Path tmp) throws IOException;
  }

  /** Measures the trained policy. */
  interface Measure<R> {
    R measure(RunPlan plan, Path policy, PolicyFile.Loaded trained) throws IOException;
  }

  private CellTraining() {}

  static <R> R run(Setup setup, Measure<R> measure) throws IOException {
    Path tmp = TempFolders.create("cell");
    try {
      RunPlan plan = setup.plan(tmp);
      RunFolder folder = plan.folder(tmp.resolve("runs"));
      plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
      return measure.measure(plan, folder.policy(), PolicyFile.load(folder.policy()));
    } finally {
      TempFolders.remove(tmp);
    }
  }
}
