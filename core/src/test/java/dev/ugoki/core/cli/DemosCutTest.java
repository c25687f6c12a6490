package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code demos} run cut by a signal leaves no file at its name that reads as whole (issue 26,
 * probe 4: 82 MB of 200 episodes that training took without a word), and the next run in the folder
 * sweeps what the cut one left.
 */
class DemosCutTest extends CliTest {

  @Test
  void aSignalledRunLeavesNoFileAtItsNameAndTheNextSweepsIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("d.jsonl");
    Process p =
        KillAndResumeTest.ugoki(
            dir.resolve("demos.log"),
            List.of("demos", "--seeds", "1-2000", "--out", out.toString()));
    // until the partial file has grown past its header, then SIGTERM
    for (int i = 0;
        i < 600 && p.isAlive() && partials(dir).stream().noneMatch(DemosCutTest::grown);
        i++) {
      Thread.sleep(50);
    }
    assertThat(p.isAlive()).as("still recording when signalled").isTrue();
    p.destroy();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).doesNotExist();
    assertThat(partials(dir)).isNotEmpty();

    assertThat(run("demos", "--scenario", "race", "--seeds", "1-2", "--out", out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out).isRegularFile();
    assertThat(partials(dir)).isEmpty();
  }

  private static List<Path> partials(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().startsWith(".d.jsonl.")).toList();
    }
  }

  private static boolean grown(Path f) {
    try {
      return Files.size(f) > 100_000;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
