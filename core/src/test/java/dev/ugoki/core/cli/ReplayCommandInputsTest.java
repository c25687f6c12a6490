package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code ./ugoki replay} is told from broken determinism (issue 26, probes 3 and 14):
 * a pipe in a replay folder is refused, never waited on; a replay of a scenario or key this build
 * does not know is refused, not "NOT reproduced"; the other files of a folder are still checked;
 * exit 2 for refused input, 1 only for a replay that does not reproduce.
 */
class ReplayCommandInputsTest extends CliTest {
  @TempDir Path dir;

  private Path recorded(long seed) {
    Path d = dir.resolve("r");
    assertThat(
            run(
                "eval",
                "--expert",
                "--scenario",
                "reach",
                "--seeds",
                Long.toString(seed),
                "--record",
                d.toString()))
        .isZero();
    out.getBuffer().setLength(0);
    return d.resolve("seed-" + seed + ".replay.jsonl");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a pipe once hung the command for good
  void aPipeInAFolderIsRefusedAndTheRestChecked() throws Exception {
    Path good = recorded(3);
    Path fifo = good.resolveSibling("seed-9.replay.jsonl");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    assertThat(run("replay", good.getParent().toString())).isEqualTo(Main.USAGE_ERROR);
    assertThat(out.toString())
        .contains(good + ": reach seed 3")
        .contains(": reproduced")
        .contains(fifo + ": refused: cannot read " + fifo + ": it is a device or a pipe")
        .contains("1 of 1 replays")
        .contains("; 1 refused");
  }

  @Test
  void aReplayOfAnUnknownScenarioIsRefusedNotUnreproduced() throws Exception {
    Path good = recorded(4);
    List<String> lines = Files.readAllLines(good);
    Path alien = good.resolveSibling("seed-5.replay.jsonl");
    lines.set(0, lines.get(0).replace("\"scenario\":\"reach\"", "\"scenario\":\"drone\""));
    Files.write(alien, lines);
    assertThat(run("replay", good.getParent().toString())).isEqualTo(Main.USAGE_ERROR);
    assertThat(out.toString())
        .contains(alien + ": refused: unknown scenario 'drone'")
        .doesNotContain("NOT reproduced")
        .contains(good + ": reach seed 4");
  }
}
