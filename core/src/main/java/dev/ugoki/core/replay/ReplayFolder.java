package dev.ugoki.core.replay;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.sim.env.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A folder that keeps every episode of an evaluation as a replay file, {@code seed-N.replay.jsonl},
 * written as each episode ends. Environments of several threads may write into it at once.
 */
public final class ReplayFolder implements AutoCloseable {
  private final Path dir;
  private final FolderLock lock;
  private final AtomicInteger written = new AtomicInteger();

  /**
   * Makes the folder and checks, before any episode runs, that replays can be written into it and
   * that none would be overwritten.
   *
   * @throws IOException when the folder cannot be made or written into (a file stands there, it is
   *     read-only)
   * @throws IllegalArgumentException when it holds replays already
   */
  public ReplayFolder(Path dir) throws IOException {
    this.dir = dir;
    // one evaluation records here at a time, held until close; the lock is taken first, and it
    // also finds a folder that cannot be written into
    this.lock = FolderLock.acquire(dir, "recording an evaluation");
    try {
      AtomicFiles.removeStale(dir); // a killed evaluation's half-written files
      long earlier;
      try (var files = Files.list(dir)) {
        earlier = files.filter(f -> f.getFileName().toString().endsWith(ReplayFile.SUFFIX)).count();
      }
      if (earlier > 0) {
        throw new IllegalArgumentException(
            "--record "
                + dir
                + " holds "
                + earlier
                + " replays already, which this evaluation would overwrite: give a new folder");
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Lets the folder go: another evaluation may record here (into a new folder, if it has any). */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  /** The file of the episode of {@code seed}. */
  public static String fileName(long seed) {
    return "seed-" + seed + ReplayFile.SUFFIX;
  }

  /**
   * {@code env} (a scenario's environment) with its episodes kept here, acted by {@code driver}.
   */
  public Env around(Env env, String driver) {
    return new ReplayRecorder(env, driver, this::write);
  }

  private void write(Replay r) {
    try {
      ReplayFile.write(dir.resolve(fileName(r.seed())), r);
      written.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a replay into " + dir, e);
    }
  }

  /** Replay files written so far. */
  public int written() {
    return written.get();
  }
}
