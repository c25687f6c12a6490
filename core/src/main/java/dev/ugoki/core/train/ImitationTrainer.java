package dev.ugoki.core.train;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What behavior cloning and DAgger share: the run's environments, a fresh learner on the plan's
 * policy, the recorder, and the run's last state (latest.zip and policy.zip, with the labeled steps
 * it trained on). A subclass writes only its fit; the step budget counts labeled steps.
 */
abstract class ImitationTrainer implements Trainer {
  /** The initial log standard deviation of an imitation run's policy (the fit sets it after). */
  static final double INIT_LOG_STD = -0.5;

  /** What a fit did: labeled steps trained on, epochs or rounds, a sentence for the person. */
  record Fit(long steps, int updates, String message) {}

  @Override
  public final Outcome train(RunPlan plan, RunFolder folder, Options opt) throws IOException {
    RunConfig run = plan.config();
    ImitationConfig c = ImitationConfig.from(run.algoConfig());
    List<Env> list = plan.envs(c.numEnvs());
    try (VectorEnv envs = new VectorEnv(list, c.envThreads());
        RunRecorder out =
            new RunRecorder(
                folder, opt.listener(), run.checkpointEverySeconds(), -1, null, plan.adapter())) {
      Learner learner =
          Learner.fresh(
              plan.newPolicy(list.get(0), c.hidden(), c.layers(), INIT_LOG_STD), c.learningRate());
      Fit fit = fit(plan, folder, envs, learner, out, opt);
      opt.progress().finish();
      PolicyFile.Meta meta = meta(plan, envs, fit.steps(), fit.updates());
      out.latest(learner, meta);
      out.policy(learner.policy(), meta);
      return new Outcome(fit.steps(), fit.updates(), false, fit.message());
    }
  }

  /**
   * Trains {@code learner} on the run's labeled steps, logging each epoch or round to {@code out}.
   */
  abstract Fit fit(
      RunPlan plan, RunFolder folder, VectorEnv envs, Learner learner, RunRecorder out, Options opt)
      throws IOException;

  /** A policy file's metadata after {@code steps} labeled steps. */
  static PolicyFile.Meta meta(RunPlan plan, VectorEnv envs, long steps, int updates) {
    LinkedHashMap<String, Object> summary = new LinkedHashMap<>();
    summary.put("labeled_steps", steps);
    return plan.meta(envs.env(0).unwrapped().version(), steps, updates, summary);
  }
}
