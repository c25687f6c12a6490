package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A training run resolved once and checked before any folder is made: its {@link RunConfig}, the
 * files it starts from, each loaded once (the policy it fine-tunes, the checkpoint it resumes, the
 * demonstrations it clones), and the layout its environments are made in. Every trainer reads its
 * run from here; the command line, the window and the studies make one the same way.
 *
 * <p>A fine-tune ({@code from}) starts from a policy file's weights on that policy's channels (a
 * foundation policy's shared layout, see {@link PolicyFit#fit}), turned into a fine-tune network by
 * DL4J's transfer-learning API ({@code freeze_layers}, {@code new_head}); its network size is the
 * policy's. A resume continues from the newest checkpoint that loads, in that checkpoint's layout,
 * or starts over when the run was killed before its first.
 */
public final class RunPlan {
  /** With {@code --from}: hidden layers of the starting policy kept frozen. */
  static final Param FREEZE_LAYERS =
      Param.integer(
          "freeze_layers",
          0,
          0,
          (int) Architecture.LAYERS.max(),
          "with --from: hidden layers of the starting "
              + "policy kept frozen (DL4J transfer learning); 0 fine-tunes every weight");

  static final Param NEW_HEAD =
      Param.bool(
          "new_head",
          false,
          "with --from: the output layers start from fresh weights on the pretrained trunk");

  /** The keys that shape a fine-tune ({@code --from}), in every algorithm's section. */
  static final List<Param> FINE_TUNE_PARAMS = List.of(FREEZE_LAYERS, NEW_HEAD);

  private final RunConfig run;
  private final PolicyFile.Loaded from;

  /**
   * The file whose layout the environments take (the starting policy or the checkpoint), or null.
   */
  private final Path layoutFile;

  private final PolicyFile.Loaded layout;

  /** A resumed run's folder, or null for a new run. */
  private final RunFolder existing;

  /** The checkpoint a resume continues from; null for a new run or one that starts over. */
  private final RunFolder.Checkpoint checkpoint;

  private final List<Demonstrations> demos;

  /** The frozen policy a PPO fine-tune is pulled toward ({@code anchor_coef}), or null. */
  private final GaussianPolicy anchor;

  private RunPlan(
      RunConfig run,
      PolicyFile.Loaded from,
      Path layoutFile,
      PolicyFile.Loaded layout,
      RunFolder existing,
      RunFolder.Checkpoint checkpoint,
      List<Demonstrations> demos,
      GaussianPolicy anchor) {
    this.run = run;
    this.from = from;
    this.layoutFile = layoutFile;
    this.layout = layout;
    this.existing = existing;
    this.checkpoint = checkpoint;
    this.demos = List.copyOf(demos);
    this.anchor = anchor;
  }

  /**
   * A new run: the request resolved ({@link RunConfig#resolve}), its starting policy loaded and
   * checked against the scenario, its network size taken from that policy, its demonstrations read
   * and checked against the scenario.
   *
   * @throws IllegalArgumentException naming the key, value or file that is wrong
   */
  public static RunPlan resolve(RunRequest request) {
    RunConfig run = RunConfig.resolve(request);
    PolicyFile.Loaded from = loadStart(run);
    if (from != null) {
      run = run.withAlgoConfig(adoptNetwork(run, from));
    }
    return new RunPlan(run, from, run.from(), from, null, null, readDemos(run), anchor(run, from));
  }

  /**
   * A run folder to continue, with another budget ({@code steps}, null: the same). Refused before
   * anything in the folder changes: an algorithm other than PPO (imitation takes seconds), a budget
   * the run has covered, a checkpoint that does not fit the scenario or has no optimizer state.
   */
  public static RunPlan resume(Path runDir, Long steps) throws IOException {
    RunFolder folder = RunFolder.existing(runDir);
    RunConfig run = RunConfig.read(folder.config());
    if (steps != null) {
      run = run.withSteps(steps);
    }
    if (Algorithm.of(run.algo()) != Algorithm.PPO) {
      throw new IllegalArgumentException(
          "--resume continues PPO runs; a " + run.algo() + " run takes seconds: start it again");
    }
    RunFolder.Checkpoint cp = folder.resumePoint();
    if (cp == null) {
      // killed before its first checkpoint: it starts over, from its starting policy if it had one
      PolicyFile.Loaded from = loadStart(run);
      return new RunPlan(run, from, run.from(), from, folder, null, List.of(), anchor(run, from));
    }
    long done = cp.loaded().meta().steps();
    if (run.steps() <= done) {
      throw new IllegalArgumentException(
          "this run has trained "
              + done
              + " steps already, which covers a budget of "
              + run.steps()
              + "; give --steps more than "
              + done
              + " to train on");
    }
    Env own = Scenarios.make(run.scenarioConfig());
    // the checkpoint holds the weights, in the layout it was trained in: a foundation's shared
    // one, or the scenario's own
    boolean shared = !own.observationSpec().equals(cp.loaded().observationSpec());
    if (shared) {
      PolicyFit.fit(cp.file(), cp.loaded(), own);
    } else {
      PolicyFit.checkFits(cp.file(), cp.loaded(), own);
    }
    if (!cp.loaded().hasOptimizerState()) {
      throw new IllegalArgumentException(cp.file() + " has no optimizer state to resume from");
    }
    // the anchor is the policy the run started from, read again
    GaussianPolicy anchor = anchor(run, anchored(run) ? loadStart(run) : null);
    return shared
        ? new RunPlan(run, null, cp.file(), cp.loaded(), folder, cp, List.of(), anchor)
        : new RunPlan(run, null, null, null, folder, cp, List.of(), anchor);
  }

  private static boolean anchored(RunConfig run) {
    return Algorithm.of(run.algo()) == Algorithm.PPO
        && run.algoConfig().real(PpoConfig.ANCHOR_COEF) > 0;
  }

  /**
   * The starting policy as the anchor of a PPO run with {@code anchor_coef}; refuses it without.
   */
  private static GaussianPolicy anchor(RunConfig run, PolicyFile.Loaded from) {
    if (!anchored(run)) {
      return null;
    }
    if (from == null) {
      throw new IllegalArgumentException(
          "ppo.anchor_coef holds a fine-tune near the policy it starts from: give --from"
              + " POLICY.zip");
    }
    return from.policy();
  }

  /** The starting policy, loaded and checked; refuses fine-tune keys without one. */
  private static PolicyFile.Loaded loadStart(RunConfig run) {
    Config c = run.algoConfig();
    if (run.from() == null) {
      if (c.integer(FREEZE_LAYERS) > 0 || c.bool(NEW_HEAD)) {
        throw new IllegalArgumentException(
            "freeze_layers and new_head fine-tune a policy: give --from POLICY.zip");
      }
      return null;
    }
    PolicyFile.Loaded from = PolicyFile.load(run.from());
    // a policy that cannot drive the scenario is refused here, before any run folder
    PolicyFit.fit(run.from(), from, Scenarios.make(run.scenarioConfig()));
    return from;
  }

  /**
   * The algorithm config with the starting policy's network size (a fine-tune's network is the
   * policy's, so that config.yaml and the policy file tell the truth); refuses another size than
   * the policy's and more frozen layers than it has.
   */
  private static Config adoptNetwork(RunConfig run, PolicyFile.Loaded from) {
    Architecture a = from.policy().network().architecture();
    Config algo = run.algoConfig();
    for (Param size : List.of(Architecture.HIDDEN, Architecture.LAYERS)) {
      String key = size.key();
      int asked = algo.integer(size);
      int own = size == Architecture.HIDDEN ? a.hidden() : a.layers();
      // the default means "the policy's"
      if (asked != own && asked != size.defaultValue()) {
        throw new IllegalArgumentException(
            "--from fine-tunes "
                + run.from()
                + " with its own network ("
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
    if (algo.integer(FREEZE_LAYERS) > a.layers()) {
      throw new IllegalArgumentException(
          run.algo()
              + ".freeze_layers="
              + algo.integer(FREEZE_LAYERS)
              + ": "
              + run.from()
              + " has "
              + a.layers()
              + " hidden layers");
    }
    return algo.with(
        Map.of(Architecture.HIDDEN.key(), a.hidden(), Architecture.LAYERS.key(), a.layers()));
  }

  /** Every demonstration file of the run, read whole and checked against its scenario. */
  private static List<Demonstrations> readDemos(RunConfig run) {
    List<Demonstrations> out = new ArrayList<>();
    Env scenario = run.demos().isEmpty() ? null : Scenarios.make(run.scenarioConfig());
    for (Path f : run.demos()) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("demonstration file " + f + " does not exist");
      }
      try {
        out.add(DemoFile.read(f, scenario));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read demonstration file " + f + ": " + e);
      }
    }
    if (!out.isEmpty() && out.stream().mapToInt(Demonstrations::rows).sum() == 0) {
      throw new IllegalArgumentException(
          "the demonstrations hold no steps: nothing to clone (drive while recording)");
    }
    return out;
  }

  /**
   * The run's folder: a new one under {@code parent}, made whole with its config.yaml; or, for a
   * resume, its own folder, untouched until {@link TrainingRun} holds its lock ({@link #claim}).
   */
  public RunFolder folder(Path parent) throws IOException {
    if (existing != null) {
      return existing;
    }
    return RunFolder.create(parent, run);
  }

  /**
   * Readies a resumed run's folder once its lock is held: the temporary files a killed run left go,
   * and config.yaml is rewritten (the budget may have changed). Refused when the folder's last
   * checkpoint is no longer the one this plan read: another writer went on between the plan and the
   * lock, and its steps would be trained again over its files.
   */
  void claim() throws IOException {
    if (existing == null) {
      return;
    }
    existing.removeStale();
    RunFolder.Checkpoint now = existing.resumePoint();
    long planned = checkpoint == null ? 0 : checkpoint.loaded().meta().steps();
    long found = now == null ? 0 : now.loaded().meta().steps();
    if (found != planned) {
      throw new IllegalArgumentException(
          existing.dir()
              + " went on from "
              + planned
              + " to "
              + found
              + " steps while this resume was planned: resume it again");
    }
    run.write(existing.config());
  }

  public RunConfig config() {
    return run;
  }

  public Algorithm algorithm() {
    return Algorithm.of(run.algo());
  }

  /** True when the run goes on from a checkpoint. */
  public boolean resuming() {
    return checkpoint != null;
  }

  /** True when a resumed run had no checkpoint yet and starts over in its folder. */
  public boolean restarting() {
    return existing != null && checkpoint == null;
  }

  /** The checkpoint a resume continues from, or null. */
  public RunFolder.Checkpoint checkpoint() {
    return checkpoint;
  }

  /**
   * The policy a PPO fine-tune is pulled toward ({@code ppo.anchor_coef}): the one it started from,
   * frozen, read again on a resume. Null without an anchor.
   */
  public GaussianPolicy anchor() {
    return anchor;
  }

  /** The demonstrations to clone (bc), checked against the scenario; empty: the expert's. */
  public List<Demonstrations> demos() {
    return demos;
  }

  /**
   * The adapter the run's policy drives with (the starting policy's or the checkpoint's): the
   * environments infer the body through it, and every file the run writes keeps it. Null: none.
   */
  public BodyAdapter adapter() {
    return layout == null ? null : layout.adapter();
  }

  /** A new environment of the run, in the layout of the policy it starts from. */
  public Env env() {
    Env e = Scenarios.make(run.scenarioConfig());
    return layout == null ? e : PolicyFit.fit(layoutFile, layout, e);
  }

  /** {@code n} new environments of the run. */
  public List<Env> envs(int n) {
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(env());
    }
    return list;
  }

  /**
   * The policy to train: fresh with {@code hidden} x {@code layers} units, or the starting file's
   * weights and observation normalization through {@link GaussianPolicy#fineTune}, with the given
   * initial log standard deviation (the learner that trains it starts afresh).
   */
  public GaussianPolicy newPolicy(Env env, int hidden, int layers, double initLogStd) {
    if (from == null) {
      return GaussianPolicy.create(
          env.observationSpec(), env.actionSpec(), hidden, layers, initLogStd, run.seed());
    }
    Config c = run.algoConfig();
    return from.policy()
        .fineTune(c.integer(FREEZE_LAYERS), c.bool(NEW_HEAD), initLogStd, run.seed());
  }

  /** A policy file's metadata for this run after {@code steps} and {@code updates}. */
  public PolicyFile.Meta meta(
      int scenarioVersion, long steps, int updates, Map<String, Object> metrics) {
    return new PolicyFile.Meta(
        run.scenario(),
        scenarioVersion,
        run.scenarioConfig().asMap(),
        run.algo(),
        run.algoConfig().asMap(),
        run.seed(),
        steps,
        updates,
        metrics);
  }
}
