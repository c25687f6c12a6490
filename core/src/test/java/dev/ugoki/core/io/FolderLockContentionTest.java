package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in several processes take one folder's lock in turn, as fast as they can, and each adds
 * one to a counter in the folder while it holds it, by reading, waiting and writing: a lost
 * increment is two holders at once. A holder deletes the lock file as it lets go, so a writer that
 * opened the file just before holds the lock of a file no one else sees (the known limit of issue
 * 26's first lock); the lock checks that the file it locked is still the folder's, and tries again.
 */
class FolderLockContentionTest {
  static final int ROUNDS = 150;

  @Test
  void threeProcessesTakingTurnsNeverHoldTheFolderAtOnce(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("counter"), "0");
    List<Process> writers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      writers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Writer.class.getName(),
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("writer-" + i + ".log").toFile())
              .start());
    }
    for (int i = 0; i < writers.size(); i++) {
      Process p = writers.get(i);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("writer-" + i + ".log"))).isZero();
    }
    assertThat(Files.readString(dir.resolve("counter"))).isEqualTo("" + 3 * ROUNDS);
    assertThat(dir.resolve(FolderLock.NAME)).isEmptyFile();
  }

  /** One writer: {@value #ROUNDS} turns of lock, read, wait, write, let go. */
  public static final class Writer {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      Path counter = dir.resolve("counter");
      for (int done = 0; done < ROUNDS; ) {
        FolderLock lock;
        try {
          lock = FolderLock.acquire(dir, "counting");
        } catch (IllegalArgumentException busy) {
          Thread.onSpinWait();
          continue;
        }
        try (lock) {
          int n = Integer.parseInt(Files.readString(counter, StandardCharsets.UTF_8));
          Thread.sleep(0, 200_000);
          Files.writeString(counter, Integer.toString(n + 1), StandardCharsets.UTF_8);
        }
        done++;
      }
    }
  }
}
