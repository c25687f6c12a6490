package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line on a tiny budget: train, then eval and render its output; bad input. */
class TrainCommandTest extends CliTest {
  private static final String[] TINY = {
    "--steps",
    "1024",
    "--set",
    "ppo.num_envs=4",
    "--set",
    "ppo.num_steps=128",
    "--set",
    "ppo.update_epochs=2",
    "--set",
    "ppo.hidden=16",
    "--eval-seeds",
    "1-2",
    "--set",
    "max_steps=200"
  };

  private Path onlyRun(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void trainWritesARunFolderThenEvalAndRenderUseItsPolicy(@TempDir Path tmp) throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args =
        Stream.concat(Stream.of("train", "--out", runs.toString()), Stream.of(TINY))
            .toArray(String[]::new);
    assertThat(run(args)).as(err.toString()).isZero();
    Path dir = onlyRun(runs);
    assertThat(dir.getFileName().toString()).startsWith("race-ppo-1-");
    for (String f :
        new String[] {
          "config.yaml",
          "metrics.csv",
          "policy.zip",
          "eval.json",
          "learning_curve.png",
          "losses.png",
          "checkpoints/latest.zip"
        }) {
      assertThat(dir.resolve(f)).as(f).isRegularFile();
    }
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(3); // header + 2 updates
    assertThat(Files.readString(dir.resolve("config.yaml")))
        .contains("num_envs: 4")
        .contains("checkpoint_every: 30.0"); // kept, so that a resume keeps the schedule
    assertThat(out.toString()).contains("evaluation on seeds 1-2").contains("race");

    Path policy = dir.resolve("policy.zip");
    assertThat(run("eval", "--policy", policy.toString(), "--seeds", "3-4")).isZero();
    assertThat(out.toString()).contains("policy").contains("success");
    Path gif = tmp.resolve("episode.gif");
    assertThat(
            run(
                "render",
                "--policy",
                policy.toString(),
                "--seed",
                "5",
                "--max-steps",
                "40",
                "--out",
                gif.toString()))
        .as(err.toString())
        .isZero();
    assertThat(gif).isRegularFile();

    // resume continues the same run to a larger budget and appends to its metrics
    assertThat(run("train", "--resume", dir.toString(), "--steps", "2048"))
        .as(err.toString())
        .isZero();
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(5);
    assertThat(run("train", "--resume", dir.toString(), "--checkpoint-every", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("only --steps may change");
    // a budget the run already covers is refused, not silently skipped
    assertThat(run("train", "--resume", dir.toString(), "--steps", "1024")).isEqualTo(2);
    assertThat(err.toString()).contains("trained 2048 steps already");
  }

  /**
   * Same seed, same thread count: the same weights, spread, statistics and metrics, bit for bit,
   * and the same bytes in policy.zip, every checkpoint, config.yaml and eval.json.
   */
  @Test
  void aTrainingRunIsDeterministicBitForBit(@TempDir Path tmp) throws Exception {
    List<PolicyFile.Loaded> policies = new ArrayList<>();
    List<List<String>> metrics = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (String name : new String[] {"a", "b"}) {
      Path runs = tmp.resolve(name);
      String[] args =
          Stream.concat(
                  Stream.of("train", "--out", runs.toString(), "--seed", "7"), Stream.of(TINY))
              .toArray(String[]::new);
      assertThat(run(args)).as(err.toString()).isZero();
      Path dir = onlyRun(runs);
      dirs.add(dir);
      policies.add(PolicyFile.load(dir.resolve("policy.zip")));
      metrics.add(withoutTimings(dir.resolve("metrics.csv")));
    }
    GaussianPolicy a = policies.get(0).policy();
    GaussianPolicy b = policies.get(1).policy();
    assertThat(b.network().params()).containsExactly(a.network().params());
    assertThat(b.logStd()).containsExactly(a.logStd());
    assertThat(b.norm().mean()).containsExactly(a.norm().mean());
    assertThat(b.norm().var()).containsExactly(a.norm().var());
    assertThat(metrics.get(1)).isEqualTo(metrics.get(0));
    for (String f :
        new String[] {"policy.zip", "checkpoints/latest.zip", "config.yaml", "eval.json"}) {
      assertThat(Files.readAllBytes(dirs.get(1).resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dirs.get(0).resolve(f)));
    }
  }

  /**
   * policy.json's keys are sorted at every level: its bytes cannot depend on a map's iteration
   * order, which changes from one JVM run to the next.
   */
  @Test
  void policyJsonIsCanonical(@TempDir Path tmp) throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args =
        Stream.concat(Stream.of("train", "--out", runs.toString()), Stream.of(TINY))
            .toArray(String[]::new);
    assertThat(run(args)).as(err.toString()).isZero();
    byte[] json;
    try (var zip = new java.util.zip.ZipFile(onlyRun(runs).resolve("policy.zip").toFile())) {
      json = zip.getInputStream(zip.getEntry("policy.json")).readAllBytes();
      zip.stream()
          .forEach(
              e ->
                  assertThat(e.getTimeLocal())
                      .isEqualTo(java.time.LocalDateTime.of(2000, 1, 1, 0, 0)));
    }
    assertSorted(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
  }

  private static void assertSorted(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).isSorted();
      node.elements().forEachRemaining(TrainCommandTest::assertSorted);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(TrainCommandTest::assertSorted);
    }
  }

  /** The metrics without the columns that measure time. */
  private static List<String> withoutTimings(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        String col = header.get(i);
        if (!col.equals("time_s") && !col.contains("sps") && !col.contains("per_s")) {
          kept.append(cells[i]).append(',');
        }
      }
      out.add(kept.toString());
    }
    return out;
  }

  /** Without a target it trains the whole budget, and metrics.csv has the validation column. */
  @Test
  void withoutATargetTheRunTrainsItsWholeBudget(@TempDir Path tmp) throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args =
        Stream.concat(
                Stream.of("train", "--out", runs.toString(), "--target-success", "0"),
                Stream.of(TINY))
            .toArray(String[]::new);
    assertThat(run(args)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("trained 1024 steps");
    assertThat(Files.readAllLines(onlyRun(runs).resolve("metrics.csv")).get(0))
        .contains("val_success");
  }

  @Test
  void aTargetOutOfRangeOrForImitationIsRefused(@TempDir Path tmp) {
    assertThat(run("train", "--out", tmp.toString(), "--target-success", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("target_success");
    assertThat(run("train", "--out", tmp.toString(), "--algo", "bc", "--target-success", "0.9"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--target-success stops PPO runs early");
    assertThat(tmp.toFile().list()).isEmpty();
  }

  @Test
  void evaluationSeedsMayNotOverlapTheValidationSeeds(@TempDir Path tmp) {
    assertThat(run("train", "--out", tmp.toString(), "--eval-seeds", "1000000-1000010"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("overlap the validation seeds 1000001-1000100");
    assertThat(tmp.toFile().list()).isEmpty();
  }

  @Test
  void badInputIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
    assertThat(run("train", "--steps", "-5", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("ugoki: error:")
        .contains("--steps must be positive")
        .doesNotContain("\tat ");
    assertThat(run("train", "--set", "ppo.learnin_rate=1", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("ppo has no config key 'learnin_rate'");
    assertThat(run("train", "--set", "lidar.rayz=3", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("race has no config key 'lidar.rayz'");
    Path corrupt = tmp.resolve("corrupt.zip");
    Files.writeString(corrupt, "PK garbage");
    assertThat(run("eval", "--policy", corrupt.toString(), "--seeds", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("corrupt.zip").contains("unusable");
    assertThat(run("train", "--resume", tmp.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
    assertThat(run("eval", "--policy", "--seeds")).isEqualTo(2);
  }

  @Test
  void aPolicyForAnotherScenarioIsRefused(@TempDir Path tmp) throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args =
        Stream.concat(Stream.of("train", "--out", runs.toString()), Stream.of(TINY))
            .toArray(String[]::new);
    assertThat(run(args)).isZero();
    Path policy = onlyRun(runs).resolve("policy.zip");
    assertThat(run("eval", "--policy", policy.toString(), "--scenario", "navigate", "--seeds", "1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("trained on scenario 'race', not 'navigate'");
    assertThat(run("eval", "--policy", policy.toString(), "--set", "lidar.rays=16", "--seeds", "1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("does not fit").contains("lidar.16");
  }

  @Test
  void aNanDuringTrainingStopsTheRunAndRollsBackToTheLastGoodCheckpoint(@TempDir Path tmp)
      throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args =
        Stream.concat(
                Stream.of(
                    "train",
                    "--out",
                    runs.toString(),
                    "--steps",
                    "4096",
                    "--inject-nan-at-update",
                    "3"),
                Stream.of(TINY).skip(2))
            .toArray(String[]::new);
    assertThat(run(args)).isEqualTo(TrainCommand.NAN_STOPPED);
    assertThat(err.toString()).contains("NaN").contains("rolled back to the last good checkpoint");
    Path dir = onlyRun(runs);
    // the rolled-back policy is whole and usable
    assertThat(run("eval", "--policy", dir.resolve("policy.zip").toString(), "--seeds", "1"))
        .isZero();
  }

  @Test
  void behaviorCloningAndDaggerRunsWriteTheirPolicyAndBcItsDemonstrations(@TempDir Path tmp)
      throws Exception {
    for (String algo : new String[] {"bc", "dagger"}) {
      Path runs = tmp.resolve(algo);
      assertThat(
              run(
                  "train",
                  "--algo",
                  algo,
                  "--out",
                  runs.toString(),
                  "--steps",
                  "512",
                  "--set",
                  algo + ".num_envs=4",
                  "--set",
                  algo + ".epochs=2",
                  "--set",
                  algo + ".hidden=16",
                  "--set",
                  algo + ".iterations=1",
                  "--eval-seeds",
                  "1-1",
                  "--set",
                  "max_steps=100"))
          .as(err.toString())
          .isZero();
      Path dir = onlyRun(runs);
      assertThat(dir.resolve("policy.zip")).isRegularFile();
      assertThat(dir.resolve("learning_curve.png")).isRegularFile();
      if (algo.equals("bc")) {
        assertThat(Files.readAllLines(dir.resolve("demos.jsonl"))).hasSize(1 + 512);
        // and cloning again from that demonstration file works
        Path again = tmp.resolve("again");
        assertThat(
                run(
                    "train",
                    "--algo",
                    "bc",
                    "--demos",
                    dir.resolve("demos.jsonl").toString(),
                    "--out",
                    again.toString(),
                    "--set",
                    "bc.epochs=1",
                    "--set",
                    "bc.hidden=16",
                    "--eval-seeds",
                    "1-1",
                    "--set",
                    "max_steps=100"))
            .as(err.toString())
            .isZero();
        // the demonstrations it cloned are part of the run, in its config.yaml
        assertThat(Files.readString(onlyRun(again).resolve("config.yaml")))
            .contains("demos: \"" + dir.resolve("demos.jsonl").toAbsolutePath());
      }
    }
    assertThat(run("train", "--algo", "bc", "--resume", tmp.toString())).isEqualTo(2);
  }
}
