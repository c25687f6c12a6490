package dev.ugoki.core.cli;

import dev.ugoki.core.bench.LearnerBench;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.core.policy.PolicyNetwork;
import dev.ugoki.sim.bench.SimBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki bench}: the speed table. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure throughput: the simulation, the policy's forward pass (rows/s), PPO's "
            + "minibatch step (samples/s per epoch) and rollouts with the policy in the loop "
            + "(env steps/s); each the median of timed samples after a warm-up.")
public final class BenchCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The longest timed sample [s], and the most samples a figure takes. */
  static final int MAX_SECONDS = 600;

  static final int MAX_SAMPLES = 1000;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      description = "Length of each timed sample [s] (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--samples",
      defaultValue = "5",
      description = "Timed samples per figure; the median is reported (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(
      names = "--skip-training",
      description = "Skip the last row: the default training run to its target (15-30 s).")
  boolean skipTraining;

  @Option(
      names = "--cells",
      paramLabel = "MASTER,...",
      split = ",",
      description =
          "Only time one small study (8 cells) on each of these masters, taking turns, e.g."
              + " sequential,local[2]; the median of --samples whole studies each.")
  List<String> cells;

  @Override
  public Integer call() throws Exception {
    // checked before any work, for every kind of bench: a run of them must end
    if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
      throw new IllegalArgumentException(
          "--seconds must be more than 0 and at most " + MAX_SECONDS + ", got " + seconds);
    }
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "--samples must be 1 to " + MAX_SAMPLES + ", got " + samples);
    }
    if (json != null) {
      AtomicFiles.checkWritable(json); // before the bench, not after it
    }
    if (cells != null && !cells.isEmpty()) {
      return cellsOnly();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "cores: %d, java %s, SIMD: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        PolicyNetwork.simd());
    out.printf(
        "%-34s %7s %5s %14s  %-16s %9s%n",
        "benchmark", "threads", "batch", "median", "unit", "us/call");
    out.flush();
    List<SimBench.Result> results = new java.util.ArrayList<>();
    java.util.function.Consumer<SimBench.Result> show =
        r -> {
          results.add(r);
          // a call handles one batch: rows or environments
          String perCall =
              r.unit().equals(LearnerBench.ROWS)
                  ? String.format(java.util.Locale.ROOT, "%9.2f", r.batch() / r.median() * 1e6)
                  : "";
          String median =
              String.format(
                  java.util.Locale.ROOT,
                  r.unit().equals(LearnerBench.SECONDS) ? "%,14.1f" : "%,14.0f",
                  r.median());
          out.printf(
              java.util.Locale.ROOT,
              "%-34s %7d %5d %s  %-16s %s%n",
              r.name(),
              r.threads(),
              r.batch(),
              median,
              r.unit(),
              perCall);
          out.flush();
        };
    SimBench.run(seconds, samples).forEach(show);
    for (int batch : new int[] {1, 16, 64, 256}) {
      show.accept(LearnerBench.forward(batch, seconds, samples));
    }
    for (int minibatch : new int[] {64, 512, 1024}) {
      show.accept(LearnerBench.ppoStep(minibatch, seconds, samples));
    }
    show.accept(LearnerBench.rollout(16, 2, seconds, samples));
    show.accept(LearnerBench.rollout(64, 2, seconds, samples));
    if (!skipTraining) {
      show.accept(LearnerBench.defaultRunToTarget());
    }
    if (json != null) {
      CanonicalJson.write(json, results);
    }
    return 0;
  }

  private int cellsOnly() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "cores: %d, java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    out.flush();
    List<dev.ugoki.sim.bench.SimBench.Result> rows =
        dev.ugoki.core.bench.CellsBench.study(cells, samples);
    for (var r : rows) {
      out.printf(
          java.util.Locale.ROOT,
          "%-44s %8.1f s  (samples %s)  %.2fx the first%n",
          r.name(),
          r.median(),
          java.util.Arrays.toString(r.samples()),
          rows.get(0).median() / r.median());
    }
    out.println("the same results.csv on every master");
    if (json != null) {
      CanonicalJson.write(json, rows);
    }
    return 0;
  }
}
