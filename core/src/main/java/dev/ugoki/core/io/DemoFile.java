package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Spec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Demonstration files: recorded steps of an expert or a person, for behavior cloning and DAgger.
 * The format is JSON Lines (one JSON object per line, UTF-8, lines end with {@code \n}), so a file
 * can be appended to while it is recorded, read with any JSON library, and a recording cut off at
 * any moment is still readable up to its last whole line. Nothing in it is a serialized Java
 * object. Also described, with an example, in {@code docs/demonstrations.md}.
 *
 * <h2>Line 1: the header</h2>
 *
 * <ul>
 *   <li>{@code format}: always {@code "ugoki-demo"}
 *   <li>{@code version}: the format's version, {@value #VERSION}; a reader refuses a newer one
 *   <li>{@code scenario}: the scenario's registry name, e.g. {@code "race"}
 *   <li>{@code scenario_version}: the scenario's version when recorded
 *   <li>{@code config}: the scenario's resolved configuration, an object of every key with its
 *       value (number or boolean)
 *   <li>{@code observation}: {@code {"high":[...],"low":[...],"names":[...]}} (the form policy
 *       files use), the observation channels in order with their bounds
 *   <li>{@code action}: the action channels, in the same form
 *   <li>{@code source}: who demonstrated: {@code "expert"}, {@code "human"}, {@code "dagger"}, ...
 *   <li>{@code created}: when the recording started, ISO-8601 (e.g. {@code "2025-01-31T12:00:00Z"})
 * </ul>
 *
 * <h2>Lines 2...: one step each</h2>
 *
 * <ul>
 *   <li>{@code episode}: the episode's id in this file, an integer from 0; lines of several
 *       episodes may interleave when several environments were recorded at once
 *   <li>{@code seed}: the seed the episode was reset with (a 64-bit integer)
 *   <li>{@code t}: the step's index in its episode, from 0
 *   <li>{@code obs}: the observation the demonstrator acted on, one number per observation channel
 *   <li>{@code action}: the demonstrated action, one number per action channel; for an expert
 *       driven with noise (DART) the clean label, not the noisy action executed
 *   <li>{@code reward}: the step's reward
 *   <li>{@code terminated}, {@code truncated}: whether the step ended the episode inside the task
 *       or by a time limit
 * </ul>
 *
 * Numbers must be finite; fields a reader does not know are ignored, so a later writer may add
 * fields without a new version.
 *
 * <h2>Damage</h2>
 *
 * The {@link DemoWriter} writes and flushes each line whole as it is recorded, so a process killed
 * at any moment loses at most the line being written; the reader skips such a cut-off last line and
 * says so in {@link Demonstrations#warnings()}. Anything else that is wrong (a damaged header, a
 * line in the middle that is not JSON, a row of the wrong width, a NaN, channels that do not match
 * the environment) is refused with an {@link IllegalArgumentException} whose message names the
 * file, the line and the problem.
 */
public final class DemoFile {
  /** The value of the header's {@code format} field. */
  public static final String FORMAT = "ugoki-demo";

  /** The format version this code writes and the newest it reads. */
  public static final int VERSION = 1;

  /** The writer forces the file to the disk at most this often, and on close [ms]. */
  static final long SYNC_INTERVAL_MS = 1000;

  static final JsonFactory JSON = Mappers.DEMO_LINES.getFactory();
  static final ObjectMapper MAPPER = Mappers.DEMO_LINES;

  private DemoFile() {}

  /**
   * Starts a new demonstration file and writes its header. An existing file is never overwritten (a
   * recorded demonstration is never lost): the call fails with {@link
   * java.nio.file.FileAlreadyExistsException} instead.
   */
  public static DemoWriter create(Path path, DemoHeader header) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    DemoWriter w = new DemoWriter(path, channel, header);
    try {
      w.writeLine(headerJson(header));
      w.sync();
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  /**
   * Reads a demonstration file.
   *
   * @throws IllegalArgumentException when the content is damaged (see the class comment), with a
   *     message that names the file, the line and the problem
   * @throws IOException when the file cannot be read at all
   */
  public static Demonstrations read(Path path) throws IOException {
    return new DemoReader(path).read();
  }

  /**
   * Reads a demonstration file for use with {@code env}: also refuses it when its scenario or its
   * observation or action channels differ from the environment's, and warns when its scenario
   * version or configuration does.
   */
  public static Demonstrations read(Path path, Env env) throws IOException {
    Demonstrations d = read(path);
    DemoHeader h = d.header();
    String name = env.unwrapped().name();
    if (!h.scenario().equals(name)) {
      throw new IllegalArgumentException(
          path
              + ": line 1: the demonstrations are of scenario '"
              + h.scenario()
              + "', the environment is '"
              + name
              + "'");
    }
    requireSame(path, "observation", h.observationSpec(), env.observationSpec());
    requireSame(path, "action", h.actionSpec(), env.actionSpec());
    List<String> warnings = new ArrayList<>(d.warnings());
    int version = env.unwrapped().version();
    if (h.scenarioVersion() != version) {
      warnings.add(
          path
              + ": recorded with "
              + name
              + " v"
              + h.scenarioVersion()
              + ", the environment is v"
              + version
              + ": observations or dynamics may differ");
    }
    List<String> changed = configDifferences(h.config(), env.unwrapped().config().asMap());
    if (!changed.isEmpty()) {
      warnings.add(path + ": recorded with another configuration: " + String.join(", ", changed));
    }
    return new Demonstrations(
        h, d.rows(), d.observations(), d.actions(), d.episodes(), d.skippedLines(), warnings);
  }

  private static void requireSame(Path path, String what, Spec file, Spec env) {
    List<String> diff = file.differencesFrom(env);
    if (!diff.isEmpty()) {
      throw new IllegalArgumentException(
          path
              + ": line 1: the demonstrations' "
              + what
              + " channels do not match the environment's (here = the file, there = the environment): "
              + String.join("; ", diff));
    }
  }

  private static List<String> configDifferences(Map<String, Object> file, Map<String, Object> env) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : env.entrySet()) {
      Object f = file.get(e.getKey());
      if (f == null) {
        out.add(e.getKey() + " missing from the file (environment: " + e.getValue() + ")");
      } else if (!samePlainValue(f, e.getValue())) {
        out.add(e.getKey() + " = " + f + " in the file, " + e.getValue() + " here");
      }
    }
    return out;
  }

  private static boolean samePlainValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  // ---------------------------------------------------------------------------------- writing

  static String headerJson(DemoHeader h) throws IOException {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("version", VERSION);
    n.put("scenario", h.scenario());
    n.put("scenario_version", h.scenarioVersion());
    n.set("config", MAPPER.valueToTree(h.config()));
    n.set("observation", MAPPER.valueToTree(SpecJson.of(h.observationSpec())));
    n.set("action", MAPPER.valueToTree(SpecJson.of(h.actionSpec())));
    n.put("source", h.source());
    n.put("created", h.created().toString());
    return MAPPER.writeValueAsString(n);
  }
}
