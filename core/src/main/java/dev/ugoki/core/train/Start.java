package dev.ugoki.core.train;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a run's weights start and the layout its environments are made in: fresh weights on the
 * scenario's own channels, or, with {@code from} (fine-tuning), the weights of a policy file on
 * that policy's channels (a foundation policy's shared layout, see {@link PolicyFile#fit}), turned
 * into a fine-tune network by DL4J's transfer-learning API ({@code freeze_layers}, {@code
 * new_head}).
 */
public final class Start {
  /** The algorithm keys that shape a fine-tune (in every algorithm's section). */
  static final List<Param> PARAMS =
      List.of(
          Param.integer(
              "freeze_layers",
              0,
              0,
              16,
              "with --from: hidden layers of the starting "
                  + "policy kept frozen (DL4J transfer learning); 0 fine-tunes every weight"),
          Param.bool(
              "new_head",
              false,
              "with --from: the output layers start from fresh weights "
                  + "on the pretrained trunk"));

  private final RunConfig run;
  private final PolicyFile.Loaded from;

  /** The file whose layout the environments take: the starting policy, or a checkpoint. */
  private final Path layoutFile;

  private Start(RunConfig run, PolicyFile.Loaded from, Path layoutFile) {
    this.run = run;
    this.from = from;
    this.layoutFile = layoutFile;
  }

  /**
   * The run with the starting policy's architecture written into its algorithm config (a
   * fine-tune's network is the starting policy's, whatever {@code hidden} and {@code layers} said),
   * so that config.yaml and the policy file tell the truth; the run itself without {@code from}.
   */
  public static RunConfig adopt(RunConfig run) {
    if (run.from() == null) {
      return run;
    }
    PolicyFile.Loaded from = PolicyFile.load(run.from());
    // refused here, before any run folder: a policy that cannot drive the scenario, ...
    PolicyFit.fit(run.from(), from, Scenarios.make(run.scenarioConfig()));
    Architecture a = from.policy().network().architecture();
    Config algo = run.algoConfig();
    // ... a network size other than the policy's (the defaults mean "the policy's") ...
    for (String key : List.of("hidden", "layers")) {
      int asked = algo.integer(key);
      int own = key.equals("hidden") ? a.hidden() : a.layers();
      int def = (int) Config.defaults(run.algo(), algo.params()).integer(key);
      if (asked != own && asked != def) {
        throw new IllegalArgumentException(
            "--from fine-tunes "
                + run.from()
                + " with its own "
                + "network ("
                + key
                + " "
                + own
                + "); "
                + run.algo()
                + "."
                + key
                + "="
                + asked
                + " cannot change it");
      }
    }
    // ... and more frozen layers than it has
    if (algo.integer("freeze_layers") > a.layers()) {
      throw new IllegalArgumentException(
          run.algo()
              + ".freeze_layers="
              + algo.integer("freeze_layers")
              + ": "
              + run.from()
              + " has "
              + a.layers()
              + " hidden layers");
    }
    Config c = algo.with(Map.of("hidden", a.hidden(), "layers", a.layers()));
    return new RunConfig(
        run.scenario(),
        run.algo(),
        run.seed(),
        run.steps(),
        run.evalSeeds(),
        run.scenarioConfig(),
        c,
        run.from(),
        run.demos(),
        run.checkpointEverySeconds());
  }

  /**
   * A resumed run: its environments take the layout of its checkpoint (which already holds the
   * weights), so the policy it once started from is not needed any more.
   */
  static Start resumed(RunConfig run, Path checkpoint, PolicyFile.Loaded loaded) {
    boolean shared =
        !Scenarios.make(run.scenarioConfig()).observationSpec().equals(loaded.observationSpec());
    return shared ? new Start(run, loaded, checkpoint) : new Start(run, null, null);
  }

  /** Loads {@code run.from()} if there is one; refuses fine-tune keys without it. */
  static Start of(RunConfig run) {
    Config c = run.algoConfig();
    if (run.from() == null) {
      if (c.integer("freeze_layers") > 0 || c.bool("new_head")) {
        throw new IllegalArgumentException(
            "freeze_layers and new_head fine-tune a policy: give " + "--from POLICY.zip");
      }
      return new Start(run, null, null);
    }
    return new Start(run, PolicyFile.load(run.from()), run.from());
  }

  /** A new environment of the run, in the starting policy's layout. */
  Env env() {
    Env e = Scenarios.make(run.scenarioConfig());
    return from == null ? e : PolicyFit.fit(layoutFile, from, e);
  }

  /**
   * The policy to train: fresh with {@code hidden} x {@code layers} units, or the starting file's
   * weights and observation normalization through {@link GaussianPolicy#fineTune}, with the given
   * initial log standard deviation (the learner that trains it starts afresh).
   */
  GaussianPolicy policy(Env env, int hidden, int layers, double initLogStd) {
    if (from == null) {
      return GaussianPolicy.create(
          env.observationSpec(), env.actionSpec(), hidden, layers, initLogStd, run.seed());
    }
    Config c = run.algoConfig();
    return from.policy()
        .fineTune(c.integer("freeze_layers"), c.bool("new_head"), initLogStd, run.seed());
  }
}
