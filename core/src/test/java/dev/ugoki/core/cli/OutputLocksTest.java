package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.replay.ReplayFolder;
import dev.ugoki.core.study.ZooBuild;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every folder a command writes has one writer (issue 26: the lock went only on run, sweep, scaling
 * and transfer folders): an evaluation's replay folder while it records, the zoo's folder while it
 * is built. A second writer is refused before any work, and the folder is free once the first is
 * done. (Across processes, the same lock: {@code TwoWritersTest}.)
 */
class OutputLocksTest extends CliTest {
  @TempDir Path tmp;

  @Test
  void aSecondEvaluationCannotRecordIntoAFolderTheFirstRecordsInto() throws Exception {
    Path r = tmp.resolve("r");
    try (ReplayFolder first = new ReplayFolder(r)) {
      assertThat(run("eval", "--expert", "--scenario", "reach", "--seeds", "1", "--record", "" + r))
          .isEqualTo(Main.USAGE_ERROR);
      assertThat(err.toString().strip())
          .isEqualTo(
              "ugoki: error: "
                  + r.toAbsolutePath()
                  + " is in use by this process already: one writer per folder");
      assertThat(out.toString()).doesNotContain("episodes");
    }
    err.getBuffer().setLength(0);
    assertThat(run("eval", "--expert", "--scenario", "reach", "--seeds", "1", "--record", "" + r))
        .as(err.toString())
        .isZero();
    try (var files = Files.list(r)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(ReplayFolder.fileName(1), FolderLock.NAME);
    }
    assertThat(r.resolve(FolderLock.NAME)).as("let go").isEmptyFile();
  }

  @Test
  void theZooIsBuiltByOneBuilderAtATime() throws Exception {
    Path models = tmp.resolve("models");
    try (FolderLock other = FolderLock.acquire(models, "building the zoo")) {
      assertThatThrownBy(
              () ->
                  ZooBuild.build(
                      tmp,
                      models,
                      tmp.resolve("runs"),
                      true,
                      new SeedRange(1, 2),
                      new PrintWriter(new StringWriter())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is in use by this process already");
    }
    assertThat(tmp.resolve("runs")).doesNotExist();
  }
}
