package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one run folder (issue 26, probe 1: two resumes at once mixed one's budget with the
 * other's weights): the second is refused in one line naming the first's process, and once that
 * process is killed its lock is taken over.
 */
class TwoWritersTest extends CliTest {

  @Test
  void aSecondResumeIsRefusedWhileTheFirstTrainsAndGoesOnOnceItIsKilled(@TempDir Path tmp)
      throws Exception {
    Path runs = tmp.resolve("runs");
    Process first = KillAndResumeTest.training(runs);
    Path dir = null;
    for (int i = 0; i < 600 && first.isAlive(); i++) {
      dir = KillAndResumeTest.onlyRunFolder(runs);
      if (dir != null && Files.exists(dir.resolve("checkpoints").resolve("latest.zip"))) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(first.isAlive()).as("still training").isTrue();
    assertThat(run("train", "--resume", dir.toString(), "--steps", "69632"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ugoki: error: "
                + dir
                + " is in use by process "
                + first.pid()
                + " (training ppo): wait for it to end, or stop it");
    err.getBuffer().setLength(0);

    first.destroyForcibly(); // SIGKILL: its lock file stays, its lock does not
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run("train", "--resume", dir.toString(), "--steps", "69632"))
        .as(err.toString())
        .isZero();
    assertThat(dir.resolve(".ugoki.lock")).doesNotExist();
  }
}
