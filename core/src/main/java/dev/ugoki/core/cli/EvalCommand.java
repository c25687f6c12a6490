package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.eval.EvalReport;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedBlocks;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.replay.ReplayFolder;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki eval}: success rate, return, time and crashes over a range of seeds. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Run a policy or the expert for one episode per seed and report the outcome.")
public final class EvalCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PolicyOrExpert who;

  @Mixin ScenarioOptions scenario = new ScenarioOptions();

  @Option(
      names = "--seeds",
      defaultValue = "1-50",
      converter = SeedRangeConverter.class,
      description = "Inclusive seed range, one episode each (default: ${DEFAULT-VALUE}).")
  SeedRange seeds;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(
      names = "--master",
      paramLabel = "MASTER",
      description =
          "Run blocks of seeds as cells on Spark: local[*], local[N], spark://HOST:7077 (or"
              + " sequential); without it, in this process. The results are the same.")
  String master;

  @Option(
      names = "--block",
      defaultValue = "100",
      description = "With --master: seeds per cell (default: ${DEFAULT-VALUE}).")
  int block;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Also keep every episode as a replay file, DIR/seed-N.replay.jsonl (the window opens"
              + " it; ./ugoki replay checks it). Not with --master.")
  Path record;

  @Override
  public Integer call() throws Exception {
    if (block < 1) {
      throw new IllegalArgumentException("--block must be at least 1 seed, got " + block);
    }
    if (record != null && master != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--record keeps the episodes of this process: leave out --master");
    }
    if (json != null) {
      AtomicFiles.checkWritable(json); // before the evaluation, not after it
    }
    ReplayFolder replays = record == null ? null : new ReplayFolder(record);
    try {
      return evaluate(replays);
    } finally {
      if (replays != null) {
        replays.close();
      }
    }
  }

  private int evaluate(ReplayFolder replays) throws Exception {
    Evaluation.Summary s;
    Config config;
    String label;
    if (who.policy != null) {
      PolicyFile.Loaded loaded = who.load();
      // the policy's own scenario and config, unless the user picks others
      config = scenario.config(loaded.meta().scenario(), loaded.meta().scenarioConfig());
      Config resolved = config;
      PolicyFit.fit(who.policy, loaded, Scenarios.make(resolved)); // refused before any episode
      s =
          master != null
              ? blocks(who.policy, resolved)
              : Evaluation.ofFile(
                  who.policy,
                  loaded,
                  resolved,
                  seeds,
                  Evaluation.THREADS,
                  env -> replays == null ? env : replays.around(env, "policy " + who.policy));
      label = "policy";
    } else {
      config = scenario.config();
      Env env = Scenarios.make(config);
      if (replays != null) {
        env = replays.around(env, "expert");
      }
      Expert expert = env.expert();
      s =
          master != null
              ? blocks(null, config)
              : Evaluation.run(env, obs -> expert.act(), seeds.first(), seeds.last());
      label = "expert";
    }
    PrintWriter out = spec.commandLine().getOut();
    EvalReport.printTable(out, config, s, label);
    if (replays != null) {
      out.printf("wrote %d replays to %s%n", replays.written(), record);
    }
    if (json != null) {
      EvalReport.writeJson(
          json, config, seeds, s, who.policy != null ? who.policy.toString() : "expert");
    }
    return 0;
  }

  private Evaluation.Summary blocks(Path policy, Config config) throws java.io.IOException {
    try (CellRunner runner = CellRunner.forMaster(master, "ugoki eval")) {
      return SeedBlocks.run(policy, config, seeds, block, runner, spec.commandLine().getErr());
    }
  }
}
