package dev.ugoki.core.eval;

import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.sim.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An evaluation's results for a person (a one-row table) and for a program (eval.json). */
public final class EvalReport {
  private EvalReport() {}

  /** The one-row results table. */
  public static void printTable(PrintWriter out, Config config, Evaluation.Summary s, String who) {
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
  public static void writeJson(
      Path file, Config config, SeedRange seeds, Evaluation.Summary s, String who)
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
