package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during {@code train} says where the run stands and how to go on (issue 26, probe 5: it
 * exited 143 without a word), and the folder it names resumes.
 */
class SignalTest extends CliTest {

  @Test
  void sigtermSaysHowToResumeAndTheFolderResumes(@TempDir Path tmp) throws Exception {
    Path runs = tmp.resolve("runs");
    // a budget it cannot finish while the test looks: it is still training when signalled
    Process p = KillAndResumeTest.training(runs, "100000000");
    Path dir = null;
    // until the run has a checkpoint (a few seconds), then SIGTERM
    for (int i = 0; i < 600 && p.isAlive(); i++) {
      dir = KillAndResumeTest.onlyRunFolder(runs);
      if (dir != null && Files.exists(dir.resolve("checkpoints").resolve("latest.zip"))) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(p.isAlive()).as("still training when signalled").isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(143);
    String log = Files.readString(runs.resolve("process.log"));
    assertThat(log)
        .contains(
            "ugoki: stopped by a signal; the run goes on from its last checkpoint with ./ugoki"
                + " train --resume "
                + dir);
    long done = RunFolder.existing(dir).resumePoint().loaded().meta().steps();
    assertThat(run("train", "--resume", dir.toString(), "--steps", String.valueOf(done + 1024)))
        .as(err.toString())
        .isZero();
  }
}
