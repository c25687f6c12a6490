package dev.ugoki.core.bench;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.study.ScalingStudy;
import dev.ugoki.sim.bench.SimBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time of one small study (a scaling study of 8 cells: behavior cloning on the car family, each
 * policy evaluated on 20 episodes) on each of several masters, the masters taking turns in every
 * sample so that a noisy neighbour slows them alike; the median of the samples per master. Each
 * run's results.csv must equal the first master's, or the bench fails.
 */
public final class CellsBench {
  static final String FAMILY =
      "scenario: race\nalgo: bc\nseed: 1\nsteps: 4000\nscenario_config:\n"
          + "  body.max_speed: 0.5\n  dr.friction: 0.3\n  body.edge: 0.2\n  body.holdout: 4\n"
          + "  body.observe: true\n"
          + "algo_config:\n  epochs: 10\n";

  private CellsBench() {}

  /** The study: 8 cells of 32k-64k labeled steps, each evaluated on 2 x 20 episodes. */
  private static ScalingStudy.Settings settings(Path config, Path dir) {
    return settings(config, dir, 32_000, 1020);
  }

  /** A study of the same shape a few times smaller: the warm-up (the JIT, Spark's start). */
  private static ScalingStudy.Settings warmUp(Path config, Path dir) {
    return settings(config, dir, 1_000, 1002);
  }

  private static ScalingStudy.Settings settings(Path config, Path dir, long steps, long lastSeed) {
    return ScalingStudy.around(
        config, 1, 64, steps, List.of(1L, 2L), new SeedRange(1001, lastSeed), dir);
  }

  /** Seconds per study on each master, the median of {@code samples}. */
  public static List<SimBench.Result> study(List<String> masters, int samples) throws IOException {
    Path tmp = dev.ugoki.core.io.TempFolders.create("cells-bench");
    try {
      Path config = tmp.resolve("family.yaml");
      Files.writeString(config, FAMILY);
      int cells = ScalingStudy.cells(settings(config, tmp)).size();
      double[][] seconds = new double[masters.size()][samples];
      for (String master : masters) {
        try (CellRunner runner = CellRunner.forMaster(master, "ugoki bench warm-up")) {
          new ScalingStudy(
                  warmUp(config, tmp.resolve("warm-up-" + masters.indexOf(master))),
                  runner,
                  new PrintWriter(new StringWriter()))
              .run();
        }
      }
      byte[] reference = null;
      for (int s = 0; s < samples; s++) {
        for (int m = 0; m < masters.size(); m++) {
          Path dir = tmp.resolve("run-" + s + "-" + m);
          long t0 = System.nanoTime();
          try (CellRunner runner = CellRunner.forMaster(masters.get(m), "ugoki bench")) {
            new ScalingStudy(settings(config, dir), runner, new PrintWriter(new StringWriter()))
                .run();
          }
          seconds[m][s] = (System.nanoTime() - t0) / 1e9;
          byte[] csv = Files.readAllBytes(dir.resolve("results.csv"));
          if (reference == null) {
            reference = csv;
          } else if (!Arrays.equals(reference, csv)) {
            throw new IllegalStateException(
                "the study on " + masters.get(m) + " gave other results than on " + masters.get(0));
          }
        }
      }
      List<SimBench.Result> out = new ArrayList<>();
      for (int m = 0; m < masters.size(); m++) {
        double[] sorted = seconds[m].clone();
        Arrays.sort(sorted);
        out.add(
            new SimBench.Result(
                "scaling study, " + cells + " cells, " + masters.get(m),
                LearnerBench.SECONDS,
                Runtime.getRuntime().availableProcessors(),
                cells,
                sorted[sorted.length / 2],
                seconds[m]));
      }
      return out;
    } finally {
      dev.ugoki.core.io.TempFolders.remove(tmp);
    }
  }
}
