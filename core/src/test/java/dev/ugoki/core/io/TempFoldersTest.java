package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cell folders a killed process left are swept by the next one (issue 26, probe 6: each killed
 * sweep or scaling run left a /tmp/ugoki-cell-* folder that no run removed).
 */
class TempFoldersTest {
  @TempDir Path base;

  /** A pid no process has: beyond Linux's largest (2^22). */
  private static final long DEAD = 99_999_999L;

  @Test
  void aFolderOfADeadProcessIsSweptAndALiveOnesKept() throws Exception {
    Path dead = Files.createDirectories(base.resolve("ugoki-cell-" + DEAD + "-123"));
    Files.writeString(dead.resolve("policy.zip"), "left by a kill");
    Path mine =
        Files.createDirectories(base.resolve("ugoki-cell-" + ProcessHandle.current().pid() + "-4"));
    long parentPid = ProcessHandle.current().parent().orElseThrow().pid();
    Path parent = Files.createDirectories(base.resolve("ugoki-cells-bench-" + parentPid + "-5"));
    Path other = Files.createDirectories(base.resolve("not-ugoki-" + DEAD + "-1"));
    assertThat(TempFolders.sweep(base)).isEqualTo(1);
    assertThat(dead).doesNotExist();
    assertThat(mine).isDirectory();
    assertThat(parent).isDirectory(); // its process lives
    assertThat(other).isDirectory();
  }

  @Test
  void aFolderIsNamedByItsProcessAndRemovedWhole() throws Exception {
    Path dir = TempFolders.create("cell");
    assertThat(dir.getFileName().toString())
        .startsWith("ugoki-cell-" + ProcessHandle.current().pid() + "-");
    Files.writeString(dir.resolve("x"), "x");
    TempFolders.remove(dir);
    assertThat(dir).doesNotExist();
  }
}
