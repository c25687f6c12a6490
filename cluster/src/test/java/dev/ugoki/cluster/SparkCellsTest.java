package dev.ugoki.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedBlocks;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.study.ScalingStudy;
import dev.ugoki.core.study.Sweep;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where and in which order cells run cannot change a number: a small scaling study gives the same
 * bytes sequentially, on {@code local[1]}, on {@code local[2]} with its cells shuffled, and when
 * every task fails its first attempt and is retried.
 */
class SparkCellsTest {
  @TempDir Path tmp;

  static final String FAMILY =
      "scenario: race\nalgo: bc\nseed: 1\nsteps: 1000\nscenario_config:\n"
          + "  body.max_speed: 0.5\n  dr.friction: 0.3\n  body.edge: 0.2\n  body.holdout: 4\n"
          + "algo_config:\n  epochs: 2\n";

  /** A small scaling study: 8 cells of a few seconds. */
  static ScalingStudy.Settings settings(Path config, Path dir) {
    return ScalingStudy.around(config, 1, 8, 400, List.of(1L, 2L), new SeedRange(1001, 1002), dir);
  }

  /** results.csv and summary.json of a study run by {@code runner} in a folder of its own. */
  private List<byte[]> study(CellRunner runner, String name) throws Exception {
    Path config = tmp.resolve("family.yaml");
    Files.writeString(config, FAMILY);
    Path dir = tmp.resolve(name);
    try (runner) {
      new ScalingStudy(settings(config, dir), runner, new PrintWriter(new StringWriter())).run();
    }
    return List.of(
        Files.readAllBytes(dir.resolve("results.csv")),
        Files.readAllBytes(dir.resolve("summary.json")));
  }

  private static SparkCells spark(String master, String key, String value) {
    SparkConf conf = SparkCells.conf(master, "SparkCellsTest");
    if (key != null) {
      conf.set(key, value);
    }
    return new SparkCells(conf);
  }

  @Test
  void aStudyGivesTheSameBytesOnEveryMasterInAnyOrderAndThroughRetries() throws Exception {
    List<byte[]> reference = study(new Sequential(), "sequential");
    assertThat(new String(reference.get(0))).contains("1,8,400,1,").contains("1,8,800,2,");
    assertThat(study(spark("local[1]", null, null), "local1")).containsExactlyElementsOf(reference);
    assertThat(study(spark("local[2]", SparkCells.SHUFFLE_SEED, "7"), "shuffled"))
        .containsExactlyElementsOf(reference);
    assertThat(study(spark("local[2]", SparkCells.FAIL_FIRST_ATTEMPT, "true"), "retried"))
        .containsExactlyElementsOf(reference);

    // the driver killed after three cells, then the study run again on the same folder
    SparkCells first = spark("local[2]", SparkCells.SHUFFLE_SEED, "11");
    CellRunner killedAfterThree =
        new CellRunner() {
          @Override
          public <K extends java.io.Serializable, R extends java.io.Serializable> void run(
              List<K> keys, CellJob<K, R> job, java.util.function.BiConsumer<K, R> done) {
            int[] n = {0};
            first.run(
                keys,
                job,
                (k, r) -> {
                  if (n[0]++ == 3) {
                    throw new IllegalStateException("killed");
                  }
                  done.accept(k, r);
                });
          }

          @Override
          public String describe() {
            return first.describe();
          }

          @Override
          public void close() {
            first.close();
          }
        };
    assertThatThrownBy(() -> study(killedAfterThree, "killed")).hasMessageContaining("killed");
    assertThat(Files.readAllLines(tmp.resolve("killed").resolve("results.csv"))).hasSize(4);
    assertThat(study(spark("local[2]", null, null), "killed")).containsExactlyElementsOf(reference);
  }

  /** A small random sweep's files (results.csv, summary.json, best.yaml) run by {@code runner}. */
  static List<byte[]> sweep(CellRunner runner, Path tmp, String name) throws Exception {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(
        file,
        "scenario: race\nalgo: bc\nsteps: 400\neval_seeds: 1001-1002\n"
            + "algo_config:\n  epochs: 2\n  num_envs: 2\n"
            + "sweep:\n  method: random\n  samples: 3\n  seed: 4\n  seeds: 1-2\n"
            + "  parameters:\n    bc.learning_rate: {min: 0.0003, max: 0.003, log: true}\n"
            + "    bc.hidden: [8, 16]\n");
    Path dir = tmp.resolve(name);
    try (runner) {
      Sweep.run(Sweep.read(file), dir, runner, new PrintWriter(new StringWriter()));
    }
    return List.of(
        Files.readAllBytes(dir.resolve("results.csv")),
        Files.readAllBytes(dir.resolve("summary.json")),
        Files.readAllBytes(dir.resolve("best.yaml")));
  }

  @Test
  void aSweepGivesTheSameBytesSequentiallyOnOneTaskAndShuffledOnTwo() throws Exception {
    List<byte[]> reference = sweep(new Sequential(), tmp, "sweep-sequential");
    assertThat(new String(reference.get(0)).lines()).hasSize(7);
    assertThat(sweep(spark("local[1]", null, null), tmp, "sweep-local1"))
        .containsExactlyElementsOf(reference);
    assertThat(sweep(spark("local[2]", SparkCells.SHUFFLE_SEED, "5"), tmp, "sweep-shuffled"))
        .containsExactlyElementsOf(reference);
  }

  @Test
  void anEvaluationInShuffledBlocksEqualsTheOneInThisProcess() throws Exception {
    Config race = Scenarios.config("race", Map.of());
    Env env = Scenarios.make(race);
    Expert expert = env.expert();
    Evaluation.Summary here = Evaluation.run(env, obs -> expert.act(), 1, 12);
    try (SparkCells runner = spark("local[2]", SparkCells.SHUFFLE_SEED, "2")) {
      Evaluation.Summary blocks =
          SeedBlocks.run(
              null, race, new SeedRange(1, 12), 5, runner, new PrintWriter(new StringWriter()));
      assertThat(blocks.episodes()).isEqualTo(here.episodes());
    }
  }

  /** A trivial job: the square of its key; a negative key fails every attempt. */
  private static final class Square implements CellJob<Integer, Long> {
    @Override
    public Long run(Integer key, int threads) {
      if (key < 0) {
        throw new IllegalArgumentException("no square of a negative " + key);
      }
      return (long) key * key;
    }
  }

  @Test
  void resultsArriveForEveryKeyAndACellThatAlwaysFailsIsNamed() {
    try (SparkCells runner = spark("local[2]", SparkCells.SHUFFLE_SEED, "3")) {
      Map<Integer, Long> got = new TreeMap<>();
      List<Integer> keys = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        keys.add(i);
      }
      runner.run(keys, new Square(), got::put);
      assertThat(got).hasSize(20).containsEntry(7, 49L).containsEntry(19, 361L);
      assertThat(runner.describe()).contains("local[2,4]").contains("2 task slots");

      assertThatThrownBy(() -> runner.run(List.of(1, -2), new Square(), (k, v) -> {}))
          .isInstanceOf(CellRunner.CellFailure.class)
          .hasMessageContaining("cell -2 failed")
          .hasMessageContaining("no square of a negative -2");
    }
  }

  @Test
  void aMasterSparkDoesNotRunIsRefusedInOneLine() {
    assertThat(new SparkCellsProvider().accepts("local[*]")).isTrue();
    assertThat(new SparkCellsProvider().accepts("spark://127.0.0.1:7077")).isTrue();
    assertThat(new SparkCellsProvider().accepts("mesos://x")).isFalse();
    assertThatThrownBy(() -> CellRunner.forMaster("mesos://x", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--master mesos://x is no master; a master is local[*]");
  }

  /**
   * Every local form Master accepts gets the local settings (retries, the loopback): the master is
   * read in one place, {@code Master}, not again by a pattern of the cluster's own (which took
   * {@code local} alone for a remote master).
   */
  @Test
  void everyLocalMasterGetsRetriesAndTheLoopback() {
    for (String[] m :
        new String[][] {
          {"local", "local[1,"}, {"local[3]", "local[3,"}, {"local[*]", "local[*,"}
        }) {
      SparkConf c = SparkCells.conf(m[0], "t");
      assertThat(c.get("spark.master")).as(m[0]).startsWith(m[1]);
      assertThat(c.get("spark.driver.bindAddress")).as(m[0]).isEqualTo("127.0.0.1");
    }
    assertThat(SparkCells.conf("spark://127.0.0.1:7077", "t").get("spark.master"))
        .isEqualTo("spark://127.0.0.1:7077");
  }
}
