package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PPO fine-tune held near the policy it starts from ({@code ppo.anchor_coef}) through the real
 * command line: it logs its pull, goes on with --resume from the same starting policy, and is
 * refused without one.
 */
class AnchoredFineTuneTest extends CliTest {
  private static final List<String> TINY =
      List.of(
          "--set",
          "ppo.num_envs=4",
          "--set",
          "ppo.num_steps=128",
          "--set",
          "ppo.update_epochs=2",
          "--set",
          "max_steps=200",
          "--eval-seeds",
          "1-2",
          "--target-success",
          "0");

  private int train(String... args) {
    return run(Stream.concat(Stream.of(args), TINY.stream()).toArray(String[]::new));
  }

  private static Path onlyRun(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /** The {@code column} of every row of a run's metrics.csv. */
  private static List<Double> column(Path dir, String column) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
    int c = List.of(lines.get(0).split(",")).indexOf(column);
    assertThat(c).as("metrics.csv has %s", column).isNotNegative();
    return lines.stream().skip(1).map(l -> Double.parseDouble(l.split(",")[c])).toList();
  }

  @Test
  void anAnchoredFineTuneLogsItsPullAndResumesFromTheSamePolicy(@TempDir Path tmp)
      throws Exception {
    assertThat(
            train(
                "train",
                "--steps",
                "1024",
                "--set",
                "ppo.hidden=16",
                "--out",
                "" + tmp.resolve("start")))
        .as(err.toString())
        .isZero();
    Path start = tmp.resolve("start.zip");
    Files.copy(onlyRun(tmp.resolve("start")).resolve("policy.zip"), start);

    Path runs = tmp.resolve("tuned");
    assertThat(
            train(
                "train",
                "--from",
                start.toString(),
                "--steps",
                "1024",
                "--set",
                "ppo.anchor_coef=5",
                "--set",
                "ppo.learning_rate=3e-3",
                "--out",
                runs.toString()))
        .as(err.toString())
        .isZero();
    Path dir = onlyRun(runs);
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("anchor_coef: 5.0");
    List<Double> pull = column(dir, "anchor");
    // the first update starts on the anchor's own weights; after it, the policy has moved away
    assertThat(pull).hasSize(2).allMatch(Double::isFinite);
    assertThat(pull.get(1)).isPositive();

    assertThat(run("train", "--resume", dir.toString(), "--steps", "2048"))
        .as(err.toString())
        .isZero();
    assertThat(column(dir, "anchor")).hasSize(4).startsWith(pull.get(0), pull.get(1));
    assertThat(PolicyFile.load(dir.resolve("policy.zip")).meta().steps()).isEqualTo(2048);

    // the pull is toward the starting policy, read again on a resume: without it, no resume
    Files.delete(start);
    assertThat(run("train", "--resume", dir.toString(), "--steps", "3072")).isEqualTo(2);
    assertThat(err.toString()).contains("start.zip").doesNotContain("\n\n");
    assertThat(PolicyFile.load(dir.resolve("policy.zip")).meta().steps()).isEqualTo(2048);
  }

  @Test
  void anAnchorWithoutAStartingPolicyIsRefusedBeforeAnyRunFolder(@TempDir Path tmp) {
    Path runs = tmp.resolve("runs");
    assertThat(train("train", "--steps", "1024", "--set", "ppo.anchor_coef=1", "--out", "" + runs))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("ppo.anchor_coef")
        .contains("--from")
        .satisfies(e -> assertThat(e.strip().lines().count()).isEqualTo(1));
    assertThat(runs).doesNotExist();
  }
}
