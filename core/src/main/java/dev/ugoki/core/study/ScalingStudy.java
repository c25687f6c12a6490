package dev.ugoki.core.study;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.CellTable;
import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.BodyFamily;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How does a policy's success on bodies it never trained on grow with what it trains on? From one
 * imitation run config over a body family (bc or dagger), each cell trains a policy with one number
 * of distinct training bodies ({@code body.pool}), one network width and one budget of labeled
 * expert steps, and evaluates it zero-shot on the family's held-out bodies ({@code body.split=1})
 * and its edge band ({@code body.split=2}) on seeds no training used. Three axes, each varied from
 * one base point with the other two held there, every point over several seeds.
 *
 * <p>A cell is pure: its result follows from its key (bodies, width, steps, seed) alone. Results go
 * to {@code results.csv} as each cell finishes; a study started again on the same folder skips the
 * cells it finds there, so a killed study resumes and ends with the same file. {@link
 * ScalingReport} fits the power laws and draws {@code scaling.png}.
 */
public final class ScalingStudy {
  /** The three things a cell can have more of. */
  public enum Axis {
    BODIES("distinct training bodies"),
    WIDTH("hidden units per layer"),
    STEPS("labeled expert steps");

    private final String label;

    Axis(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    String column() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param config the imitation run config (its scenario config holds the family)
   * @param sets {@code --set} overrides over the file
   * @param values per axis, the values to try, ascending
   * @param base the base point: per axis, the value the other axes hold it at
   * @param seeds training seeds, one cell per seed at each point
   * @param evalSeeds episodes each policy is evaluated on, per split
   * @param dir where the study writes
   */
  public record Settings(
      Path config,
      List<String> sets,
      Map<Axis, List<Long>> values,
      Map<Axis, Long> base,
      List<Long> seeds,
      SeedRange evalSeeds,
      Path dir) {
    public Settings {
      sets = List.copyOf(sets);
      values = Map.copyOf(values);
      base = Map.copyOf(base);
      seeds = List.copyOf(seeds);
      for (Axis a : Axis.values()) {
        List<Long> v = values.get(a);
        if (v == null || v.isEmpty() || !base.containsKey(a)) {
          throw new IllegalArgumentException("the scaling study needs values and a base for " + a);
        }
        for (long x : v) {
          if (x < 1) {
            throw new IllegalArgumentException(a.label() + " must be at least 1, got " + x);
          }
        }
      }
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("the scaling study needs at least one seed");
      }
    }
  }

  /**
   * A small study around a base point: each axis at the base and one step up (three times the
   * bodies, twice the width, twice the labeled steps), for benchmarks and tests.
   */
  public static Settings around(
      Path config,
      long bodies,
      long width,
      long steps,
      List<Long> seeds,
      SeedRange evalSeeds,
      Path dir) {
    return new Settings(
        config,
        List.of(),
        Map.of(
            Axis.BODIES,
            List.of(bodies, 3 * bodies),
            Axis.WIDTH,
            List.of(width, 2 * width),
            Axis.STEPS,
            List.of(steps, 2 * steps)),
        Map.of(Axis.BODIES, bodies, Axis.WIDTH, width, Axis.STEPS, steps),
        seeds,
        evalSeeds,
        dir);
  }

  /** One trained policy: how many distinct bodies, how wide, how many labels, which seed. */
  public record Cell(long bodies, long width, long steps, long seed) implements Serializable {
    long value(Axis a) {
      return switch (a) {
        case BODIES -> bodies;
        case WIDTH -> width;
        case STEPS -> steps;
      };
    }
  }

  /** A cell's result: zero-shot success on the held-out bodies and on the edge band. */
  public record Point(Cell cell, double heldOut, double edge) implements Serializable {}

  static final List<String> COLUMNS =
      List.of("bodies", "width", "steps", "seed", "held_out_success", "edge_success");

  private final Settings s;
  private final CellRunner runner;
  private final PrintWriter log;

  /**
   * @param runner runs the cells: {@link Sequential} here, or on Spark (the cluster module)
   */
  public ScalingStudy(Settings settings, CellRunner runner, PrintWriter log) {
    this.s = settings;
    this.runner = runner;
    this.log = log;
  }

  /** Every cell of the study, axis by axis, each point's seeds together; the base point once. */
  public static List<Cell> cells(Settings s) {
    LinkedHashSet<Cell> out = new LinkedHashSet<>();
    for (Axis a : Axis.values()) {
      for (long v : s.values().get(a)) {
        for (long seed : s.seeds()) {
          Map<Axis, Long> at = new HashMap<>(s.base());
          at.put(a, v);
          out.add(new Cell(at.get(Axis.BODIES), at.get(Axis.WIDTH), at.get(Axis.STEPS), seed));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Checks the config before anything is written or started: an imitation run whose scenario has a
   * body family with held-out bodies and an edge band.
   */
  public static void check(Settings s) {
    // every cell's plan, as the sweep checks every config: a width or a budget out of range is
    // refused now, not when its cell comes up hours in
    List<Cell> all = cells(s);
    for (Cell c : all) {
      plan(s.config(), s.sets(), s.evalSeeds(), c, 1);
    }
    RunPlan plan = plan(s.config(), s.sets(), s.evalSeeds(), all.get(0), 1);
    String algo = plan.config().algo();
    if (!algo.equals("bc") && !algo.equals("dagger")) {
      throw new IllegalArgumentException(
          "the scaling study counts labeled steps: its run must be bc or dagger, not " + algo);
    }
    Config c = plan.config().scenarioConfig();
    if (c.keysNamed(BodyFamily.POOL).isEmpty()) {
      throw new IllegalArgumentException(c.owner() + " has no body family");
    }
    // a family without held-out bodies or without a band is refused by the scenario itself
    Scenarios.make(split(c, BodyFamily.HELD_OUT));
    Scenarios.make(split(c, BodyFamily.EDGE_BAND));
  }

  /**
   * Runs the cells not yet in results.csv, appending each as it finishes (in whatever order the
   * runner finishes them), then writes the file again in the cells' order, so that its bytes do not
   * depend on the runner; returns every cell's point.
   */
  public List<Point> run() throws IOException {
    check(s);
    try (FolderLock lock = FolderLock.acquire(s.dir(), "scaling study")) {
      Job job = new Job(Files.readString(s.config()), s.sets(), s.evalSeeds());
      List<Point> points =
          table(s.dir().resolve("results.csv"), job).run(cells(s), job, runner, log);
      ScalingReport.write(s, points);
      return points;
    }
  }

  /**
   * A cell's work, carrying the run config's text (not its path: a cell may run on another
   * machine): trains in a folder of its own that it deletes, and evaluates zero-shot.
   */
  record Job(String configYaml, List<String> sets, SeedRange evalSeeds)
      implements CellJob<Cell, Point> {
    Job {
      sets = List.copyOf(sets);
    }

    @Override
    public Point run(Cell c, int threads) throws IOException {
      return CellTraining.run(
          tmp -> {
            Path config = tmp.resolve("config.yaml");
            Files.writeString(config, configYaml);
            return plan(config, sets, evalSeeds, c, threads);
          },
          (plan, file, trained) -> {
            Config cfg = plan.config().scenarioConfig();
            return new Point(
                c,
                Evaluation.ofFile(
                        file, trained, split(cfg, BodyFamily.HELD_OUT), evalSeeds, threads)
                    .successRate(),
                Evaluation.ofFile(
                        file, trained, split(cfg, BodyFamily.EDGE_BAND), evalSeeds, threads)
                    .successRate());
          });
    }
  }

  private static RunPlan plan(
      Path config, List<String> overrides, SeedRange evalSeeds, Cell c, int threads) {
    List<String> sets = new ArrayList<>(overrides);
    RunPlan probe = RunPlan.resolve(RunRequest.of(config, null, null, null, null, null, sets));
    String algo = probe.config().algo();
    sets.add(algo + ".hidden=" + c.width());
    // about 500 steps per environment, so that small budgets see whole episodes
    sets.add(algo + ".num_envs=" + Math.max(2, Math.min(16, c.steps() / 500)));
    sets.add(algo + ".env_threads=" + threads);
    for (String key : probe.config().scenarioConfig().keysNamed(BodyFamily.POOL)) {
      sets.add(key + "=" + c.bodies());
    }
    return RunPlan.resolve(RunRequest.of(config, null, null, c.seed(), c.steps(), evalSeeds, sets));
  }

  /** {@code c} drawing the bodies of {@code split} in every family it holds. */
  static Config split(Config c, int split) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String key : c.keysNamed(BodyFamily.SPLIT)) {
      m.put(key, split);
    }
    return c.with(m);
  }

  /** results.csv: a row per cell; {@code job} null to read a finished one. */
  static CellTable<Cell, Point> table(Path csv, Job job) {
    String described =
        job == null
            ? ""
            : "config:\n"
                + job.configYaml()
                + "\nsets: "
                + job.sets()
                + "\neval seeds: "
                + job.evalSeeds()
                + "\n";
    return new CellTable<>(
        csv,
        "a scaling study's results",
        described,
        new CellTable.Codec<>() {
          @Override
          public List<String> columns() {
            return COLUMNS;
          }

          @Override
          public List<String> row(Point p) {
            return List.of(
                Long.toString(p.cell().bodies()),
                Long.toString(p.cell().width()),
                Long.toString(p.cell().steps()),
                Long.toString(p.cell().seed()),
                String.format(Locale.ROOT, "%.4f", p.heldOut()),
                String.format(Locale.ROOT, "%.4f", p.edge()));
          }

          @Override
          public Point parse(String[] f) {
            return new Point(
                new Cell(
                    Long.parseLong(f[0]),
                    Long.parseLong(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3])),
                rate(f[4]),
                rate(f[5]));
          }

          @Override
          public Cell key(Point p) {
            return p.cell();
          }

          @Override
          public String describe(Point p) {
            Cell c = p.cell();
            return String.format(
                Locale.ROOT,
                "bodies %d, width %d, %,d steps, seed %d: held-out %.0f%%, edge %.0f%%",
                c.bodies(),
                c.width(),
                c.steps(),
                c.seed(),
                100 * p.heldOut(),
                100 * p.edge());
          }
        });
  }

  /** The points of a results.csv; a header or row that is not the study's is refused. */
  public static List<Point> read(Path csv) throws IOException {
    return table(csv, null).read();
  }

  private static double rate(String s) {
    double v = Double.parseDouble(s);
    if (!(v >= 0 && v <= 1)) {
      throw new NumberFormatException("a success rate must be in [0, 1], got " + s);
    }
    return v;
  }
}
