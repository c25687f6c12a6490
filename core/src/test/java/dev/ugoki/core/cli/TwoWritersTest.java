package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.core.train.TrainingRun;
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
    // a budget it cannot finish while the test looks: it must still hold the folder when the second
    // comes, however fast or slow the machine
    Process first = KillAndResumeTest.training(runs, "100000000");
    Path dir = null;
    for (int i = 0; i < 600 && first.isAlive(); i++) {
      dir = KillAndResumeTest.onlyRunFolder(runs);
      if (dir != null && Files.exists(dir.resolve("checkpoints").resolve("latest.zip"))) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(first.isAlive()).as("still training").isTrue();
    assertThat(run("train", "--resume", dir.toString(), "--steps", "200000000"))
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
    // two more updates than the first's last checkpoint holds, however far it came
    long done = RunFolder.existing(dir).resumePoint().loaded().meta().steps();
    assertThat(run("train", "--resume", dir.toString(), "--steps", String.valueOf(done + 1024)))
        .as(err.toString())
        .isZero();
    assertThat(dir.resolve(".ugoki.lock")).as("let go").isEmptyFile();
  }

  /**
   * A resume planned before another writer went on is refused once it holds the lock: it would
   * train the other's steps again over its checkpoints.
   */
  @Test
  void aResumePlannedBeforeAnotherWentOnIsRefusedOnceItHoldsTheFolder(@TempDir Path tmp)
      throws Exception {
    Path runs = tmp.resolve("runs");
    assertThat(run(KillAndResumeTest.trainArgs(runs, "2048").toArray(String[]::new)))
        .as(err.toString())
        .isZero();
    Path dir = KillAndResumeTest.onlyRunFolder(runs);
    RunPlan planned = RunPlan.resume(dir, 8192L);
    assertThat(run("train", "--resume", dir.toString(), "--steps", "4096"))
        .as(err.toString())
        .isZero();
    String config = Files.readString(dir.resolve("config.yaml"));

    assertThatThrownBy(
            () -> TrainingRun.execute(planned, planned.folder(runs), Trainer.Options.silent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            dir
                + " went on from 2048 to 4096 steps while this resume was planned: resume it"
                + " again");
    assertThat(dir.resolve("config.yaml")).as("left as the other wrote it").hasContent(config);
    assertThat(dir.resolve(".ugoki.lock")).as("let go").isEmptyFile();
  }
}
