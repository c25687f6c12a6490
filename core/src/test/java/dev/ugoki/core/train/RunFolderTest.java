package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kill can leave in a run folder, and what the next start makes of it. */
class RunFolderTest {
  private static RunConfig run() {
    return RunConfig.resolve(RunRequest.of(null, null, null, null, 4096L, null, List.of()));
  }

  private static void checkpoint(Path file, long steps) throws Exception {
    Env env = Scenarios.make("race");
    Learner l =
        Learner.fresh(
            GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 8, 1, 0, 1), 1e-3);
    PolicyFile.save(
        file, l, new PolicyFile.Meta("race", 1, Map.of(), "ppo", Map.of(), 1, steps, 1, Map.of()));
  }

  @Test
  void aNewFolderHoldsItsConfigAndOldUnfinishedOnesAreRemoved(@TempDir Path tmp) throws Exception {
    Path abandoned = Files.createDirectories(tmp.resolve(".race-ppo-1-20260101-000000.123"));
    Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));
    Path young = Files.createDirectories(tmp.resolve(".race-ppo-1-20260101-000001.456"));
    RunFolder f = RunFolder.create(tmp, run());
    assertThat(f.config()).isRegularFile();
    assertThat(RunConfig.read(f.config()).steps()).isEqualTo(4096);
    assertThat(abandoned).doesNotExist();
    assertThat(young).as("perhaps another process's, being made").exists();
    RunFolder second = RunFolder.create(tmp, run());
    assertThat(second.dir()).isNotEqualTo(f.dir());
  }

  @Test
  void aResumeTakesTheNewestCheckpointThatLoadsAndRemovesTemporaryFiles(@TempDir Path tmp)
      throws Exception {
    RunFolder f = RunFolder.create(tmp, run());
    assertThat(f.resumePoint()).as("killed before any checkpoint").isNull();
    checkpoint(f.checkpoint(4096), 4096);
    assertThat(f.resumePoint().file())
        .as("killed while the first latest.zip was written")
        .isEqualTo(f.checkpoint(4096));
    checkpoint(f.latestCheckpoint(), 4096);
    assertThat(f.resumePoint().file()).isEqualTo(f.latestCheckpoint());
    checkpoint(f.checkpoint(8192), 8192);
    assertThat(f.resumePoint().file())
        .as("killed between a checkpoint's two writes")
        .isEqualTo(f.checkpoint(8192));
    Files.write(f.checkpoint(12288), new byte[] {1, 2, 3}); // cut short
    assertThat(f.resumePoint().file()).isEqualTo(f.checkpoint(8192));
    Files.write(f.latestCheckpoint(), new byte[] {0}); // a damaged latest.zip
    assertThat(f.resumePoint().file()).isEqualTo(f.checkpoint(8192));

    // numbers, not names, order the step files; a number too large for a long is skipped
    checkpoint(f.checkpoint(10_000_000_000L), 10_000_000_000L);
    checkpoint(f.checkpoint(9_999_999_999L), 9_999_999_999L);
    Files.write(f.checkpoints().resolve("step-99999999999999999999.zip"), new byte[] {1});
    assertThat(f.resumePoint().file()).isEqualTo(f.checkpoint(10_000_000_000L));

    // a pid above Linux's largest (2^22) is no running process: a killed writer's file
    Path stale = f.checkpoints().resolve(".latest.zip.99999999.123456789.tmp");
    Path staleConfig = f.dir().resolve(".config.yaml.99999999.987.tmp");
    Files.write(stale, new byte[10]);
    Files.write(staleConfig, new byte[10]);
    Path mine = f.dir().resolve("notes.tmp"); // not a name AtomicFiles writes
    Files.write(mine, new byte[1]);
    // this process runs: its file is being written, whoever sweeps (issue 26: a refused resume
    // swept a running training's half-written checkpoint away, and the training died)
    Path writing = AtomicFiles.temporaryFor(f.latestCheckpoint());
    Files.write(writing, new byte[10]);
    RunFolder.existing(f.dir());
    assertThat(stale).as("opening a folder changes nothing").exists();
    f.removeStale();
    assertThat(stale).doesNotExist();
    assertThat(staleConfig).doesNotExist();
    assertThat(mine).exists();
    assertThat(writing).exists();
  }
}
