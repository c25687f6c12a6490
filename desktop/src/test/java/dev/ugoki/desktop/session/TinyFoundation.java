package dev.ugoki.desktop.session;

import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;

/** A tiny foundation policy for the window's tests: cloned on every body in a second or two. */
final class TinyFoundation {
  private TinyFoundation() {}

  /** Trains one under {@code dir}; returns its policy file. */
  static Path train(Path dir) throws Exception {
    RunPlan plan =
        RunPlan.resolve(
            RunRequest.of(
                null,
                "multitask",
                "bc",
                1L,
                600L,
                null,
                List.of(
                    "bc.num_envs=3",
                    "bc.epochs=2",
                    "bc.hidden=16",
                    "race/max_steps=100",
                    "navigate/max_steps=100",
                    "reach/max_steps=100")));
    RunFolder folder = plan.folder(dir);
    plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
    return folder.policy();
  }
}
