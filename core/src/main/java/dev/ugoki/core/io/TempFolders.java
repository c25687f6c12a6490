package dev.ugoki.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary folders of cells and benchmarks, {@code ugoki-KIND-PID-RANDOM} under {@code
 * java.io.tmpdir}: removed when their work ends, removed at exit if a signal stops the process
 * first, and, when a process was killed outright, swept by the next process that makes one (the
 * folder's pid is no longer alive).
 */
public final class TempFolders {
  private static final Pattern NAME = Pattern.compile("ugoki-[a-z-]+?-(\\d+)-.+");
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private TempFolders() {}

  /**
   * A new folder for {@code kind}'s work ({@code cell}, {@code bench}); {@link #remove} it after.
   */
  public static Path create(String kind) throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    if (STARTED.compareAndSet(false, true)) {
      sweep(base);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    for (Path p : LIVE) {
                      try {
                        AtomicFiles.deleteTree(p);
                      } catch (IOException | RuntimeException e) {
                        // exiting: the next start sweeps it
                      }
                    }
                  },
                  "ugoki-temp-folders"));
    }
    Path dir =
        Files.createTempDirectory(
            base, "ugoki-" + kind + "-" + ProcessHandle.current().pid() + "-");
    LIVE.add(dir);
    return dir;
  }

  /** Deletes {@code dir} and all below it. */
  public static void remove(Path dir) throws IOException {
    try {
      AtomicFiles.deleteTree(dir);
    } finally {
      LIVE.remove(dir);
    }
  }

  /**
   * Deletes the folders under {@code base} that a process no longer alive left.
   *
   * @return how many were deleted
   */
  static int sweep(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      return 0;
    }
    int n = 0;
    try (var files = Files.list(base)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          long pid;
          try {
            pid = Long.parseLong(m.group(1));
          } catch (NumberFormatException e) {
            continue;
          }
          if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
            AtomicFiles.deleteTree(p);
            n++;
          }
        }
      }
    }
    return n;
  }
}
