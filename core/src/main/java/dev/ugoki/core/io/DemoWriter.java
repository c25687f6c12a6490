package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ugoki.sim.env.Spec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends steps to a demonstration file. Each line is handed to the operating system whole, in one
 * write, as soon as it is recorded, so a crash of the program (even {@code kill -9}) loses at most
 * that line; the file is also forced to the disk at most once a second and on close, so a power cut
 * loses at most about the last second. Steps are checked before they are written (widths, finite
 * numbers): a file this writes is always readable. Thread-safe.
 */
public final class DemoWriter implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final OutputStream out;
  private final int obsSize;
  private final int actSize;
  private final Spec observationSpec;
  private final Spec actionSpec;
  private long steps;
  private long lastSyncMs;
  private boolean closed;

  DemoWriter(Path path, FileChannel channel, DemoHeader header) {
    this.path = path;
    this.channel = channel;
    this.out = Channels.newOutputStream(channel);
    this.observationSpec = header.observationSpec();
    this.actionSpec = header.actionSpec();
    this.obsSize = observationSpec.size();
    this.actSize = actionSpec.size();
  }

  public Path path() {
    return path;
  }

  /** Steps written so far. */
  public synchronized long steps() {
    return steps;
  }

  /** A point in the file: its length and the steps written up to there. */
  public record Mark(long bytes, long steps) {}

  /** Where the file ends now, a point {@link #truncate} can go back to. */
  public synchronized Mark mark() throws IOException {
    return new Mark(channel.position(), steps);
  }

  /**
   * Drops every step written after {@code mark} (a person discarding an attempt), and forces the
   * shorter file to the disk; the next step is written from there.
   */
  public synchronized void truncate(Mark mark) throws IOException {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
    if (mark.bytes() > channel.position() || mark.steps() > steps) {
      throw new IllegalArgumentException("the mark " + mark + " lies ahead of the file");
    }
    channel.truncate(mark.bytes());
    channel.position(mark.bytes());
    steps = mark.steps();
    sync();
  }

  public void write(DemoStep s) throws IOException {
    write(
        s.episode(),
        s.seed(),
        s.t(),
        s.observation(),
        s.action(),
        s.reward(),
        s.terminated(),
        s.truncated());
  }

  /** Appends one step; see {@link DemoStep} for the fields. */
  public synchronized void write(
      int episode,
      long seed,
      int t,
      float[] obs,
      float[] action,
      double reward,
      boolean terminated,
      boolean truncated)
      throws IOException {
    if (closed) {
      throw new IllegalStateException(path + " is closed");
    }
    if (episode < 0 || t < 0) {
      throw new IllegalArgumentException("episode and t must be >= 0, were " + episode + ", " + t);
    }
    checkRow("observation", observationSpec, obs);
    checkRow("action", actionSpec, action);
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("reward is " + reward);
    }
    StringWriter line = new StringWriter(16 * (obsSize + actSize) + 128);
    try (JsonGenerator g = DemoFile.JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeNumberField("episode", episode);
      g.writeNumberField("seed", seed);
      g.writeNumberField("t", t);
      writeArray(g, "obs", obs);
      writeArray(g, "action", action);
      g.writeNumberField("reward", reward);
      g.writeBooleanField("terminated", terminated);
      g.writeBooleanField("truncated", truncated);
      g.writeEndObject();
    }
    writeLine(line.toString());
    steps++;
    long now = System.currentTimeMillis();
    if (now - lastSyncMs >= DemoFile.SYNC_INTERVAL_MS) {
      sync();
    }
  }

  private static void writeArray(JsonGenerator g, String field, float[] row) throws IOException {
    g.writeArrayFieldStart(field);
    for (float v : row) {
      g.writeNumber(v); // Float.toString: the shortest text that reads back as the same float
    }
    g.writeEndArray();
  }

  private static void checkRow(String what, Spec spec, float[] row) {
    if (row.length != spec.size()) {
      throw new IllegalArgumentException(
          what + " has " + row.length + " values, expected " + spec.size() + " " + spec.names());
    }
    for (int i = 0; i < row.length; i++) {
      if (!Float.isFinite(row[i])) {
        throw new IllegalArgumentException(
            what + "[" + i + "] (" + spec.name(i) + ") is " + row[i]);
      }
    }
  }

  void writeLine(String json) throws IOException {
    // one write of the whole line: a crash leaves either nothing or a prefix of this line
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  void sync() throws IOException {
    channel.force(false);
    lastSyncMs = System.currentTimeMillis();
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (channel.isOpen()) {
        channel.force(false);
      }
    } finally {
      channel.close();
    }
  }
}

// ---------------------------------------------------------------------------------- reading
