package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.Ppo;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.rollout.EpisodeStats;
import dev.ugoki.core.rollout.RewardScaler;
import dev.ugoki.core.rollout.Rollout;
import dev.ugoki.core.rollout.RolloutCollector;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PPO training loop around {@link Ppo}: rollouts, updates, the metrics log, checkpoints, the
 * learning-rate schedule, a NaN guard that rolls back to the last good checkpoint, resuming, and
 * the early stop at a target success rate on validation seeds (seeds neither trained nor evaluated
 * on: {@link PpoConfig#VALIDATION_FIRST_SEED}), checked with the deterministic policy once the
 * training episodes' rolling success has reached half the target ({@link Validation}).
 */
public final class PpoTrainer implements Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(PpoTrainer.class);

  /** Episodes the rolling figures are averaged over (as Stable-Baselines3's ep_info_buffer). */
  private static final int WINDOW = 100;

  /** Where a checkpoint keeps the early stop's streak, so that a resume goes on with it. */
  private static final String VALIDATION_HOLDS = "validation_holds";

  private static final String VALIDATION_NEXT = "validation_next_step";

  PpoTrainer() {}

  @Override
  public Outcome train(RunPlan plan, RunFolder folder, Options opt) throws IOException {
    RunConfig run = plan.config();
    PpoConfig pc = PpoConfig.from(run.algoConfig());
    boolean resume = plan.resuming();
    List<Env> list = plan.envs(pc.numEnvs());
    // RunConfig refuses budgets of more updates than an int holds
    int numUpdates =
        Math.toIntExact(Math.max(1, (run.steps() + pc.batchSize() - 1) / pc.batchSize()));
    int version = list.get(0).unwrapped().version();
    try (VectorEnv envs = new VectorEnv(list, pc.envThreads())) {
      Learner learner;
      int startUpdate;
      if (resume) {
        PolicyFile.Loaded l = plan.checkpoint().loaded();
        learner =
            new Learner(
                l.policy(), l.optimizer(), pc.learningRate(), l.meta().steps(), l.meta().updates());
        startUpdate = learner.updates();
        LOG.info("resuming {} at update {} ({} steps)", folder.dir(), startUpdate, learner.steps());
      } else {
        learner =
            Learner.fresh(
                plan.newPolicy(list.get(0), pc.hidden(), pc.layers(), pc.initLogStd()),
                pc.learningRate());
        startUpdate = 0;
      }
      GaussianPolicy policy = learner.policy();
      // a resumed run draws new episodes and minibatches, seeded by the update it resumes at
      long streamSeed = run.seed() * 1_000_003L + startUpdate;
      RolloutCollector collector =
          new RolloutCollector(
              envs,
              policy,
              plan.anchor(),
              pc.normReward() ? new RewardScaler(pc.numEnvs(), pc.gamma()) : null,
              pc.gamma(),
              streamSeed);
      Ppo ppo = new Ppo(pc, learner, streamSeed);
      ArrayDeque<EpisodeStats> window = new ArrayDeque<>();
      long startStep = learner.steps();
      Validation validation = Validation.of(pc, plan);
      if (resume
          && plan.checkpoint().loaded().meta().metrics().get(VALIDATION_HOLDS) instanceof Number h
          && plan.checkpoint().loaded().meta().metrics().get(VALIDATION_NEXT)
              instanceof Number next) {
        validation.restore(h.intValue(), next.longValue());
      }
      long t0 = System.nanoTime();
      TrainingListener listener = opt.listener();
      try (RunRecorder out =
          new RunRecorder(
              folder,
              listener,
              run.checkpointEverySeconds(),
              resume || plan.restarting() ? startUpdate : -1,
              resume ? plan.checkpoint().file() : null,
              plan.adapter())) {
        for (int update = startUpdate + 1; update <= numUpdates; update++) {
          double lrScale = pc.annealLr() ? 1 - (update - 1.0) / numUpdates : 1;
          long u0 = System.nanoTime();
          Rollout r = collector.collect(pc.numSteps(), true);
          long u1 = System.nanoTime();
          Ppo.UpdateStats s = ppo.update(r, lrScale);
          long u2 = System.nanoTime();
          if (update == opt.injectNanAtUpdate()) {
            float[] p = policy.network().params();
            p[0] = Float.NaN;
            policy.network().setParams(p);
          }
          if (!healthy(s, policy)) {
            opt.progress().finish();
            return rollBack(folder, update, learner.steps(), out.lastGood());
          }
          learner.countUpdate(r.size());
          long step = learner.steps();
          for (EpisodeStats e : r.episodes()) {
            window.addLast(e);
            if (window.size() > WINDOW) {
              window.removeFirst();
            }
          }
          double valSuccess =
              validation.check(step, success(window), window.size() >= WINDOW, policy);
          double elapsed = (System.nanoTime() - t0) / 1e9;
          double sps = (step - startStep) / elapsed;
          LinkedHashMap<String, Double> row =
              row(
                  update,
                  step,
                  elapsed,
                  sps,
                  r,
                  s,
                  window,
                  pc.learningRate() * lrScale,
                  policy,
                  (u1 - u0) / 1e9,
                  (u2 - u1) / 1e9);
          row.put("val_success", valSuccess);
          out.log(row);
          listener.onUpdate(
              new TrainingListener.Update(
                  update, step, run.steps(), mean(window, true), success(window), elapsed),
              policy);
          boolean reached = validation.reached();
          boolean stopped = update < numUpdates && listener.stopRequested();
          boolean last = update == numUpdates || stopped || reached;
          opt.progress()
              .update(step, run.steps(), sps, mean(window, true), success(window), elapsed, last);
          if (out.checkpointDue(last)) {
            out.checkpoint(step, learner, meta(plan, version, learner, window, validation));
          }
          if (last) {
            out.policy(policy, meta(plan, version, learner, window, validation));
          }
          if (reached) {
            opt.progress().finish();
            return new Outcome(
                step,
                update,
                false,
                String.format(
                    java.util.Locale.ROOT,
                    "reached the target: %.0f%% success on validation seeds %d-%d, %d validations "
                        + "in a row, after %d steps (%.0f s)",
                    100 * valSuccess,
                    PpoConfig.VALIDATION_FIRST_SEED,
                    pc.validationLastSeed(),
                    pc.targetHolds(),
                    step,
                    elapsed));
          }
          if (stopped) {
            opt.progress().finish();
            return new Outcome(
                step,
                update,
                false,
                "stopped on request after "
                    + step
                    + " steps (update "
                    + update
                    + " of "
                    + numUpdates
                    + "); --resume goes on");
          }
        }
      }
      opt.progress().finish();
      return new Outcome(
          learner.steps(), numUpdates, false, "trained " + learner.steps() + " steps");
    }
  }

  private static boolean healthy(Ppo.UpdateStats s, GaussianPolicy policy) {
    if (!Double.isFinite(s.pgLoss())
        || !Double.isFinite(s.vLoss())
        || !Double.isFinite(s.entropy())) {
      return false;
    }
    for (float v : policy.logStd()) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    for (float v : policy.network().params()) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Stops the run: the last good checkpoint becomes the final policy, and the log says so. */
  private static Outcome rollBack(RunFolder folder, int update, long step, Path lastGood)
      throws IOException {
    if (lastGood == null) {
      return new Outcome(
          step,
          update,
          true,
          "NaN in the loss or the weights at update "
              + update
              + " (step "
              + step
              + "), before any checkpoint: stopped with no policy written");
    }
    PolicyFile.Loaded good = PolicyFile.load(lastGood);
    PolicyFile.save(folder.policy(), good.policy(), good.meta(), good.adapter());
    return new Outcome(
        good.meta().steps(),
        good.meta().updates(),
        true,
        "NaN in the loss or the weights at update "
            + update
            + " (step "
            + step
            + "): stopped and rolled back to the last good checkpoint (step "
            + good.meta().steps()
            + "), saved as "
            + folder.policy());
  }

  private static PolicyFile.Meta meta(
      RunPlan plan,
      int scenarioVersion,
      Learner learner,
      ArrayDeque<EpisodeStats> window,
      Validation validation) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("mean_return_100", mean(window, true));
    metrics.put("success_rate_100", success(window));
    metrics.put("episodes_in_window", window.size());
    metrics.put(VALIDATION_HOLDS, validation.holds());
    metrics.put(VALIDATION_NEXT, validation.nextStep());
    return plan.meta(scenarioVersion, learner.steps(), learner.updates(), metrics);
  }

  private static LinkedHashMap<String, Double> row(
      int update,
      long step,
      double elapsed,
      double sps,
      Rollout r,
      Ppo.UpdateStats s,
      ArrayDeque<EpisodeStats> window,
      double lr,
      GaussianPolicy policy,
      double rolloutS,
      double updateS) {
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("update", (double) update);
    m.put("global_step", (double) step);
    m.put("time_s", elapsed);
    m.put("sps", sps);
    m.put("rollout_sps", r.size() / rolloutS);
    m.put("update_samples_per_s_per_epoch", r.size() * (double) s.epochs() / updateS);
    m.put("episodes", (double) r.episodes().size());
    m.put("mean_return_100", mean(window, true));
    m.put("success_rate_100", success(window));
    m.put(
        "crash_rate_100",
        window.isEmpty()
            ? Double.NaN
            : window.stream().filter(EpisodeStats::crashed).count() / (double) window.size());
    m.put("mean_length_100", mean(window, false));
    m.put("pg_loss", s.pgLoss());
    m.put("v_loss", s.vLoss());
    m.put("entropy", s.entropy());
    m.put("approx_kl", s.approxKl());
    m.put("clipfrac", s.clipFraction());
    m.put("explained_variance", s.explainedVariance());
    m.put("grad_norm", s.gradNorm());
    m.put("anchor", s.anchor());
    m.put("learning_rate", lr);
    double std = 0;
    for (float v : policy.logStd()) {
      std += Math.exp(v) / policy.logStd().length;
    }
    m.put("action_std", std);
    return m;
  }

  private static double mean(ArrayDeque<EpisodeStats> w, boolean returns) {
    return w.stream()
        .mapToDouble(e -> returns ? e.episodeReturn() : e.length())
        .average()
        .orElse(Double.NaN);
  }

  private static double success(ArrayDeque<EpisodeStats> w) {
    return w.isEmpty()
        ? Double.NaN
        : w.stream().filter(EpisodeStats::success).count() / (double) w.size();
  }
}
