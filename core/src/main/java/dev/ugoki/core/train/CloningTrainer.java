package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.core.algorithm.Dagger;
import dev.ugoki.core.algorithm.DemoDataset;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behavior cloning ({@code bc}): of the run's demonstration files, or of the expert, whose
 * demonstrations (the budget's worth of labeled steps) are recorded into the run folder as {@code
 * demos.jsonl} first. One fit of {@code epochs} passes; one metrics row per epoch.
 */
final class CloningTrainer extends ImitationTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(CloningTrainer.class);

  @Override
  Fit fit(
      RunPlan plan, RunFolder folder, VectorEnv envs, Learner learner, RunRecorder out, Options opt)
      throws IOException {
    RunConfig run = plan.config();
    ImitationConfig c = ImitationConfig.from(run.algoConfig());
    long t0 = System.nanoTime();
    DemoDataset data;
    if (plan.demos().isEmpty()) {
      data = expertDemos(plan, folder, envs, c.expertNoise());
    } else {
      // a cut-off last line, another version or configuration: said, not silently taken
      for (Demonstrations d : plan.demos()) {
        d.warnings().forEach(LOG::warn);
      }
      data = DemoDataset.of(plan.demos(), envs.env(0));
    }
    long steps = data.rows();
    List<BehaviorCloning.EpochStats> epochs =
        new BehaviorCloning(learner, c.cloning(), run.seed()).fit(data);
    for (BehaviorCloning.EpochStats e : epochs) {
      LinkedHashMap<String, Double> row = new LinkedHashMap<>();
      row.put("update", e.epoch() + 1.0);
      row.put("epoch", e.epoch() + 1.0);
      row.put("global_step", (double) steps);
      row.put("time_s", (System.nanoTime() - t0) / 1e9);
      row.put("bc_loss", e.loss());
      row.put("grad_norm", e.gradNorm());
      out.log(row);
    }
    int updates = epochs.size();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    opt.listener()
        .onUpdate(
            new TrainingListener.Update(
                updates, steps, run.steps(), Double.NaN, Double.NaN, elapsed),
            learner.policy());
    double loss = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).loss();
    return new Fit(
        steps,
        updates,
        String.format(
            java.util.Locale.ROOT,
            "trained on %d labeled steps: loss %.4f after %d epochs",
            steps,
            loss,
            updates));
  }

  /** The expert's demonstrations, the budget's worth, recorded into the run folder as it drives. */
  private static DemoDataset expertDemos(
      RunPlan plan, RunFolder folder, VectorEnv envs, double expertNoise) throws IOException {
    RunConfig run = plan.config();
    int perEnv = (int) Math.max(1, run.steps() / envs.numEnvs());
    try (DemoWriter w =
        DemoFile.create(
            folder.dir().resolve("demos.jsonl"), DemoHeader.of(envs.env(0), "expert"))) {
      Dagger.Labeled l = Dagger.collectExpert(envs, perEnv, expertNoise, run.seed(), w);
      DemoDataset data =
          new DemoDataset(l.observations().length / l.rows(), l.labels().length / l.rows());
      data.add(l.observations(), l.labels(), l.rows());
      return data;
    }
  }
}
