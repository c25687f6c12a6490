package dev.ugoki.desktop.session;

import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One recording of a person driving: the keyboard agent's steps, written as they happen to a
 * demonstration file in core's format ({@link DemoFile}, source {@code human}). Each line is
 * flushed by {@link DemoWriter} as it is written, so the file is readable while recording and after
 * a crash.
 *
 * <p>Episode ids count the episodes of the recording from 0: a finished episode (a crash, the time
 * limit) and a restart or new track each begin the next one; {@code t} counts the steps of the
 * episode.
 */
final class DemoRecorder implements AutoCloseable {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final DemoWriter writer;
  private int episode;
  private int t;

  /** Where the current episode (attempt) began in the file, and the one before it. */
  private DemoWriter.Mark start;

  private DemoWriter.Mark previousStart;
  private int crashes;
  private boolean previousCrashed;

  private DemoRecorder(DemoWriter writer) throws IOException {
    this.writer = writer;
    this.start = writer.mark();
  }

  /**
   * Starts {@code <dir>/<scenario>-<yyyyMMdd-HHmmss>.jsonl} for {@code env}'s channels; a file of
   * that name (two recordings in one second) gets a suffix {@code -2}, {@code -3}, ... rather than
   * being overwritten.
   */
  static DemoRecorder start(Path dir, Env env) throws IOException {
    String stem = env.unwrapped().name() + "-" + LocalDateTime.now().format(STAMP);
    for (int n = 1; ; n++) {
      Path file = dir.resolve(stem + (n == 1 ? "" : "-" + n) + ".jsonl");
      try {
        return new DemoRecorder(DemoFile.create(file, DemoHeader.of(env, "human")));
      } catch (FileAlreadyExistsException e) {
        if (n >= 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Writes one step: {@code obs} is the observation the action was chosen on (before the step),
   * {@code r} what followed.
   */
  void write(long seed, float[] obs, float[] action, StepResult r) throws IOException {
    writer.write(episode, seed, t, obs, action, r.reward(), r.terminated(), r.truncated());
    t++;
    if (r.done()) {
      boolean crashed = r.info() != null && r.info().crashed();
      crashes += crashed ? 1 : 0;
      endEpisode(crashed);
    }
  }

  /** The agent was put back at the start: the next step begins a new episode. */
  void newEpisode() throws IOException {
    endEpisode(false);
  }

  private void endEpisode(boolean crashed) throws IOException {
    if (t > 0) {
      episode++;
      t = 0;
      previousStart = start;
      previousCrashed = crashed;
      start = writer.mark();
    }
  }

  /**
   * Drops the last attempt from the file: the episode being recorded when it has steps, else the
   * one that ended last (a crash, say). Returns the steps dropped, 0 when there was nothing.
   */
  long discardLastAttempt() throws IOException {
    DemoWriter.Mark to = t > 0 ? start : previousStart;
    if (to == null || to.steps() == writer.steps()) {
      return 0;
    }
    long dropped = writer.steps() - to.steps();
    if (t == 0) {
      // the ended attempt: its episode number is free again
      episode--;
      crashes -= previousCrashed ? 1 : 0;
      previousCrashed = false;
    }
    writer.truncate(to);
    start = to;
    previousStart = null;
    t = 0;
    return dropped;
  }

  /** Attempts recorded that ended in a crash. */
  int crashes() {
    return crashes;
  }

  Path path() {
    return writer.path();
  }

  long steps() {
    return writer.steps();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
