package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.train.RunConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path tmp;

  private static final String RUN =
      "scenario: race\nalgo: bc\nsteps: 400\neval_seeds: 1001-1002\n"
          + "algo_config:\n  epochs: 2\n  num_envs: 2\n";

  private Path file(String sweep) throws Exception {
    Path f = tmp.resolve("sweep.yaml");
    Files.writeString(f, RUN + "sweep:\n" + sweep);
    return f;
  }

  @Test
  void aGridHoldsEveryCombinationInTheFilesOrder() throws Exception {
    Sweep.Plan p =
        Sweep.read(
            file(
                "  seeds: 1-2\n  parameters:\n    bc.learning_rate: [0.0001, 0.003]\n"
                    + "    bc.hidden: [8, 16]\n"));
    assertThat(p.keys()).containsExactly("bc.learning_rate", "bc.hidden");
    assertThat(p.configs())
        .containsExactly(
            List.of("0.0001", "8"),
            List.of("0.0001", "16"),
            List.of("0.003", "8"),
            List.of("0.003", "16"));
    assertThat(p.seeds()).containsExactly(1L, 2L);
    assertThat(Sweep.cells(p)).hasSize(8).startsWith(new Sweep.Cell(1, 1), new Sweep.Cell(1, 2));
  }

  @Test
  void aRandomSearchFollowsItsSeedAndStaysInItsRanges() throws Exception {
    String sweep =
        "  method: random\n  samples: 20\n  seed: 5\n  parameters:\n"
            + "    bc.learning_rate: {min: 0.0001, max: 0.01, log: true}\n"
            + "    bc.epochs: {min: 1, max: 3}\n    bc.hidden: [8, 16]\n";
    Sweep.Plan a = Sweep.read(file(sweep));
    Sweep.Plan b = Sweep.read(file(sweep));
    assertThat(a.configs()).hasSize(20).isEqualTo(b.configs());
    for (List<String> c : a.configs()) {
      assertThat(Double.parseDouble(c.get(0))).isBetween(0.0001, 0.01);
      assertThat(c.get(1)).isIn("1", "2", "3");
      assertThat(c.get(2)).isIn("8", "16");
    }
    assertThat(a.configs().stream().map(c -> c.get(1)).distinct()).hasSize(3);
    assertThat(Sweep.read(file(sweep.replace("seed: 5", "seed: 6"))).configs())
        .isNotEqualTo(a.configs());
    // log-uniform: about as many draws below the range's geometric middle (0.001) as above
    SplittableRandom r = new SplittableRandom(1);
    int below = 0;
    for (int i = 0; i < 1000; i++) {
      java.util.Map<String, Object> range =
          java.util.Map.of("min", 0.0001, "max", 0.01, "log", true);
      below += Double.parseDouble(Sweep.draw("k", range, r)) < 0.001 ? 1 : 0;
    }
    assertThat(below).isBetween(430, 570);
  }

  @Test
  void badSweepsAreRefusedInOneLineBeforeAnythingRuns() throws Exception {
    assertThatThrownBy(() -> Sweep.read(file("  parameters:\n    bc.learnin_rate: [0.1]\n")))
        .hasMessageContaining("learnin_rate");
    assertThatThrownBy(() -> Sweep.read(file("  parameters:\n    bc.hidden: {min: 8, max: 16}\n")))
        .hasMessageContaining("a grid sweeps lists of values");
    assertThatThrownBy(
            () -> Sweep.read(file("  method: bayes\n  parameters:\n    bc.hidden: [8]\n")))
        .hasMessageContaining("grid or random, not bayes");
    assertThatThrownBy(() -> Sweep.read(file("  parameters: {}\n")))
        .hasMessageContaining("names no key");
    assertThatThrownBy(
            () -> Sweep.read(file("  seeds: 1-1000\n  parameters:\n    bc.hidden: [8]\n")))
        .hasMessageContaining("more than 100");
    assertThatThrownBy(
            () ->
                Sweep.read(
                    file(
                        "  parameters:\n    bc.hidden: [8, 16, 32, 64, 128, 256, 512, 1024, 2048,"
                            + " 4096]\n    bc.epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                            + "    bc.minibatch: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                            + "    bc.iterations: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n")))
        .hasMessageContaining("more than 10000 configs");
    Files.writeString(tmp.resolve("none.yaml"), RUN);
    assertThatThrownBy(() -> Sweep.read(tmp.resolve("none.yaml")))
        .hasMessageContaining("has no sweep section");
  }

  @Test
  void aSweepRanksItsConfigsAndWritesTheBestAsARunConfig() throws Exception {
    Sweep.Plan p = Sweep.read(file("  seeds: 1-1\n  parameters:\n    bc.hidden: [8, 16]\n"));
    Path dir = tmp.resolve("out");
    List<Sweep.Point> points =
        Sweep.run(p, dir, new Sequential(), new PrintWriter(new StringWriter()));
    assertThat(points).hasSize(2);
    assertThat(Files.readAllLines(dir.resolve("results.csv")))
        .hasSize(3)
        .first()
        .isEqualTo("config,seed,bc.hidden,success_rate,mean_return,mean_progress");
    String summary = Files.readString(dir.resolve("summary.json"));
    assertThat(summary).contains("\"best_config\"").contains("\"bc.hidden\" : \"8\"");
    RunConfig best = RunConfig.read(dir.resolve("best.yaml"));
    double[][] means = SweepReport.means(p, points);
    int winner = SweepReport.ranking(means).get(0);
    assertThat(best.algoConfig().integer("hidden")).isEqualTo(winner == 1 ? 8 : 16);
    assertThat(dir.resolve("sweep.png")).isNotEmptyFile();

    // run again: nothing to do, the same bytes
    byte[] csv = Files.readAllBytes(dir.resolve("results.csv"));
    StringWriter log = new StringWriter();
    Sweep.run(p, dir, new Sequential(), new PrintWriter(log));
    assertThat(log.toString()).contains("2 cells, 2 already in");
    assertThat(Files.readAllBytes(dir.resolve("results.csv"))).isEqualTo(csv);
  }

  @Test
  void theRankingPrefersSuccessThenReturnThenTheFirstConfig() {
    double[][] means = {{0.5, 10}, {0.9, 1}, {0.9, 5}, {0.9, 5}, {(0.95 + 0.85) / 2, 7}};
    assertThat(means[4][0]).isNotEqualTo(0.9); // 0.8999999999999999
    assertThat(SweepReport.ranking(means)).containsExactly(5, 3, 4, 2, 1);
  }
}
