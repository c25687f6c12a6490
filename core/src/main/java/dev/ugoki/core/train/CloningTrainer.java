package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.core.algorithm.Dagger;
import dev.ugoki.core.algorithm.DemoDataset;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
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
final class CloningTrainer implements Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(CloningTrainer.class);

  @Override
  public Outcome train(RunPlan plan, RunFolder folder, Options opt) throws IOException {
    RunConfig run = plan.config();
    Config c = run.algoConfig();
    int n = c.integer("num_envs");
    List<Env> list = plan.envs(n);
    try (VectorEnv envs = new VectorEnv(list, c.integer("env_threads"));
        RunRecorder out =
            new RunRecorder(folder, opt.listener(), run.checkpointEverySeconds(), -1, null)) {
      GaussianPolicy policy =
          plan.newPolicy(list.get(0), c.integer("hidden"), c.integer("layers"), INIT_LOG_STD);
      Learner learner = Learner.fresh(policy, c.real("learning_rate"));
      long t0 = System.nanoTime();
      DemoDataset data;
      if (plan.demos().isEmpty()) {
        data = expertDemos(plan, folder, envs, list.get(0));
      } else {
        // a cut-off last line, another version or configuration: said, not silently taken
        for (Demonstrations d : plan.demos()) {
          d.warnings().forEach(LOG::warn);
        }
        data = DemoDataset.of(plan.demos(), list.get(0));
      }
      long steps = data.rows();
      List<BehaviorCloning.EpochStats> epochs =
          new BehaviorCloning(learner, ImitationConfig.cloning(c), run.seed()).fit(data);
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
              policy);
      opt.progress().finish();
      finish(plan, out, learner, list.get(0), steps, updates);
      double loss = epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).loss();
      return new Outcome(
          steps,
          updates,
          false,
          String.format(
              java.util.Locale.ROOT,
              "trained on %d labeled steps: loss %.4f after %d epochs",
              steps,
              loss,
              updates));
    }
  }

  /** The expert's demonstrations, the budget's worth, recorded into the run folder as it drives. */
  private static DemoDataset expertDemos(RunPlan plan, RunFolder folder, VectorEnv envs, Env env)
      throws IOException {
    RunConfig run = plan.config();
    int perEnv = (int) Math.max(1, run.steps() / envs.numEnvs());
    try (DemoWriter w =
        DemoFile.create(folder.dir().resolve("demos.jsonl"), DemoHeader.of(env, "expert"))) {
      Dagger.Labeled l =
          Dagger.collectExpert(envs, perEnv, run.algoConfig().real("expert_noise"), run.seed(), w);
      DemoDataset data =
          new DemoDataset(l.observations().length / l.rows(), l.labels().length / l.rows());
      data.add(l.observations(), l.labels(), l.rows());
      return data;
    }
  }

  /** The initial log standard deviation of an imitation run's policy (the fit sets it after). */
  static final double INIT_LOG_STD = -0.5;

  /** Writes an imitation run's last state: latest.zip and policy.zip. */
  static void finish(
      RunPlan plan, RunRecorder out, Learner learner, Env env, long steps, int updates)
      throws IOException {
    LinkedHashMap<String, Object> summary = new LinkedHashMap<>();
    summary.put("labeled_steps", steps);
    var meta = plan.meta(env.unwrapped().version(), steps, updates, summary);
    out.latest(learner, meta);
    out.policy(learner.policy(), meta);
  }
}
