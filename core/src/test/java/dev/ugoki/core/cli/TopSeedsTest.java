package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds at the top of their range, where a sum wraps (issue 26, probe 13): every seed runs once,
 * and the counts and ranges printed are the ones asked for.
 */
class TopSeedsTest extends CliTest {
  private static final long MAX = Long.MAX_VALUE;
  @TempDir Path dir;

  @Test
  void demosRecordsTheTwoTopSeeds() throws Exception {
    Path f = dir.resolve("top.jsonl");
    String range = (MAX - 1) + "-" + MAX;
    assertThat(run("demos", "--scenario", "reach", "--seeds", range, "--out", f.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("seeds " + range + ":").contains("of 2 episodes");
    assertThat(out.toString()).doesNotContain("wrote 0 steps");
    assertThat(Files.readAllLines(f).stream().skip(1))
        .allMatch(l -> l.contains("\"seed\":" + (MAX - 1)) || l.contains("\"seed\":" + MAX));
  }

  @Test
  void evalInBlocksCountsEachTopSeedOnce() {
    String range = (MAX - 7) + "-" + MAX;
    assertThat(
            run(
                "eval",
                "--expert",
                "--scenario",
                "reach",
                "--seeds",
                range,
                "--master",
                "sequential",
                "--block",
                "5"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).containsPattern("reach +expert +8 ");
  }
}
