package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during {@code train}, at seeded moments from the process's start to well into training
 * (issue 26, probe 5: it exited 143 without a word): the run stops after the update going on with a
 * checkpoint and its policy, as a spent budget does, says so and how to go on, and the folder it
 * names resumes. A signal before the folder exists leaves nothing. More moments: {@code
 * -Dugoki.signals=N}.
 */
class SignalTest extends CliTest {

  @Test
  void sigtermAtAnyMomentStopsAfterACheckpointAndSaysHowToResume(@TempDir Path tmp)
      throws Exception {
    int signals = Integer.getInteger("ugoki.signals", 5);
    SplittableRandom random = new SplittableRandom(143);
    Map<String, Integer> moments = new TreeMap<>();
    for (int k = 0; k < signals; k++) {
      Path runs = tmp.resolve("signal-" + k);
      // a budget it cannot finish while the test looks: it is still training when signalled
      Process p = KillAndResumeTest.training(runs, "100000000");
      long delayMs = random.nextLong(7000);
      assertThat(p.waitFor(delayMs, TimeUnit.MILLISECONDS)).as("still running").isFalse();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(143);
      String log = Files.readString(runs.resolve("process.log"));
      Path dir = KillAndResumeTest.onlyRunFolder(runs);
      String what = String.format("signal %d after %d ms: %s", k, delayMs, log);
      if (dir == null) {
        // before the command made its folder: nothing written, and at most one line said so
        assertThat(log).as(what).doesNotContain("goes on");
        moments.merge("before the run folder", 1, Integer::sum);
        continue;
      }
      assertThat(log)
          .as(what)
          .contains(
              "ugoki: stopped by a signal after a checkpoint of its last update; the run goes on"
                  + " with ./ugoki train --resume "
                  + dir);
      // the last update's checkpoint and its policy, as the end of a budget writes them
      long done = RunFolder.existing(dir).resumePoint().loaded().meta().steps();
      assertThat(PolicyFile.load(dir.resolve("policy.zip")).meta().steps())
          .as(what)
          .isEqualTo(done);
      assertThat(KillAndResumeTest.temporaryFiles(dir)).as(what).isEmpty();
      err.getBuffer().setLength(0);
      assertThat(run("train", "--resume", dir.toString(), "--steps", String.valueOf(done + 1024)))
          .as(err.toString())
          .isZero();
      moments.merge(done == 512 ? "in the first update" : "later", 1, Integer::sum);
    }
    System.out.println("signal moments: " + moments);
    assertThat(moments.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(signals);
  }
}
