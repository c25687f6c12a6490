package dev.ugoki.core.study;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.CsvTable;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.BodyFamily;
import java.io.IOException;
import java.io.PrintWriter;
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

  /** One trained policy: how many distinct bodies, how wide, how many labels, which seed. */
  public record Cell(long bodies, long width, long steps, long seed) {
    long value(Axis a) {
      return switch (a) {
        case BODIES -> bodies;
        case WIDTH -> width;
        case STEPS -> steps;
      };
    }
  }

  /** A cell's result: zero-shot success on the held-out bodies and on the edge band. */
  public record Point(Cell cell, double heldOut, double edge) {}

  static final List<String> COLUMNS =
      List.of("bodies", "width", "steps", "seed", "held_out_success", "edge_success");

  private final Settings s;
  private final PrintWriter log;

  public ScalingStudy(Settings settings, PrintWriter log) {
    this.s = settings;
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
   * Checks the config before anything is written: an imitation run whose scenario has a body family
   * with held-out bodies and an edge band.
   */
  public void check() {
    RunPlan plan = plan(cells(s).get(0));
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

  /** Runs the cells not yet in results.csv, appending each as it finishes; returns them all. */
  public List<Point> run() throws IOException {
    check();
    Files.createDirectories(s.dir());
    Path csv = s.dir().resolve("results.csv");
    Map<Cell, Point> done = new LinkedHashMap<>();
    if (Files.exists(csv) && Files.size(csv) > 0) {
      dropCutRow(csv);
      for (Point p : read(csv)) {
        done.put(p.cell(), p);
      }
    } else {
      try (CsvTable.Appender w = CsvTable.create(csv, COLUMNS)) {
        // the header only: rows follow as cells finish
      }
    }
    List<Cell> cells = cells(s);
    long todo = cells.stream().filter(c -> !done.containsKey(c)).count();
    log.printf(
        Locale.ROOT,
        "%d cells, %d already in %s, %d to run%n",
        cells.size(),
        cells.size() - todo,
        csv,
        todo);
    log.flush();
    List<Point> points = new ArrayList<>();
    int k = 0;
    try (CsvTable.Appender w = CsvTable.append(csv)) {
      for (Cell c : cells) {
        Point p = done.get(c);
        if (p == null) {
          long t0 = System.nanoTime();
          p = measure(c);
          w.row(row(p));
          k++;
          log.printf(
              Locale.ROOT,
              "[%d/%d] bodies %d, width %d, %,d steps, seed %d: held-out %.0f%%, edge %.0f%% (%.0f s)%n",
              k,
              todo,
              c.bodies(),
              c.width(),
              c.steps(),
              c.seed(),
              100 * p.heldOut(),
              100 * p.edge(),
              (System.nanoTime() - t0) / 1e9);
          log.flush();
        }
        points.add(p);
      }
    }
    ScalingReport.write(s, points);
    return points;
  }

  /** A row cut off by a kill (no line end) is dropped: its cell runs again. */
  static void dropCutRow(Path csv) throws IOException {
    byte[] b = Files.readAllBytes(csv);
    int end = b.length;
    while (end > 0 && b[end - 1] != '\n') {
      end--;
    }
    if (end < b.length) {
      try (var ch =
          java.nio.channels.FileChannel.open(csv, java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }

  private RunPlan plan(Cell c) {
    List<String> sets = new ArrayList<>(s.sets());
    RunPlan probe = RunPlan.resolve(RunRequest.of(s.config(), null, null, null, null, null, sets));
    String algo = probe.config().algo();
    sets.add(algo + ".hidden=" + c.width());
    // about 500 steps per environment, so that small budgets see whole episodes
    sets.add(algo + ".num_envs=" + Math.max(2, Math.min(16, c.steps() / 500)));
    for (String key : probe.config().scenarioConfig().keysNamed(BodyFamily.POOL)) {
      sets.add(key + "=" + c.bodies());
    }
    return RunPlan.resolve(
        RunRequest.of(s.config(), null, null, c.seed(), c.steps(), s.evalSeeds(), sets));
  }

  private Point measure(Cell c) throws IOException {
    RunPlan plan = plan(c);
    RunFolder folder = plan.folder(s.dir().resolve("runs"));
    plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
    PolicyFile.Loaded trained = PolicyFile.load(folder.policy());
    Config cfg = plan.config().scenarioConfig();
    double held = evaluate(folder.policy(), trained, split(cfg, BodyFamily.HELD_OUT));
    double edge = evaluate(folder.policy(), trained, split(cfg, BodyFamily.EDGE_BAND));
    return new Point(c, held, edge);
  }

  private double evaluate(Path file, PolicyFile.Loaded policy, Config cfg) {
    return Evaluation.runBatch(
            () -> PolicyFit.fit(file, policy, Scenarios.make(cfg)),
            () -> policy.policy().copy()::actDeterministic,
            s.evalSeeds().first(),
            s.evalSeeds().last(),
            Evaluation.THREADS)
        .successRate();
  }

  /** {@code c} drawing the bodies of {@code split} in every family it holds. */
  static Config split(Config c, int split) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String key : c.keysNamed(BodyFamily.SPLIT)) {
      m.put(key, split);
    }
    return c.with(m);
  }

  private static List<String> row(Point p) {
    return List.of(
        Long.toString(p.cell().bodies()),
        Long.toString(p.cell().width()),
        Long.toString(p.cell().steps()),
        Long.toString(p.cell().seed()),
        String.format(Locale.ROOT, "%.4f", p.heldOut()),
        String.format(Locale.ROOT, "%.4f", p.edge()));
  }

  /** The points of a results.csv; a header or row that is not the study's is refused. */
  public static List<Point> read(Path csv) throws IOException {
    List<String[]> rows = CsvTable.read(csv);
    if (rows.isEmpty() || !List.of(rows.get(0)).equals(COLUMNS)) {
      throw new IllegalArgumentException(
          csv + " is not a scaling study's results (its header is not " + COLUMNS + ")");
    }
    List<Point> out = new ArrayList<>();
    for (String[] f : rows.subList(1, rows.size())) {
      try {
        if (f.length != COLUMNS.size()) {
          throw new NumberFormatException(f.length + " cells");
        }
        out.add(
            new Point(
                new Cell(
                    Long.parseLong(f[0]),
                    Long.parseLong(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3])),
                rate(f[4]),
                rate(f[5])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            csv + " has a bad row '" + String.join(",", f) + "' (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static double rate(String s) {
    double v = Double.parseDouble(s);
    if (!(v >= 0 && v <= 1)) {
      throw new NumberFormatException("a success rate must be in [0, 1], got " + s);
    }
    return v;
  }
}
