package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study commands refuse bad input in one line, exit 2, before anything is written. */
class StudyCommandsTest extends CliTest {
  @TempDir Path tmp;

  @Test
  void aFineTuneLearningRateOutOfRangeIsRefused() {
    assertThat(run("transfer", "--foundation", "missing.zip", "--fine-tune-lr", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--fine-tune-lr must be in (0, 0.1], got 5.0");
  }

  @Test
  void aScalingBaseOfOtherThanThreeNumbersOrAMissingConfigIsRefused() throws Exception {
    Path out = tmp.resolve("study");
    assertThat(run("scaling", "--config", "nowhere.yaml", "--out", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no run config at nowhere.yaml");
    Path cfg = tmp.resolve("c.yaml");
    Files.writeString(cfg, "scenario: race\nalgo: bc\n");
    assertThat(run("scaling", "--config", cfg.toString(), "--base", "1,2", "--out", out.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--base takes three numbers");
    // a run without a body family
    assertThat(run("scaling", "--config", cfg.toString(), "--out", out.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("body.holdout");
    assertThat(out).doesNotExist();
  }

  @Test
  void anAdapterNeedsAPolicyToldItsBody() throws Exception {
    assertThat(run("adapt", "--policy", "missing.zip", "--out", tmp.resolve("a.zip").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing.zip does not exist");
    assertThat(run("adapt", "--policy", "x.zip", "--history", "0", "--out", "a.zip")).isEqualTo(2);
    assertThat(err.toString()).contains("--history must be 1 to 64");
    assertThat(run("adapt", "--policy", "x.zip", "--memory", "300", "--out", "a.zip")).isEqualTo(2);
    assertThat(err.toString()).contains("memory reaches 0 to 256 steps back");
    assertThat(
            run(
                "adapt",
                "--policy",
                "x.zip",
                "--memory",
                "64",
                "--memory-stride",
                "0",
                "--out",
                "a.zip"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("got 64 at 0");
  }
}
