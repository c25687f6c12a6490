package dev.ugoki.core.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.Mappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replay files: JSON Lines, one episode each. The first line says what to simulate, one line per
 * step gives its action and the reward it gave, the last line how the episode ended:
 *
 * <pre>
 * {"format":"ugoki-replay","version":1,"scenario":"race","scenario_version":3,"seed":4,
 *  "driver":"expert","action_size":2,"config":{"race.laps":3,...}}
 * {"t":0,"action":[0.12,1.0],"reward":0.0132}
 * ...
 * {"end":"crash","steps":1503,"return":41.27}
 * </pre>
 *
 * Numbers are written as the shortest text that reads back as the same float or double, so a replay
 * read back is the replay written, bit for bit. A file is written whole and atomically ({@link
 * AtomicFiles}); the same replay gives the same bytes. Reading refuses, with a message that names
 * the file, the line and the problem, anything that is not such a file: too large, a damaged
 * header, a step out of order, an action of the wrong width, a number that is not finite, a last
 * line whose count or return does not match the steps.
 */
public final class ReplayFile {
  /** The value of the header's {@code format} field. */
  public static final String FORMAT = "ugoki-replay";

  /** The format version this code writes and the newest it reads. */
  public static final int VERSION = 1;

  /** How the files are named: {@code NAME.replay.jsonl}. */
  public static final String SUFFIX = ".replay.jsonl";

  /** The largest file read [bytes]: a longest episode of wide actions, with room to spare. */
  public static final long MAX_BYTES = 256L << 20;

  /** The widest action read. */
  static final int MAX_ACTION_SIZE = 64;

  static final JsonFactory JSON = Mappers.DEMO_LINES.getFactory();

  private ReplayFile() {}

  /** Writes {@code replay} to {@code path} atomically, replacing any file there. */
  public static void write(Path path, Replay replay) throws IOException {
    AtomicFiles.write(path, bytes(replay));
  }

  /** The file's bytes. */
  static byte[] bytes(Replay r) throws IOException {
    StringWriter out = new StringWriter(64 + r.steps() * (24 + 12 * r.actionSize()));
    ObjectNode h = Mappers.DEMO_LINES.createObjectNode();
    h.put("format", FORMAT);
    h.put("version", VERSION);
    h.put("scenario", r.scenario());
    h.put("scenario_version", r.scenarioVersion());
    h.put("seed", r.seed());
    h.put("driver", r.driver());
    h.put("action_size", r.actionSize());
    h.set("config", Mappers.DEMO_LINES.valueToTree(r.config()));
    out.write(Mappers.DEMO_LINES.writeValueAsString(h));
    out.write('\n');
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (int t = 0; t < r.steps(); t++) {
        g.writeStartObject();
        g.writeNumberField("t", t);
        g.writeArrayFieldStart("action");
        for (int i = 0; i < r.actionSize(); i++) {
          g.writeNumber(r.actions()[t * r.actionSize() + i]);
        }
        g.writeEndArray();
        g.writeNumberField("reward", r.rewards()[t]);
        g.writeEndObject();
        g.flush();
        out.write('\n');
      }
      g.writeStartObject();
      g.writeStringField("end", r.end());
      g.writeNumberField("steps", r.steps());
      g.writeNumberField("return", r.episodeReturn());
      g.writeEndObject();
      g.flush();
      out.write('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a replay file.
   *
   * @throws IllegalArgumentException when it is not a whole replay file (see the class comment),
   *     naming the file, the line and the problem
   * @throws IOException when it cannot be read at all
   */
  public static Replay read(Path path) throws IOException {
    AtomicFiles.checkReadable(path); // a pipe would be waited on forever
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          path + ": " + size + " bytes is larger than a replay can be (" + MAX_BYTES + ")");
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new ReplayReader(path).read(in);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(path + ": not a replay file: not UTF-8 text");
    }
  }

  /** Whether the file's first line names this format (a quick look, for a file dropped in). */
  public static boolean looksLikeReplay(Path path) {
    if (!Files.isRegularFile(path)) {
      return false; // never wait on a pipe
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      char[] head = new char[200];
      int n = in.read(head);
      return n > 0 && new String(head, 0, n).contains("\"format\":\"" + FORMAT + "\"");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
