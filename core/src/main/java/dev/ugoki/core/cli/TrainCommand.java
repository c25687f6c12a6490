package dev.ugoki.core.cli;

import dev.ugoki.core.eval.EvalReport;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.Progress;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.core.train.TrainingListener;
import dev.ugoki.core.train.TrainingRun;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki train}: trains a policy headless and reports it on unseen seeds. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a policy headless: writes runs/<scenario>-<algo>-<seed>-<time>/ with "
            + "config.yaml, metrics.csv, checkpoints, policy.zip, learning-curve plots and eval.json, "
            + "then evaluates the policy on seeds it never trained on.")
public final class TrainCommand implements Callable<Integer> {
  /** Exit code of a run stopped by a NaN. */
  public static final int NAN_STOPPED = 3;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", description = "Scenario (default: race, or the config file's).")
  String scenario;

  @Option(names = "--algo", description = "ppo, bc or dagger (default: ppo).")
  String algo;

  @Option(names = "--seed", description = "Run seed (default: 1).")
  Long seed;

  @Option(names = "--steps", description = "Environment steps to train for.")
  Long steps;

  @Option(names = "--config", paramLabel = "FILE.yaml", description = "Run config in YAML.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a config key: a scenario key (lidar.rays=64) or ALGO.key "
              + "(ppo.learning_rate=0.0001). Repeatable.")
  List<String> sets = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "runs",
      description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "RUN_DIR",
      description = "Continue a run from its last checkpoint.")
  Path resume;

  @Option(
      names = "--from",
      converter = PolicyPathConverter.class,
      paramLabel = "POLICY.zip",
      description =
          "Fine-tune: start from this policy's weights (a foundation policy, or any "
              + "policy for this scenario); --set ALGO.freeze_layers=N freezes its first N hidden "
              + "layers, ALGO.new_head=true starts its output layers afresh.")
  Path from;

  @Option(
      names = "--demos",
      paramLabel = "FILE.jsonl",
      description = "Behavior cloning from this demonstration file instead of the expert.")
  Path demos;

  @Option(
      names = "--eval-seeds",
      converter = SeedRangeConverter.class,
      description = "Seeds evaluated after training (default: 1-50; training never uses them).")
  SeedRange evalSeeds;

  @Option(
      names = "--target-success",
      paramLabel = "RATE",
      description =
          "PPO: stop once the policy holds this success rate on the validation seeds "
              + "(default 0.95; 0 trains the whole budget); the same as --set ppo.target_success.")
  Double targetSuccess;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "SECONDS",
      description =
          "Seconds between checkpoints (default: 30, or the config file's "
              + "checkpoint_every); kept in config.yaml, so a resume keeps the schedule.")
  Double checkpointEvery;

  @Option(
      names = "--inject-nan-at-update",
      hidden = true,
      defaultValue = "-1",
      description = "Testing aid: poison the weights after this update to exercise the NaN guard.")
  int injectNan;

  @Override
  public Integer call() throws Exception {
    if (injectNan < -1) {
      throw new IllegalArgumentException(
          "--inject-nan-at-update is an update's number (or -1: none), not " + injectNan);
    }
    PrintWriter outw = spec.commandLine().getOut();
    boolean resuming = resume != null;
    RunPlan plan;
    if (resuming) {
      if (scenario != null
          || algo != null
          || seed != null
          || config != null
          || !sets.isEmpty()
          || from != null
          || targetSuccess != null
          || checkpointEvery != null
          || evalSeeds != null
          || demos != null) {
        throw new IllegalArgumentException(
            "--resume continues a run as it was configured; only --steps may change");
      }
      plan = RunPlan.resume(resume, steps);
    } else {
      plan =
          RunPlan.resolve(
              new RunRequest(
                  config,
                  scenario,
                  algo,
                  seed,
                  steps,
                  evalSeeds,
                  sets,
                  from == null ? null : from.toAbsolutePath(),
                  demos == null ? List.of() : List.of(demos.toAbsolutePath()),
                  targetSuccess,
                  checkpointEvery));
    }
    RunConfig run = plan.config();
    // SIGTERM or Ctrl-C: the run stops after its update with a checkpoint (as a budget spent
    // does), and says how to go on; the process ends once it has, or after a grace period. Heard
    // from before the folder is made: a signal then stops the run after its first update.
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Path> made = new AtomicReference<>();
    CountDownLatch ended = new CountDownLatch(1);
    TrainingListener onSignal =
        new TrainingListener() {
          @Override
          public boolean stopRequested() {
            return stop.get();
          }
        };
    Thread told = new Thread(() -> stopBySignal(stop, ended, made), "ugoki-signal");
    Runtime.getRuntime().addShutdownHook(told);
    RunFolder folder;
    TrainingRun.Result result;
    try {
      folder = plan.folder(out);
      made.set(folder.dir());
      outw.printf(
          "%s %s on %s, seed %d, %,d steps -> %s%n",
          resuming ? "resuming" : "training",
          run.algo(),
          run.scenario(),
          run.seed(),
          run.steps(),
          folder.dir());
      outw.printf("  %s: %s%n", run.algo(), run.algoConfig().asMap());
      outw.flush();
      Progress progress = new Progress(System.out, Progress.onTerminal(), 10);
      result =
          TrainingRun.execute(plan, folder, new Trainer.Options(progress, injectNan, onSignal));
    } finally {
      ended.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(told);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs: it says what happened
      }
    }
    if (result.outcome().stoppedOnNan()) {
      spec.commandLine().getErr().println("ugoki: error: " + result.outcome().message());
      spec.commandLine().getErr().flush();
      return NAN_STOPPED;
    }
    outw.println(result.outcome().message());
    for (Path p : result.plots()) {
      outw.println("plot: " + p);
    }
    PolicyFile.Loaded loaded = PolicyFile.load(folder.policy());
    var policy = loaded.policy();
    Evaluation.Summary s =
        Evaluation.runBatch(
            () -> PolicyFit.fit(folder.policy(), loaded, Scenarios.make(run.scenarioConfig())),
            () -> policy.copy()::actDeterministic,
            run.evalSeeds().first(),
            run.evalSeeds().last(),
            Evaluation.THREADS);
    outw.printf("evaluation on seeds %s (never trained on):%n", run.evalSeeds());
    EvalReport.printTable(outw, run.scenarioConfig(), s, "policy");
    EvalReport.writeJson(
        folder.eval(),
        run.scenarioConfig(),
        run.evalSeeds(),
        s,
        folder.dir().relativize(folder.policy()).toString()); // the run folder's own file
    outw.printf("policy: %s%n", folder.policy());
    outw.flush();
    return 0;
  }

  /** How long a signal waits for the update going on to end and its checkpoint to be written. */
  static final int SIGNAL_GRACE_S = 30;

  /**
   * A signal's hook: asks the run to stop, waits for it to have written its checkpoint, and says on
   * stderr where the run stands and how to go on.
   */
  private static void stopBySignal(
      AtomicBoolean stop, CountDownLatch ended, AtomicReference<Path> made) {
    stop.set(true);
    boolean clean;
    try {
      clean = ended.await(SIGNAL_GRACE_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      clean = false;
    }
    Path dir = made.get();
    System.out.flush();
    System.err.println(
        dir == null || !java.nio.file.Files.isDirectory(dir)
            ? "ugoki: stopped by a signal before the run folder was made; nothing to resume"
            : clean
                ? "ugoki: stopped by a signal after a checkpoint of its last update; the run goes"
                    + " on with ./ugoki train --resume "
                    + dir
                : "ugoki: stopped by a signal in the middle of an update; the run goes on from"
                    + " its last checkpoint with ./ugoki train --resume "
                    + dir);
    System.err.flush();
  }
}
