package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers that do not fit: refused in one line with exit code 2, before any run folder. */
class HostileNumbersTest extends CliTest {
  private void refused(Path out, String says, String... args) throws Exception {
    long t0 = System.nanoTime();
    assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(err.toString()).contains("ugoki: error:").contains(says).doesNotContain("\tat ");
    assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    if (Files.exists(out)) {
      try (var files = Files.list(out)) {
        assertThat(files).as("run folders").isEmpty();
      }
    }
    err.getBuffer().setLength(0);
  }

  @Test
  void budgetsThatDoNotFitAreRefused(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("runs");
    Path yaml = tmp.resolve("a.yaml");
    Files.writeString(yaml, "steps: 1e400\n");
    refused(
        out, "must be an integer", "train", "--out", out.toString(), "--config", yaml.toString());
    Files.writeString(yaml, "steps: 99999999999999999999999\n");
    refused(
        out, "must be an integer", "train", "--out", out.toString(), "--config", yaml.toString());
    refused(
        out,
        "at most 10,000,000,000 steps",
        "train",
        "--out",
        out.toString(),
        "--steps",
        "99999999999999");
    refused(
        out,
        "at most 2,000,000 steps",
        "train",
        "--out",
        out.toString(),
        "--algo",
        "bc",
        "--steps",
        "9999999999999");
    refused(
        out,
        "more than 2,147,483,647 updates",
        "train",
        "--out",
        out.toString(),
        "--steps",
        "9000000000",
        "--set",
        "ppo.num_envs=1",
        "--set",
        "ppo.num_steps=1",
        "--set",
        "ppo.num_minibatches=1");
    refused(
        out,
        "--checkpoint-every must be a positive",
        "train",
        "--out",
        out.toString(),
        "--checkpoint-every",
        "-1");
  }

  @Test
  void aDamagedDemonstrationFileOrAKeyGivenTwiceIsRefusedBeforeAnyFolder(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("runs");
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"bad\": 1}\n");
    refused(
        out,
        "bad.jsonl",
        "train",
        "--out",
        out.toString(),
        "--algo",
        "bc",
        "--demos",
        bad.toString());
    Path yaml = tmp.resolve("twice.yaml");
    Files.writeString(yaml, "steps: 1\nsteps: 4096\n");
    refused(
        out,
        "Duplicate field 'steps'",
        "train",
        "--out",
        out.toString(),
        "--config",
        yaml.toString());
    refused(
        out, "only --steps may change", "train", "--resume", tmp.toString(), "--eval-seeds", "3-4");
  }

  @Test
  void seedRangesAreBoundedAndTheLastLongSeedEnds() throws Exception {
    refused(
        Path.of("none"),
        "holds more than 100000 seeds",
        "eval",
        "--expert",
        "--seeds",
        "1-1000000");
    // the loop used to compare seed <= Long.MAX_VALUE, which is always true
    assertThat(
            run(
                "eval",
                "--expert",
                "--seeds",
                "9223372036854775806-9223372036854775807",
                "--set",
                "max_steps=50"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("race");
  }
}
