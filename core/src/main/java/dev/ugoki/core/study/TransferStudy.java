package dev.ugoki.core.study;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.CsvTable;
import dev.ugoki.core.io.Mappers;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does a foundation policy make a new application cheaper to learn? For each held-out {@link
 * Application}, seed and budget of labeled expert steps, it trains behavior cloning (the expert's
 * demonstrations with DART noise) three ways: from scratch, as a full fine-tune of the foundation,
 * and optionally with the foundation's first hidden layer frozen (DL4J transfer learning); every
 * policy is evaluated on seeds no training used. The foundation itself is evaluated on each
 * application before any fine-tuning (zero-shot).
 *
 * <p>"Steps to target" of a curve is the smallest budget from which its success rate stays at or
 * above the target at every larger budget (0 when a fine-tune's zero-shot start already does); the
 * foundation's own pretraining labels are not counted. Results go to {@code results.csv} (one row
 * per trained policy, written as it is measured), {@code summary.json} and {@code transfer.png}.
 */
public final class TransferStudy {
  /** The ways a policy for an application starts. */
  public static final String SCRATCH = "scratch";

  public static final String FULL = "fine-tune";
  public static final String FROZEN = "fine-tune (layer 1 frozen)";

  /**
   * @param foundation the pretrained policy file
   * @param apps the held-out applications
   * @param seeds training seeds (one curve each)
   * @param budgets labeled expert steps per trained policy, ascending
   * @param evalSeeds episodes each policy is evaluated on
   * @param target the success rate a curve must reach
   * @param frozen also fine-tune with a frozen first layer
   * @param fineTuneLearningRate the learning rate of the fine-tunes, or null for the algorithm's (a
   *     foundation fine-tuned on a few hundred rows at the rate that trains from scratch can lose
   *     what it knew)
   * @param dir where the study writes
   */
  public record Settings(
      Path foundation,
      List<Application> apps,
      List<Long> seeds,
      List<Long> budgets,
      SeedRange evalSeeds,
      double target,
      boolean frozen,
      Double fineTuneLearningRate,
      Path dir) {}

  /** One trained (or zero-shot) policy's result. */
  /** The columns of results.csv, one row per trained policy. */
  private static final List<String> RESULT_COLUMNS =
      List.of("app", "start", "seed", "steps", "success_rate", "mean_progress");

  public record Point(
      String app, String start, long seed, long steps, double successRate, double meanProgress) {}

  /** Everything measured. */
  public record Result(
      List<Point> points, Map<String, Double> zeroShot, Map<String, Double> zeroShotNominal) {}

  private final Settings s;
  private final PrintWriter log;

  public TransferStudy(Settings settings, PrintWriter log) {
    this.s = settings;
    this.log = log;
  }

  public Result run() throws IOException {
    Files.createDirectories(s.dir());
    PolicyFile.Loaded foundation = PolicyFile.load(s.foundation());
    int hidden = foundation.policy().network().architecture().hidden();
    int layers = foundation.policy().network().architecture().layers();
    List<Point> points = new ArrayList<>();
    Map<String, Double> zero = new LinkedHashMap<>();
    Map<String, Double> nominal = new LinkedHashMap<>();
    Path csv = s.dir().resolve("results.csv");
    try (CsvTable.Appender w = CsvTable.create(csv, RESULT_COLUMNS)) {
      for (Application app : s.apps()) {
        Config cfg = Scenarios.config(app.scenario(), overrides(foundation, app.scenario(), app));
        Evaluation.Summary z = evaluate(s.foundation(), foundation, cfg);
        zero.put(app.name(), z.successRate());
        // once per scenario: long-car and fast-car share race's
        nominal.computeIfAbsent(
            app.scenario(),
            sc ->
                evaluate(
                        s.foundation(),
                        foundation,
                        Scenarios.config(sc, overrides(foundation, sc, null)))
                    .successRate());
        log.printf(
            Locale.ROOT,
            "%s: foundation zero-shot %.0f%% (on nominal %s: %.0f%%)%n",
            app.name(),
            100 * z.successRate(),
            app.scenario(),
            100 * nominal.get(app.scenario()));
        log.flush();
        List<String> starts = new ArrayList<>(List.of(SCRATCH, FULL));
        if (s.frozen()) {
          starts.add(FROZEN);
        }
        for (long seed : s.seeds()) {
          for (String start : starts) {
            for (long budget : s.budgets()) {
              Point p = trainAndEvaluate(foundation, app, start, seed, budget, hidden, layers);
              points.add(p);
              w.row(
                  List.of(
                      p.app(),
                      p.start(),
                      Long.toString(p.seed()),
                      Long.toString(p.steps()),
                      String.format(Locale.ROOT, "%.4f", p.successRate()),
                      String.format(Locale.ROOT, "%.4f", p.meanProgress())));
              log.printf(
                  Locale.ROOT,
                  "  %-10s %-26s seed %d %,7d steps: %3.0f%%%n",
                  app.name(),
                  start,
                  seed,
                  budget,
                  100 * p.successRate());
              log.flush();
            }
          }
        }
      }
    }
    Result r = new Result(List.copyOf(points), zero, nominal);
    TransferReport.write(s, r);
    return r;
  }

  private Point trainAndEvaluate(
      PolicyFile.Loaded foundation,
      Application app,
      String start,
      long seed,
      long budget,
      int hidden,
      int layers)
      throws IOException {
    List<String> sets = new ArrayList<>();
    overrides(foundation, app.scenario(), app).forEach((k, v) -> sets.add(k + "=" + v));
    sets.add("bc.hidden=" + hidden);
    sets.add("bc.layers=" + layers);
    // about 500 steps per environment, so that small budgets see whole episodes, not only
    // their first seconds
    sets.add("bc.num_envs=" + Math.max(2, Math.min(8, budget / 500)));
    if (start.equals(FROZEN)) {
      sets.add("bc.freeze_layers=1");
    }
    if (!start.equals(SCRATCH) && s.fineTuneLearningRate() != null) {
      sets.add("bc.learning_rate=" + s.fineTuneLearningRate());
    }
    RunPlan plan =
        RunPlan.resolve(
            new RunRequest(
                null,
                app.scenario(),
                "bc",
                seed,
                budget,
                s.evalSeeds(),
                sets,
                start.equals(SCRATCH) ? null : s.foundation(),
                List.of(),
                null,
                null));
    RunConfig run = plan.config();
    RunFolder folder = plan.folder(s.dir().resolve("runs"));
    plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
    PolicyFile.Loaded trained = PolicyFile.load(folder.policy());
    Evaluation.Summary e = evaluate(folder.policy(), trained, run.scenarioConfig());
    return new Point(app.name(), start, seed, budget, e.successRate(), e.meanProgress());
  }

  /**
   * The scenario keys of an application ({@code app}, or null for the scenario as it is) for this
   * foundation: the application's own, and the body's channels when the foundation learned the
   * scenario's task with them ({@code body.observe}: a body-aware or adapted foundation), so that
   * the environment has the layout the foundation reads (an adapter overwrites them with what it
   * infers; a body-aware policy is told the nominal body, all its channels 0).
   */
  public static Map<String, Object> overrides(
      PolicyFile.Loaded foundation, String scenario, Application app) {
    Map<String, Object> m = new java.util.TreeMap<>(app == null ? Map.of() : app.overrides());
    Map<String, Object> learned = foundation.meta().scenarioConfig();
    String key = dev.ugoki.sim.scenario.BodyFamily.OBSERVE;
    boolean observed =
        Boolean.TRUE.equals(
                learned.get(scenario + dev.ugoki.sim.scenario.MultiTaskScenario.SEP + key))
            || (foundation.meta().scenario().equals(scenario)
                && "true".equals(String.valueOf(learned.get(key))));
    if (observed) {
      m.put(key, true);
    }
    return m;
  }

  private Evaluation.Summary evaluate(Path file, PolicyFile.Loaded policy, Config cfg) {
    return Evaluation.runBatch(
        () -> PolicyFit.fit(file, policy, Scenarios.make(cfg)),
        () -> policy.policy().copy()::actDeterministic,
        s.evalSeeds().first(),
        s.evalSeeds().last(),
        Evaluation.THREADS);
  }

  /**
   * A finished study read back from its folder ({@code results.csv} and {@code summary.json}), to
   * draw its report again without training anything.
   */
  public static void replot(Path dir) throws IOException {
    Settings s;
    Result r;
    try {
      com.fasterxml.jackson.databind.JsonNode doc =
          Mappers.JSON.readTree(dir.resolve("summary.json").toFile());
      List<Application> apps = new ArrayList<>();
      Map<String, Double> zero = new LinkedHashMap<>();
      doc.required("applications")
          .fields()
          .forEachRemaining(
              e -> {
                apps.add(Application.named(e.getKey()));
                zero.put(e.getKey(), e.getValue().required("zero_shot_success_rate").asDouble());
              });
      Map<String, Double> nominal = new LinkedHashMap<>();
      doc.required("zero_shot_on_nominal_scenarios")
          .fields()
          .forEachRemaining(e -> nominal.put(e.getKey(), e.getValue().asDouble()));
      List<Long> seeds = new ArrayList<>();
      doc.required("seeds").forEach(n -> seeds.add(n.asLong()));
      List<Long> budgets = new ArrayList<>();
      doc.required("budgets").forEach(n -> budgets.add(n.asLong()));
      List<Point> points = new ArrayList<>();
      List<String[]> rows = CsvTable.read(dir.resolve("results.csv"));
      for (String[] f : rows.subList(Math.min(1, rows.size()), rows.size())) {
        if (f.length != RESULT_COLUMNS.size()) {
          throw new IllegalArgumentException(
              "results.csv has a bad row '" + String.join(",", f) + "'");
        }
        points.add(
            new Point(
                f[0],
                f[1],
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5])));
      }
      if (apps.isEmpty() || budgets.isEmpty() || seeds.isEmpty() || points.isEmpty()) {
        throw new IllegalArgumentException("it has no applications, budgets, seeds or results");
      }
      s =
          new Settings(
              Path.of(doc.required("foundation").asText()),
              apps,
              seeds,
              budgets,
              SeedRange.parse(doc.required("eval_seeds").asText()),
              doc.required("target_success_rate").asDouble(),
              points.stream().anyMatch(p -> p.start().equals(FROZEN)),
              doc.hasNonNull("fine_tune_learning_rate")
                  ? doc.get("fine_tune_learning_rate").asDouble()
                  : null,
              dir);
      r = new Result(points, zero, nominal);
    } catch (IOException | RuntimeException e) {
      String why =
          e instanceof java.nio.file.NoSuchFileException
                  || e instanceof java.io.FileNotFoundException
              ? "missing " + e.getMessage()
              : String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
      throw new IllegalArgumentException(dir + " is not a finished transfer study: " + why);
    }
    TransferReport.write(s, r);
  }

  /**
   * The smallest budget from which {@code start}'s success on {@code app} with {@code seed} reaches
   * the target at every larger budget, or -1 when it does not at the largest.
   *
   * @param zeroShot the success before any training (a fine-tune's budget 0), or NaN for none
   */
  public static long stepsToTarget(
      List<Point> points, String app, String start, long seed, double target, double zeroShot) {
    List<Point> curve =
        new ArrayList<>(
            points.stream()
                .filter(p -> p.app().equals(app) && p.start().equals(start) && p.seed() == seed)
                .sorted(java.util.Comparator.comparingLong(Point::steps))
                .toList());
    if (!Double.isNaN(zeroShot)) {
      curve.add(0, new Point(app, start, seed, 0, zeroShot, Double.NaN));
    }
    long best = -1;
    for (int i = curve.size() - 1; i >= 0; i--) {
      if (curve.get(i).successRate() + 1e-9 < target) {
        break;
      }
      best = curve.get(i).steps();
    }
    return best;
  }

  static void writeJson(Path file, Object doc) throws IOException {
    dev.ugoki.core.io.CanonicalJson.write(file, doc);
  }
}
