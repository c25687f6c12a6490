package dev.ugoki.core.cli;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.PpoTrainer;
import dev.ugoki.core.train.Progress;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.Start;
import dev.ugoki.core.train.TrainingRun;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
    PrintWriter outw = spec.commandLine().getOut();
    RunConfig run;
    RunFolder folder;
    boolean resuming = resume != null;
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
            "--resume continues a run as it was configured; " + "only --steps may change");
      }
      folder = RunFolder.existing(resume);
      run = RunConfig.read(folder.config());
      if (steps != null) {
        run = run.withSteps(steps);
      }
      // refused before config.yaml is touched: a refused resume must not change the run
      if (!run.algo().equals("ppo")) {
        throw new IllegalArgumentException(
            "--resume continues PPO runs; a " + run.algo() + " run takes seconds: start it again");
      }
      Path resumeFrom = folder.resumePoint();
      long done = resumeFrom == null ? 0 : PolicyFile.load(resumeFrom).meta().steps();
      if (run.steps() <= done) {
        throw new IllegalArgumentException(
            "this run has trained "
                + done
                + " steps already, "
                + "which covers a budget of "
                + run.steps()
                + "; give --steps more than "
                + done
                + " to train on");
      }
    } else {
      if (steps != null && steps <= 0) {
        throw new IllegalArgumentException("--steps must be positive, was " + steps);
      }
      if (checkpointEvery != null
          && (!(checkpointEvery > 0) || Double.isInfinite(checkpointEvery))) {
        throw new IllegalArgumentException(
            "--checkpoint-every must be a positive number of " + "seconds, was " + checkpointEvery);
      }
      run = RunConfig.resolve(config, scenario, algo, seed, steps, evalSeeds, sets);
      if (targetSuccess != null) {
        if (!run.algo().equals("ppo")) {
          throw new IllegalArgumentException(
              "--target-success stops PPO runs early; "
                  + run.algo()
                  + " trains a fixed number of labeled steps");
        }
        List<String> withTarget = new java.util.ArrayList<>(sets);
        withTarget.add("ppo.target_success=" + targetSuccess);
        run = RunConfig.resolve(config, scenario, algo, seed, steps, evalSeeds, withTarget);
      }
      if (from != null) {
        run = run.withFrom(from.toAbsolutePath());
      }
      if (checkpointEvery != null) {
        run = run.withCheckpointEvery(checkpointEvery);
      }
      run = Start.adopt(run);
      if (demos != null) {
        if (!run.algo().equals("bc")) {
          throw new IllegalArgumentException("--demos is for --algo bc");
        }
        run = run.withDemos(demos.toAbsolutePath());
      }
      if (run.demos() != null && !java.nio.file.Files.isRegularFile(run.demos())) {
        throw new IllegalArgumentException("demonstration file " + run.demos() + " does not exist");
      }
      if (run.demos() != null) {
        // read once before any folder exists: a damaged file is refused with nothing made
        dev.ugoki.core.io.DemoFile.read(run.demos());
      }
      folder = RunFolder.create(out, run); // with its config.yaml
    }
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

    PrintStream progressStream = System.out;
    Progress progress = new Progress(progressStream, Progress.onTerminal(), 10);
    TrainingRun.Result result =
        TrainingRun.execute(
            run,
            folder,
            resuming,
            new PpoTrainer.Options(progress, run.checkpointEverySeconds(), injectNan));
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
    RunConfig done = run;
    Evaluation.Summary s =
        Evaluation.runBatch(
            () -> PolicyFit.fit(folder.policy(), loaded, Scenarios.make(done.scenarioConfig())),
            () -> policy.copy()::actDeterministic,
            done.evalSeeds().first(),
            done.evalSeeds().last(),
            Evaluation.THREADS);
    outw.printf("evaluation on seeds %s (never trained on):%n", done.evalSeeds());
    EvalCommand.printTable(outw, done.scenarioConfig(), s, "policy");
    EvalCommand.writeJson(
        folder.eval(),
        done.scenarioConfig(),
        done.evalSeeds(),
        s,
        folder.dir().relativize(folder.policy()).toString()); // the run folder's own file
    outw.printf("policy: %s%n", folder.policy());
    outw.flush();
    return 0;
  }
}
