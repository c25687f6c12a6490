package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.core.algorithm.Dagger;
import dev.ugoki.core.algorithm.DemoDataset;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.io.MetricsLog;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The imitation runs: behavior cloning from the expert (recorded into the run folder as {@code
 * demos.jsonl}) or from a demonstration file, and DAgger. The step budget is the number of labeled
 * environment steps collected.
 */
public final class ImitationTrainer {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ImitationTrainer.class);

  private ImitationTrainer() {}

  /** Trains; the run's {@code demos} (bc only) replace the expert's demonstrations. */
  public static PpoTrainer.Outcome train(RunConfig run, RunFolder folder, Progress progress)
      throws IOException {
    return train(run, folder, progress, TrainingListener.NONE);
  }

  /**
   * As above, telling {@code listener} of each DAgger iteration (or the one cloning fit); a stop
   * request ends DAgger after the current iteration, with its policy saved.
   */
  public static PpoTrainer.Outcome train(
      RunConfig run, RunFolder folder, Progress progress, TrainingListener listener)
      throws IOException {
    Path demos = run.demos();
    Config c = run.algoConfig();
    int n = c.integer("num_envs");
    Start start = Start.of(run);
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(start.env());
    }
    try (VectorEnv envs = new VectorEnv(list, c.integer("env_threads"));
        MetricsLog metrics = new MetricsLog(folder.metrics(), -1)) {
      GaussianPolicy policy =
          start.policy(list.get(0), c.integer("hidden"), c.integer("layers"), -0.5);
      Learner learner = Learner.fresh(policy, c.real("learning_rate"));
      long t0 = System.nanoTime();
      long steps;
      int updates;
      if (run.algo().equals("bc")) {
        DemoDataset data;
        if (demos != null) {
          Demonstrations read = DemoFile.read(demos, list.get(0));
          // a cut-off last line, another version or configuration: said, not silently taken
          for (String w : read.warnings()) {
            LOG.warn(w);
          }
          data = DemoDataset.of(read);
        } else {
          int perEnv = (int) Math.max(1, run.steps() / n);
          try (DemoFile.Writer w =
              DemoFile.create(
                  folder.dir().resolve("demos.jsonl"), DemoHeader.of(list.get(0), "expert"))) {
            Dagger.Labeled l =
                Dagger.collectExpert(envs, perEnv, c.real("expert_noise"), run.seed(), w);
            data =
                new DemoDataset(l.observations().length / l.rows(), l.labels().length / l.rows());
            data.add(l.observations(), l.labels(), l.rows());
          }
        }
        steps = data.rows();
        BehaviorCloning bc = new BehaviorCloning(learner, ImitationConfig.cloning(c), run.seed());
        List<BehaviorCloning.EpochStats> epochs = bc.fit(data);
        for (BehaviorCloning.EpochStats e : epochs) {
          LinkedHashMap<String, Double> row = new LinkedHashMap<>();
          row.put("update", e.epoch() + 1.0);
          row.put("epoch", e.epoch() + 1.0);
          row.put("global_step", (double) steps);
          row.put("time_s", (System.nanoTime() - t0) / 1e9);
          row.put("bc_loss", e.loss());
          row.put("grad_norm", e.gradNorm());
          metrics.write(row);
        }
        updates = epochs.size();
        listener.onUpdate(
            new TrainingListener.Update(
                updates,
                steps,
                run.steps(),
                Double.NaN,
                Double.NaN,
                (System.nanoTime() - t0) / 1e9),
            policy);
      } else {
        int perIteration = (int) Math.max(1, run.steps() / n / (c.integer("iterations") + 1));
        Dagger.Config dc =
            new Dagger.Config(
                perIteration,
                c.real("expert_noise"),
                perIteration,
                c.real("beta0"),
                ImitationConfig.cloning(c),
                c.integer("refit_epochs"));
        Dagger dagger = new Dagger(envs, learner, dc, run.seed());
        steps = 0;
        updates = 0;
        for (int i = 0; i <= c.integer("iterations"); i++) {
          Dagger.IterationStats s = dagger.iterate();
          steps += s.newRows();
          updates++;
          LinkedHashMap<String, Double> row = new LinkedHashMap<>();
          row.put("update", (double) updates);
          row.put("global_step", (double) steps);
          row.put("time_s", (System.nanoTime() - t0) / 1e9);
          row.put("beta", s.beta());
          row.put("dataset_rows", (double) s.datasetRows());
          row.put("episodes", (double) s.episodes());
          row.put("success_rate", s.successRate());
          row.put("mean_return", s.meanReturn());
          row.put("bc_loss", s.trainLoss());
          metrics.write(row);
          double elapsed = (System.nanoTime() - t0) / 1e9;
          progress.update(
              steps, run.steps(), steps / elapsed, s.meanReturn(), s.successRate(), elapsed, true);
          listener.onUpdate(
              new TrainingListener.Update(
                  updates, steps, run.steps(), s.meanReturn(), s.successRate(), elapsed),
              policy);
          if (listener.checkpointRequested()) {
            PolicyFile.Meta meta = meta(run, list.get(0), c, steps, updates);
            PolicyFile.save(folder.checkpoint(steps), learner, meta);
            PolicyFile.save(folder.latestCheckpoint(), learner, meta);
            listener.onCheckpoint(folder.checkpoint(steps));
          }
          if (listener.stopRequested()) {
            break;
          }
        }
      }
      progress.finish();
      PolicyFile.Meta meta = meta(run, list.get(0), c, steps, updates);
      PolicyFile.save(folder.latestCheckpoint(), learner, meta);
      listener.onCheckpoint(folder.latestCheckpoint());
      PolicyFile.save(folder.policy(), policy, meta);
      return new PpoTrainer.Outcome(
          steps, updates, false, "trained on " + steps + " labeled steps");
    }
  }

  private static PolicyFile.Meta meta(RunConfig run, Env env, Config c, long steps, int updates) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("labeled_steps", steps);
    return new PolicyFile.Meta(
        run.scenario(),
        env.unwrapped().version(),
        run.scenarioConfig().asMap(),
        run.algo(),
        c.asMap(),
        run.seed(),
        steps,
        updates,
        summary);
  }
}
