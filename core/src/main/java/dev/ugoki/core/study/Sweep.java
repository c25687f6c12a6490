package dev.ugoki.core.study;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.CellTable;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.io.Mappers;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A hyperparameter sweep: a run config with a {@code sweep} section that names config keys and
 * their values, a grid over all their combinations or a seeded random search; each config is
 * trained with every seed and evaluated on seeds no training used. Each (config, seed) is a cell
 * ({@link CellTable}: results.csv as cells finish, resumable); {@link SweepReport} ranks the
 * configs and writes the best one as a run config.
 *
 * <pre>
 * scenario: race              # a run config, as ./ugoki train --config reads it
 * algo: ppo
 * steps: 60000
 * eval_seeds: 1001-1020
 * sweep:
 *   method: grid              # grid (every combination) or random
 *   seeds: 1-2                # training seeds of every config
 *   samples: 8                # random: how many configs
 *   seed: 1                   # random: the sampler's seed
 *   parameters:               # any --set key: ALGO.key or a scenario key
 *     ppo.learning_rate: [0.0001, 0.0003, 0.001]     # values (random: one of them)
 *     ppo.ent_coef: {min: 0.0, max: 0.01}            # random: uniform; log: true for log-uniform
 * </pre>
 */
public final class Sweep {
  /** The most configs a sweep may hold (a grid multiplies). */
  public static final int MAX_CONFIGS = 10_000;

  /** The most training seeds per config. */
  public static final int MAX_SEEDS = 100;

  /**
   * A parsed sweep file.
   *
   * @param runYaml the file without its sweep section: the run every config starts from
   * @param keys the swept keys, in the file's order
   * @param configs per config, the value of each key (as {@code --set} takes it)
   * @param seeds the training seeds of every config
   * @param evalSeeds the run's evaluation seeds
   */
  public record Plan(
      String runYaml,
      List<String> keys,
      List<List<String>> configs,
      List<Long> seeds,
      SeedRange evalSeeds) {}

  /** A cell: config number (from 1) and training seed. */
  public record Cell(int config, long seed) implements Serializable {}

  /** A cell's result. */
  public record Point(Cell cell, double successRate, double meanReturn, double meanProgress)
      implements Serializable {}

  private Sweep() {}

  /**
   * Reads and checks a sweep file: every config resolves as a run (keys, ranges, budget) before
   * anything is written.
   */
  public static Plan read(Path file) throws IOException {
    Map<String, Object> doc;
    try {
      doc =
          Mappers.YAML.readValue(
              AtomicFiles.readSmall(file, RunConfig.MAX_CONFIG_BYTES), new TypeReference<>() {});
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no sweep file at " + file);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          file + " is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (doc == null || !(doc.get("sweep") instanceof Map<?, ?> sweep)) {
      throw new IllegalArgumentException(file + " has no sweep section");
    }
    Map<String, Object> run = new LinkedHashMap<>(doc);
    run.remove("sweep");
    for (Object k : sweep.keySet()) {
      if (!List.of("method", "seeds", "samples", "seed", "parameters").contains(k)) {
        throw new IllegalArgumentException(
            "sweep." + k + " is not a sweep key (method, seeds, samples, seed, parameters)");
      }
    }
    String method = String.valueOf(sweep.containsKey("method") ? sweep.get("method") : "grid");
    if (!method.equals("grid") && !method.equals("random")) {
      throw new IllegalArgumentException("sweep.method is grid or random, not " + method);
    }
    SeedRange seedRange =
        SeedRange.parse(String.valueOf(sweep.containsKey("seeds") ? sweep.get("seeds") : "1"));
    if (seedRange.count() > MAX_SEEDS) {
      throw new IllegalArgumentException(
          "sweep.seeds holds " + seedRange.count() + " seeds, more than " + MAX_SEEDS);
    }
    if (!(sweep.get("parameters") instanceof Map<?, ?> params) || params.isEmpty()) {
      throw new IllegalArgumentException("sweep.parameters names no key to sweep");
    }
    List<String> keys = new ArrayList<>();
    List<Object> specs = new ArrayList<>();
    params.forEach(
        (k, v) -> {
          keys.add(String.valueOf(k));
          specs.add(v);
        });
    List<List<String>> configs =
        method.equals("grid")
            ? grid(keys, specs)
            : random(keys, specs, integer(sweep, "samples", 8), integer(sweep, "seed", 1));
    String runYaml = Mappers.YAML.writeValueAsString(run);
    SeedRange evalSeeds =
        onRunFile(
            runYaml,
            yaml -> {
              SeedRange first = null;
              for (List<String> c : configs) {
                SeedRange e = plan(yaml, keys, c, seedRange.first(), 1).config().evalSeeds();
                first = first == null ? e : first;
              }
              return first;
            });
    return new Plan(runYaml, keys, configs, seedRange.seeds(), evalSeeds);
  }

  /** What {@code use} makes of the run config {@code runYaml}, written to a file for it. */
  static <T> T onRunFile(String runYaml, RunFileUse<T> use) throws IOException {
    Path tmp = Files.createTempFile("ugoki-sweep-", ".yaml");
    try {
      Files.writeString(tmp, runYaml);
      return use.apply(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A use of a run config's file. */
  interface RunFileUse<T> {
    T apply(Path yaml) throws IOException;
  }

  private static int integer(Map<?, ?> m, String key, int otherwise) {
    Object v = m.containsKey(key) ? m.get(key) : otherwise;
    if (!(v instanceof Integer i) || i < 1) {
      throw new IllegalArgumentException("sweep." + key + " must be a positive integer, got " + v);
    }
    return i;
  }

  private static List<List<String>> grid(List<String> keys, List<Object> specs) {
    List<List<String>> out = new ArrayList<>(List.of(List.of()));
    for (int i = 0; i < keys.size(); i++) {
      if (!(specs.get(i) instanceof List<?> values) || values.isEmpty()) {
        throw new IllegalArgumentException(
            "a grid sweeps lists of values: sweep.parameters." + keys.get(i) + " is not one");
      }
      if ((long) out.size() * values.size() > MAX_CONFIGS) {
        throw new IllegalArgumentException(
            "the grid holds more than " + MAX_CONFIGS + " configs: sweep fewer values");
      }
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (Object v : values) {
          List<String> c = new ArrayList<>(prefix);
          c.add(text(v));
          next.add(List.copyOf(c));
        }
      }
      out = next;
    }
    return out;
  }

  private static List<List<String>> random(
      List<String> keys, List<Object> specs, int samples, long seed) {
    if (samples > MAX_CONFIGS) {
      throw new IllegalArgumentException(
          "sweep.samples is " + samples + ", more than " + MAX_CONFIGS);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (int n = 0; n < samples; n++) {
      List<String> c = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        c.add(draw(keys.get(i), specs.get(i), random));
      }
      out.add(List.copyOf(c));
    }
    return out;
  }

  /** A value as --set takes it: a number in plain decimal (0.0001, not 1.0E-4). */
  static String text(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return java.math.BigDecimal.valueOf(((Number) v).doubleValue())
          .stripTrailingZeros()
          .toPlainString();
    }
    return String.valueOf(v);
  }

  /** One value of a key: one of a list, or uniform (log-uniform) in a range. */
  static String draw(String key, Object spec, SplittableRandom random) {
    if (spec instanceof List<?> values && !values.isEmpty()) {
      return text(values.get(random.nextInt(values.size())));
    }
    if (spec instanceof Map<?, ?> range
        && range.get("min") instanceof Number lo
        && range.get("max") instanceof Number hi
        && lo.doubleValue() <= hi.doubleValue()) {
      boolean log = Boolean.TRUE.equals(range.get("log"));
      if (log && !(lo.doubleValue() > 0)) {
        throw new IllegalArgumentException(
            "sweep.parameters." + key + ": a log range needs min > 0, got " + lo);
      }
      if (lo instanceof Integer a && hi instanceof Integer b && !log) {
        return Integer.toString(a + random.nextInt(b - a + 1));
      }
      double u = random.nextDouble();
      double v =
          log
              ? Math.exp(
                  Math.log(lo.doubleValue())
                      + u * (Math.log(hi.doubleValue()) - Math.log(lo.doubleValue())))
              : lo.doubleValue() + u * (hi.doubleValue() - lo.doubleValue());
      return String.format(Locale.ROOT, "%.4g", v);
    }
    throw new IllegalArgumentException(
        "sweep.parameters."
            + key
            + " is neither a list of values nor a range {min: A, max: B} with A <= B");
  }

  /** A config as {@code --set} overrides: {@code key=value} per swept key. */
  static List<String> sets(List<String> keys, List<String> values) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      out.add(keys.get(i) + "=" + values.get(i));
    }
    return out;
  }

  /** The run of config {@code values} with {@code seed}. */
  static RunPlan plan(
      Path runYaml, List<String> keys, List<String> values, long seed, int threads) {
    List<String> sets = new ArrayList<>(sets(keys, values));
    RunPlan probe = RunPlan.resolve(RunRequest.of(runYaml, null, null, seed, null, null, sets));
    sets.add(probe.config().algo() + ".env_threads=" + threads);
    return RunPlan.resolve(RunRequest.of(runYaml, null, null, seed, null, null, sets));
  }

  /** Every cell: each config with each seed. */
  static List<Cell> cells(Plan p) {
    List<Cell> out = new ArrayList<>();
    for (int c = 1; c <= p.configs().size(); c++) {
      for (long seed : p.seeds()) {
        out.add(new Cell(c, seed));
      }
    }
    return out;
  }

  /** Runs the sweep's cells into {@code dir} and writes its report; returns every point. */
  public static List<Point> run(Plan p, Path dir, CellRunner runner, PrintWriter log)
      throws IOException {
    // one writer per study folder: two sweeps on one --out would keep one's results only
    try (FolderLock lock = FolderLock.acquire(dir, "sweep")) {
      List<Point> points =
          table(dir.resolve("results.csv"), p).run(cells(p), new Job(p), runner, log);
      SweepReport.write(p, points, dir);
      return points;
    }
  }

  /** A cell's work: trains in a folder of its own that it deletes, and evaluates the policy. */
  record Job(String runYaml, List<String> keys, List<List<String>> configs)
      implements CellJob<Cell, Point> {
    Job(Plan p) {
      this(p.runYaml(), p.keys(), p.configs());
    }

    @Override
    public Point run(Cell c, int threads) throws IOException {
      return CellTraining.run(
          tmp -> {
            Path yaml = tmp.resolve("run.yaml");
            Files.writeString(yaml, runYaml);
            return plan(yaml, keys, configs.get(c.config() - 1), c.seed(), threads);
          },
          (plan, file, trained) -> {
            Evaluation.Summary e =
                Evaluation.ofFile(
                    file,
                    trained,
                    plan.config().scenarioConfig(),
                    plan.config().evalSeeds(),
                    threads);
            return new Point(c, e.successRate(), e.meanReturn(), e.meanProgress());
          });
    }
  }

  /** results.csv: config, seed, the swept keys' values, then what the policy did. */
  static CellTable<Cell, Point> table(Path csv, Plan p) {
    List<String> columns = new ArrayList<>(List.of("config", "seed"));
    columns.addAll(p.keys());
    columns.addAll(List.of("success_rate", "mean_return", "mean_progress"));
    int k = p.keys().size();
    return new CellTable<>(
        csv,
        "this sweep's results",
        "run:\n" + p.runYaml() + "\nkeys: " + p.keys() + "\nconfigs: " + p.configs() + "\n",
        new CellTable.Codec<>() {
          @Override
          public List<String> columns() {
            return columns;
          }

          @Override
          public List<String> row(Point pt) {
            List<String> r = new ArrayList<>();
            r.add(Integer.toString(pt.cell().config()));
            r.add(Long.toString(pt.cell().seed()));
            r.addAll(p.configs().get(pt.cell().config() - 1));
            r.add(String.format(Locale.ROOT, "%.4f", pt.successRate()));
            r.add(String.format(Locale.ROOT, "%.4f", pt.meanReturn()));
            r.add(String.format(Locale.ROOT, "%.4f", pt.meanProgress()));
            return r;
          }

          @Override
          public Point parse(String[] f) {
            int config = Integer.parseInt(f[0]);
            if (config < 1 || config > p.configs().size()) {
              throw new IllegalArgumentException("no config " + config + " in this sweep");
            }
            for (int i = 0; i < k; i++) {
              if (!f[2 + i].equals(p.configs().get(config - 1).get(i))) {
                throw new IllegalArgumentException(
                    "config " + config + " had " + p.keys().get(i) + "=" + f[2 + i]);
              }
            }
            return new Point(
                new Cell(config, Long.parseLong(f[1])),
                Double.parseDouble(f[2 + k]),
                Double.parseDouble(f[3 + k]),
                Double.parseDouble(f[4 + k]));
          }

          @Override
          public Cell key(Point pt) {
            return pt.cell();
          }

          @Override
          public String describe(Point pt) {
            return String.format(
                Locale.ROOT,
                "config %d (%s), seed %d: success %.0f%%, return %.1f",
                pt.cell().config(),
                SweepReport.label(p, pt.cell().config()),
                pt.cell().seed(),
                100 * pt.successRate(),
                pt.meanReturn());
          }
        });
  }
}
