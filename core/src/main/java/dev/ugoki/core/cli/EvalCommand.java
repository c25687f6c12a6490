package dev.ugoki.core.cli;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Override
  public Integer call() throws Exception {
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
          Evaluation.runBatch(
              () -> PolicyFit.fit(who.policy, loaded, Scenarios.make(resolved)),
              () -> loaded.policy().copy()::actDeterministic,
              seeds.first(),
              seeds.last(),
              Evaluation.THREADS);
      label = "policy";
    } else {
      config = scenario.config();
      Env env = Scenarios.make(config);
      Expert expert = env.expert();
      s = Evaluation.run(env, obs -> expert.act(), seeds.first(), seeds.last());
      label = "expert";
    }
    PrintWriter out = spec.commandLine().getOut();
    printTable(out, config, s, label);
    if (json != null) {
      writeJson(json, config, seeds, s, who.policy != null ? who.policy.toString() : "expert");
    }
    return 0;
  }

  /** The one-row results table. */
  static void printTable(PrintWriter out, Config config, Evaluation.Summary s, String who) {
    String time =
        switch (config.owner()) {
          case "race" ->
              config.integer("race.laps") == 1
                  ? "mean lap time"
                  : "mean time, " + config.integer("race.laps") + " laps";
          case "navigate" -> "mean time, all goals";
          case "reach" -> "mean time, all targets";
          default -> "mean time to success";
        };
    out.printf(
        "%-10s %-7s %8s %9s %12s %22s %8s%n",
        "scenario", "policy", "episodes", "success", "mean return", time + " [s]", "crashes");
    out.printf(
        "%-10s %-7s %8d %8.1f%% %12.2f %22.2f %8d%n",
        s.scenario(),
        who,
        s.count(),
        100 * s.successRate(),
        s.meanReturn(),
        s.meanSuccessTimeS(),
        s.crashes());
    if (config.owner().equals("navigate") || config.owner().equals("reach")) {
      boolean nav = config.owner().equals("navigate");
      int goals = config.integer(nav ? "goals" : "targets");
      double reached = s.meanProgress() * s.count();
      out.printf(
          "%s: %.0f of %d (%.1f%%)%n",
          nav ? "goals reached" : "targets touched",
          reached,
          goals * s.count(),
          100 * reached / (goals * s.count()));
    }
    out.flush();
  }

  /** The results as JSON, written atomically. */
  static void writeJson(Path file, Config config, SeedRange seeds, Evaluation.Summary s, String who)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", s.scenario());
    doc.put("policy", who);
    doc.put("seeds", seeds.toString());
    doc.put("config", config.asMap());
    doc.put("episodes", s.count());
    doc.put("success_rate", s.successRate());
    doc.put("mean_return", s.meanReturn());
    doc.put(
        "mean_success_time_s", Double.isNaN(s.meanSuccessTimeS()) ? null : s.meanSuccessTimeS());
    doc.put("crashes", s.crashes());
    doc.put("mean_progress", s.meanProgress());
    if (config.owner().equals("navigate")) {
      doc.put("goal_rate", s.meanProgress() / config.integer("goals"));
    } else if (config.owner().equals("reach")) {
      doc.put("goal_rate", s.meanProgress() / config.integer("targets"));
    }
    doc.put("per_episode", s.episodes());
    CanonicalJson.write(file, doc);
  }
}
