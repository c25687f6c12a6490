package dev.ugoki.core.train;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.PolicyNetwork;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.scenario.Config;
import dev.ugoki.sim.scenario.Param;
import dev.ugoki.sim.scenario.Scenarios;
import java.util.Arrays;
import java.util.List;

/**
 * Where a run's weights start and the layout its environments are made in: fresh weights on the
 * scenario's own channels, or, with {@code from} (fine-tuning), the weights of a policy file on
 * that policy's channels (a foundation policy's shared layout, see {@link PolicyFile#fit}),
 * turned into a fine-tune network by DL4J's transfer-learning API ({@code freeze_layers},
 * {@code new_head}).
 */
final class Start {
  /** The algorithm keys that shape a fine-tune (in every algorithm's section). */
  static final List<Param> PARAMS = List.of(
      Param.integer("freeze_layers", 0, 0, 16, "with --from: hidden layers of the starting "
          + "policy kept frozen (DL4J transfer learning); 0 fine-tunes every weight"),
      Param.bool("new_head", false, "with --from: the output layers start from fresh weights "
          + "on the pretrained trunk"));

  private final RunConfig run;
  private final PolicyFile.Loaded from;

  private Start(RunConfig run, PolicyFile.Loaded from) {
    this.run = run;
    this.from = from;
  }

  /** Loads {@code run.from()} if there is one; refuses fine-tune keys without it. */
  static Start of(RunConfig run, double learningRate) {
    Config c = run.algoConfig();
    if (run.from() == null) {
      if (c.integer("freeze_layers") > 0 || c.bool("new_head")) {
        throw new IllegalArgumentException("freeze_layers and new_head fine-tune a policy: give "
            + "--from POLICY.zip");
      }
      return new Start(run, null);
    }
    return new Start(run, PolicyFile.load(run.from(), learningRate));
  }

  /** A new environment of the run, in the starting policy's layout. */
  Env env() {
    Env e = Scenarios.make(run.scenarioConfig());
    return from == null ? e : PolicyFile.fit(run.from(), from, e);
  }

  /** True when the weights come from a policy file. */
  boolean fromFile() {
    return from != null;
  }

  /**
   * The policy to train: fresh with {@code hidden} x {@code layers} units, or the starting
   * file's weights and observation normalization through {@link PolicyNetwork#transfer}, with
   * fresh optimizers and the given initial log standard deviation.
   */
  GaussianPolicy policy(Env env, int hidden, int layers, double initLogStd, double learningRate) {
    if (from == null) {
      return GaussianPolicy.create(env.observationSpec(), env.actionSpec(), hidden, layers,
          initLogStd, run.seed(), learningRate);
    }
    Config c = run.algoConfig();
    PolicyNetwork net = from.policy().network().transfer(c.integer("freeze_layers"),
        c.bool("new_head"), learningRate, run.seed());
    float[] logStd = new float[from.actionSpec().size()];
    Arrays.fill(logStd, (float) initLogStd);
    return new GaussianPolicy(from.observationSpec(), from.actionSpec(), net, logStd,
        from.policy().norm().copy(), learningRate);
  }
}
