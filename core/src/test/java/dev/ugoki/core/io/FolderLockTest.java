package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per folder, in this process (the other process's refusal: TwoWritersTest). */
class FolderLockTest {
  @TempDir Path dir;

  @Test
  void aSecondLockIsRefusedAndTheFirstLeavesNoFile() throws Exception {
    try (FolderLock held = FolderLock.acquire(dir, "first")) {
      assertThat(dir.resolve(FolderLock.NAME))
          .hasContent("process " + ProcessHandle.current().pid() + " (first)");
      assertThatThrownBy(() -> FolderLock.acquire(dir, "second"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(dir + " is in use by this process already: one writer per folder");
    }
    assertThat(dir.resolve(FolderLock.NAME)).as("emptied, never deleted").isEmptyFile();
    FolderLock.acquire(dir, "again").close();
  }
}
