package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.Dagger;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * DAgger ({@code dagger}): a round of the expert's demonstrations, then {@code iterations} rounds
 * in which the learner drives (the expert with probability beta0^i) and the expert labels every
 * state; the budget of labeled steps is shared between the rounds. One metrics row per round; a
 * stop request ends the run after the current round, with its policy saved.
 */
final class DaggerTrainer extends ImitationTrainer {

  @Override
  Fit fit(
      RunPlan plan, RunFolder folder, VectorEnv envs, Learner learner, RunRecorder out, Options opt)
      throws IOException {
    RunConfig run = plan.config();
    ImitationConfig c = ImitationConfig.from(run.algoConfig());
    int n = envs.numEnvs();
    long t0 = System.nanoTime();
    int perIteration = (int) Math.max(1, run.steps() / n / (c.iterations() + 1));
    Dagger.Config dc =
        new Dagger.Config(
            perIteration, c.expertNoise(), perIteration, c.beta0(), c.cloning(), c.refitEpochs());
    Dagger dagger = new Dagger(envs, learner, dc, run.seed());
    dagger.setStop(opt.listener()::stopRequested); // within a step or a minibatch, not a round
    long steps = 0;
    int updates = 0;
    for (int i = 0; i <= c.iterations(); i++) {
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
      out.log(row);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      opt.progress()
          .update(
              steps, run.steps(), steps / elapsed, s.meanReturn(), s.successRate(), elapsed, true);
      opt.listener()
          .onUpdate(
              new TrainingListener.Update(
                  updates, steps, run.steps(), s.meanReturn(), s.successRate(), elapsed),
              learner.policy());
      // a round takes seconds: a checkpoint when asked for, none on a schedule
      if (opt.listener().checkpointRequested()) {
        out.checkpoint(steps, learner, meta(plan, envs, steps, updates));
      }
      if (opt.listener().stopRequested()) {
        break;
      }
    }
    return new Fit(steps, updates, "trained on " + steps + " labeled steps");
  }
}
