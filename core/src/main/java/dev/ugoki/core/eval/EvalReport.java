package dev.ugoki.core.eval;

import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.registry.Scenarios;
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
    Presentation words = Scenarios.presentation(config.owner());
    String time = words.timeColumn(config);
    // the time column as wide as its words, 22 at the least
    int w = Math.max(22, time.length() + 5);
    out.printf(
        "%-10s %-7s %8s %9s %12s %" + w + "s %8s%n",
        "scenario",
        "policy",
        "episodes",
        "success",
        "mean return",
        time + " [s]",
        "crashes");
    out.printf(
        "%-10s %-7s %8d %8.1f%% %12.2f %" + w + ".2f %8d%n",
        s.scenario(),
        who,
        s.count(),
        100 * s.successRate(),
        s.meanReturn(),
        s.meanSuccessTimeS(),
        s.crashes());
    if (words.wholeUnits()) {
      out.println(words.tally(config, s.meanProgress() * s.count(), s.count()));
    }
    if (!words.score().isEmpty()) {
      out.printf(
          java.util.Locale.ROOT,
          "%s: %.3f at the end, %.3f at best (means over the episodes)%n",
          words.score(),
          s.meanProgress(),
          s.meanBestProgress());
      if (!words.scoreFullKey().isEmpty()) {
        double full = config.real(words.scoreFullKey());
        out.printf(
            java.util.Locale.ROOT,
            "score: %.3f (the best %s over %s %.2f, at most 1; mean over the episodes)%n",
            s.meanBestScore(full),
            words.score(),
            words.scoreFullKey(),
            full);
      }
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
    doc.put("mean_best_progress", s.meanBestProgress());
    Presentation words = Scenarios.presentation(config.owner());
    if (!words.scoreFullKey().isEmpty()) {
      doc.put("mean_best_score", s.meanBestScore(config.real(words.scoreFullKey())));
    }
    if (words.wholeUnits()) {
      // the share of the units (goals, targets) done, over every episode
      doc.put("goal_rate", s.meanProgress() / words.count(config));
    }
    doc.put("per_episode", s.episodes());
    CanonicalJson.write(file, doc);
  }
}
