package dev.ugoki.core.replay;

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
public final class ReplayFolder {
  private final Path dir;
  private final AtomicInteger written = new AtomicInteger();

  /**
   * @throws IOException when the folder cannot be made (or a file stands there)
   */
  public ReplayFolder(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    dev.ugoki.core.io.AtomicFiles.removeStale(dir); // a killed evaluation's half-written files
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
      throw new UncheckedIOException(
          "cannot write a replay into " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Replay files written so far. */
  public int written() {
    return written.get();
  }
}
