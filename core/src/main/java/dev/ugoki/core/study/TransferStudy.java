package dev.ugoki.core.study;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.CellTable;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.io.Mappers;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
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
 * per trained policy, written as it is measured; each is a cell, run on a {@link CellRunner}),
 * {@code summary.json} and {@code transfer.png}.
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

  /** The columns of results.csv, one row per trained policy. */
  private static final List<String> RESULT_COLUMNS =
      List.of("app", "start", "seed", "steps", "success_rate", "mean_progress");

  /** A cell: one policy trained for an application, from a start, with a seed and a budget. */
  public record Cell(String app, String start, long seed, long steps) implements Serializable {}

  /** One trained policy's result. */
  public record Point(
      String app, String start, long seed, long steps, double successRate, double meanProgress)
      implements Serializable {
    Cell cell() {
      return new Cell(app, start, seed, steps);
    }
  }

  /** Everything measured. */
  public record Result(
      List<Point> points, Map<String, Double> zeroShot, Map<String, Double> zeroShotNominal) {}

  private final Settings s;
  private final CellRunner runner;
  private final PrintWriter log;

  /**
   * @param runner runs the cells: {@link dev.ugoki.core.cell.Sequential} here, or on Spark
   */
  public TransferStudy(Settings settings, CellRunner runner, PrintWriter log) {
    this.s = settings;
    this.runner = runner;
    this.log = log;
  }

  /**
   * Evaluates the foundation zero-shot here (on every evaluation seed of each application), then
   * runs the trained policies as cells into results.csv (resumable: a study run again on its folder
   * skips the cells it finds there).
   */
  public Result run() throws IOException {
    try (FolderLock lock = FolderLock.acquire(s.dir(), "transfer study")) {
      return runHeld();
    }
  }

  private Result runHeld() throws IOException {
    PolicyFile.Loaded foundation = PolicyFile.load(s.foundation());
    Map<String, Double> zero = new LinkedHashMap<>();
    Map<String, Double> nominal = new LinkedHashMap<>();
    for (Application app : s.apps()) {
      Config cfg = Scenarios.config(app.scenario(), overrides(foundation, app.scenario(), app));
      Evaluation.Summary z =
          Evaluation.ofFile(s.foundation(), foundation, cfg, s.evalSeeds(), Evaluation.THREADS);
      zero.put(app.name(), z.successRate());
      // once per scenario: long-car and fast-car share race's
      nominal.computeIfAbsent(
          app.scenario(),
          sc ->
              Evaluation.ofFile(
                      s.foundation(),
                      foundation,
                      Scenarios.config(sc, overrides(foundation, sc, null)),
                      s.evalSeeds(),
                      Evaluation.THREADS)
                  .successRate());
      log.printf(
          Locale.ROOT,
          "%s: foundation zero-shot %.0f%% (on nominal %s: %.0f%%)%n",
          app.name(),
          100 * z.successRate(),
          app.scenario(),
          100 * nominal.get(app.scenario()));
      log.flush();
    }
    Job job =
        new Job(
            Files.readAllBytes(s.foundation()),
            foundation.policy().network().architecture().hidden(),
            foundation.policy().network().architecture().layers(),
            s.evalSeeds(),
            s.fineTuneLearningRate());
    List<Point> points = table(s.dir().resolve("results.csv"), job).run(cells(s), job, runner, log);
    Result r = new Result(points, zero, nominal);
    TransferReport.write(s, r);
    return r;
  }

  /** Every cell: per application and seed, each start's curve of budgets. */
  static List<Cell> cells(Settings s) {
    List<String> starts = new ArrayList<>(List.of(SCRATCH, FULL));
    if (s.frozen()) {
      starts.add(FROZEN);
    }
    List<Cell> out = new ArrayList<>();
    for (Application app : s.apps()) {
      for (long seed : s.seeds()) {
        for (String start : starts) {
          for (long budget : s.budgets()) {
            out.add(new Cell(app.name(), start, seed, budget));
          }
        }
      }
    }
    return out;
  }

  /**
   * A cell's work, carrying the foundation's bytes (a cell may run on another machine): trains in a
   * folder of its own that it deletes, and evaluates the policy.
   */
  record Job(byte[] foundation, int hidden, int layers, SeedRange evalSeeds, Double fineTuneLr)
      implements CellJob<Cell, Point> {
    @Override
    public Point run(Cell c, int threads) throws IOException {
      Application app = Application.named(c.app());
      return CellTraining.run(
          tmp -> {
            Path file = tmp.resolve("foundation.zip");
            Files.write(file, foundation);
            List<String> sets = new ArrayList<>();
            overrides(PolicyFile.load(file), app.scenario(), app)
                .forEach((k, v) -> sets.add(k + "=" + v));
            sets.add("bc.hidden=" + hidden);
            sets.add("bc.layers=" + layers);
            sets.add("bc.env_threads=" + threads);
            // about 500 steps per environment, so that small budgets see whole episodes, not
            // only their first seconds
            sets.add("bc.num_envs=" + Math.max(2, Math.min(8, c.steps() / 500)));
            if (c.start().equals(FROZEN)) {
              sets.add("bc.freeze_layers=1");
            }
            if (!c.start().equals(SCRATCH) && fineTuneLr != null) {
              sets.add("bc.learning_rate=" + fineTuneLr);
            }
            return RunPlan.resolve(
                new RunRequest(
                    null,
                    app.scenario(),
                    "bc",
                    c.seed(),
                    c.steps(),
                    evalSeeds,
                    sets,
                    c.start().equals(SCRATCH) ? null : file,
                    List.of(),
                    null,
                    null));
          },
          (plan, file, trained) -> {
            Evaluation.Summary e =
                Evaluation.ofFile(
                    file, trained, plan.config().scenarioConfig(), evalSeeds, threads);
            return new Point(
                c.app(), c.start(), c.seed(), c.steps(), e.successRate(), e.meanProgress());
          });
    }
  }

  /** results.csv: a row per trained policy; {@code job} null to read a finished one. */
  static CellTable<Cell, Point> table(Path csv, Job job) {
    String described =
        job == null
            ? ""
            : String.format(
                Locale.ROOT,
                "foundation sha-256: %s%nnetwork: %d x %d%neval seeds: %s%nfine-tune lr: %s%n",
                CellTable.digest(job.foundation()),
                job.layers(),
                job.hidden(),
                job.evalSeeds(),
                job.fineTuneLr());
    return new CellTable<>(
        csv,
        "a transfer study's results",
        described,
        new CellTable.Codec<>() {
          @Override
          public List<String> columns() {
            return RESULT_COLUMNS;
          }

          @Override
          public List<String> row(Point p) {
            return List.of(
                p.app(),
                p.start(),
                Long.toString(p.seed()),
                Long.toString(p.steps()),
                String.format(Locale.ROOT, "%.4f", p.successRate()),
                String.format(Locale.ROOT, "%.4f", p.meanProgress()));
          }

          @Override
          public Point parse(String[] f) {
            return new Point(
                f[0],
                f[1],
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]));
          }

          @Override
          public Cell key(Point p) {
            return p.cell();
          }

          @Override
          public String describe(Point p) {
            return String.format(
                Locale.ROOT,
                "%s, %s, seed %d, %,d steps: %.0f%%",
                p.app(),
                p.start(),
                p.seed(),
                p.steps(),
                100 * p.successRate());
          }
        });
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
        Boolean.TRUE.equals(learned.get(dev.ugoki.sim.env.TaskKeys.of(scenario, key)))
            || (foundation.meta().scenario().equals(scenario)
                && "true".equals(String.valueOf(learned.get(key))));
    if (observed) {
      m.put(key, true);
    }
    return m;
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
      List<Point> points = table(dir.resolve("results.csv"), null).read();
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
}
