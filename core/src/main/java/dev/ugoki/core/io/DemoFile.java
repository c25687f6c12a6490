package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Spec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <li>{@code observation}: {@code {"names":[...],"low":[...],"high":[...]}}, the observation
 *       channels in order with their bounds
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
 * The {@link Writer} writes and flushes each line whole as it is recorded, so a process killed at
 * any moment loses at most the line being written; the reader skips such a cut-off last line and
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

  // NaN and Infinity are read (then refused with a clear message), not reported as bad JSON.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final ObjectMapper MAPPER = new JsonMapper(JSON);

  private DemoFile() {}

  /**
   * Starts a new demonstration file and writes its header. An existing file is never overwritten (a
   * recorded demonstration is never lost): the call fails with {@link
   * java.nio.file.FileAlreadyExistsException} instead.
   */
  public static Writer create(Path path, DemoHeader header) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    Writer w = new Writer(path, channel, header);
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
    return new Reader(path).read();
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

  private static String headerJson(DemoHeader h) throws IOException {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("version", VERSION);
    n.put("scenario", h.scenario());
    n.put("scenario_version", h.scenarioVersion());
    n.set("config", MAPPER.valueToTree(h.config()));
    n.set("observation", specJson(h.observationSpec()));
    n.set("action", specJson(h.actionSpec()));
    n.put("source", h.source());
    n.put("created", h.created().toString());
    return MAPPER.writeValueAsString(n);
  }

  private static ObjectNode specJson(Spec s) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode names = n.putArray("names");
    ArrayNode low = n.putArray("low");
    ArrayNode high = n.putArray("high");
    for (int i = 0; i < s.size(); i++) {
      names.add(s.name(i));
      low.add(s.low(i));
      high.add(s.high(i));
    }
    return n;
  }

  /**
   * Appends steps to a demonstration file. Each line is handed to the operating system whole, in
   * one write, as soon as it is recorded, so a crash of the program (even {@code kill -9}) loses at
   * most that line; the file is also forced to the disk at most once a second and on close, so a
   * power cut loses at most about the last second. Steps are checked before they are written
   * (widths, finite numbers): a file this writes is always readable. Thread-safe.
   */
  public static final class Writer implements AutoCloseable {
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

    private Writer(Path path, FileChannel channel, DemoHeader header) {
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
        throw new IllegalArgumentException(
            "episode and t must be >= 0, were " + episode + ", " + t);
      }
      checkRow("observation", observationSpec, obs);
      checkRow("action", actionSpec, action);
      if (!Double.isFinite(reward)) {
        throw new IllegalArgumentException("reward is " + reward);
      }
      StringWriter line = new StringWriter(16 * (obsSize + actSize) + 128);
      try (JsonGenerator g = JSON.createGenerator(line)) {
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
      if (now - lastSyncMs >= SYNC_INTERVAL_MS) {
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

    private void writeLine(String json) throws IOException {
      // one write of the whole line: a crash leaves either nothing or a prefix of this line
      out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    private void sync() throws IOException {
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

  /** One file's reading: the line-by-line parse with the state it needs for its messages. */
  private static final class Reader {
    private final Path path;
    private int lineNo;
    private DemoHeader header;
    private int obsSize;
    private int actSize;
    private int rows;
    private float[] obs = new float[0];
    private float[] act = new float[0];
    private int[] episodes = new int[0];

    Reader(Path path) {
      this.path = path;
    }

    Demonstrations read() throws IOException {
      List<String> warnings = new ArrayList<>();
      int skipped = 0;
      // malformed UTF-8 becomes U+FFFD and then a JSON error that names its line, not an
      // exception without one
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
        String first = in.readLine();
        lineNo = 1;
        if (first == null || first.isBlank()) {
          throw bad("the file is empty: no demonstration header");
        }
        header = parseHeader(first);
        obsSize = header.observationSpec().size();
        actSize = header.actionSpec().size();
        String next = in.readLine();
        while (next != null) {
          String line = next;
          next = in.readLine();
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          try {
            addStep(line);
          } catch (JsonProcessingException e) {
            if (next == null) {
              skipped++;
              warnings.add(
                  path
                      + ": line "
                      + lineNo
                      + " is cut off ("
                      + describe(e)
                      + "): skipped, the recording probably stopped while writing it");
            } else {
              throw bad("not a JSON object (" + describe(e) + ")");
            }
          }
        }
      }
      return new Demonstrations(
          header,
          rows,
          Arrays.copyOf(obs, rows * obsSize),
          Arrays.copyOf(act, rows * actSize),
          Arrays.copyOf(episodes, rows),
          skipped,
          warnings);
    }

    private IllegalArgumentException bad(String what) {
      return new IllegalArgumentException(path + ": line " + lineNo + ": " + what);
    }

    private static String describe(JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int cut = msg.indexOf('\n');
      msg = cut >= 0 ? msg.substring(0, cut) : msg;
      return e.getLocation() == null ? msg : msg + " at column " + e.getLocation().getColumnNr();
    }

    // -------------------------------------------------------------------------- the header

    private DemoHeader parseHeader(String line) {
      JsonNode n;
      try {
        n = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        throw bad("not a demonstration header: not JSON (" + describe(e) + ")");
      }
      if (n == null || !n.isObject()) {
        throw bad("not a demonstration header: not a JSON object");
      }
      String format = text(n, "format");
      if (!FORMAT.equals(format)) {
        throw bad(
            "format is '"
                + format
                + "', expected '"
                + FORMAT
                + "': not a Ugoki demonstration file");
      }
      int version = integer(n, "version");
      if (version < 1 || version > VERSION) {
        throw bad(
            "format version " + version + " is not one this Ugoki reads (1 to " + VERSION + ")");
      }
      String scenario = text(n, "scenario");
      int scenarioVersion = integer(n, "scenario_version");
      JsonNode config = n.get("config");
      if (config == null || !config.isObject()) {
        throw bad("header field 'config' is missing or not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> configMap = MAPPER.convertValue(config, Map.class);
      Spec observation = spec(n, "observation");
      Spec action = spec(n, "action");
      String source = text(n, "source");
      Instant created;
      try {
        created = java.time.OffsetDateTime.parse(text(n, "created")).toInstant();
      } catch (DateTimeParseException e) {
        throw bad("header field 'created' is not an ISO-8601 time: " + e.getParsedString());
      }
      return new DemoHeader(
          scenario, scenarioVersion, configMap, observation, action, source, created);
    }

    private String text(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual()) {
        throw bad("header field '" + field + "' is missing or not a string");
      }
      return v.asText();
    }

    private int integer(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
        throw bad("header field '" + field + "' is missing or not an integer");
      }
      return v.intValue();
    }

    private Spec spec(JsonNode n, String field) {
      JsonNode s = n.get(field);
      if (s == null || !s.isObject()) {
        throw bad("header field '" + field + "' is missing or not an object");
      }
      JsonNode names = s.get("names");
      JsonNode low = s.get("low");
      JsonNode high = s.get("high");
      if (names == null
          || !names.isArray()
          || low == null
          || !low.isArray()
          || high == null
          || !high.isArray()) {
        throw bad("header field '" + field + "' needs arrays 'names', 'low' and 'high'");
      }
      List<String> nameList = new ArrayList<>();
      for (JsonNode x : names) {
        if (!x.isTextual()) {
          throw bad(field + " channel names must be strings, found " + x);
        }
        nameList.add(x.asText());
      }
      try {
        return new Spec(nameList, numbers(field + ".low", low), numbers(field + ".high", high));
      } catch (IllegalArgumentException e) {
        throw bad(field + ": " + e.getMessage());
      }
    }

    private float[] numbers(String what, JsonNode a) {
      float[] out = new float[a.size()];
      for (int i = 0; i < out.length; i++) {
        if (!a.get(i).isNumber()) {
          throw bad(what + "[" + i + "] is not a number: " + a.get(i));
        }
        out[i] = Float.parseFloat(a.get(i).asText());
      }
      return out;
    }

    // -------------------------------------------------------------------------- the steps

    /**
     * Parses one step line straight into the arrays, so that a large file does not pass through a
     * tree per line. Numbers are parsed from their text as floats: exactly the floats written.
     */
    private void addStep(String line) throws IOException {
      ensureCapacity(rows + 1);
      boolean[] seen = new boolean[FIELDS.size()];
      int episode = 0;
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw bad("not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          int f = FIELDS.indexOf(field);
          if (f >= 0) {
            seen[f] = true;
          }
          switch (field) {
            case "episode" -> {
              episode = nonNegativeInt(p, value, field);
            }
            case "seed" -> {
              if (value != JsonToken.VALUE_NUMBER_INT) {
                throw bad("'seed' is not an integer");
              }
              p.getLongValue();
            }
            case "t" -> nonNegativeInt(p, value, field);
            case "obs" -> readRow(p, value, "obs", header.observationSpec(), obs, rows * obsSize);
            case "action" -> readRow(p, value, "action", header.actionSpec(), act, rows * actSize);
            case "reward" -> {
              if (!value.isNumeric() || p.isNaN()) {
                throw bad("'reward' is not a finite number: " + p.getText());
              }
            }
            case "terminated", "truncated" -> {
              if (!value.isBoolean()) {
                throw bad("'" + field + "' is not true or false");
              }
            }
            default -> p.skipChildren(); // a later writer's field
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw bad("not a JSON object");
        }
        if (p.nextToken() != null) {
          throw bad("more than one JSON value on the line");
        }
      }
      for (int f = 0; f < seen.length; f++) {
        if (!seen[f]) {
          throw bad("step has no '" + FIELDS.get(f) + "'");
        }
      }
      episodes[rows] = episode;
      rows++;
    }

    private static final List<String> FIELDS =
        List.of("episode", "seed", "t", "obs", "action", "reward", "terminated", "truncated");

    private int nonNegativeInt(JsonParser p, JsonToken value, String field) throws IOException {
      if (value != JsonToken.VALUE_NUMBER_INT
          || p.getNumberType() != JsonParser.NumberType.INT
          || p.getIntValue() < 0) {
        throw bad("'" + field + "' is not an integer >= 0: " + p.getText());
      }
      return p.getIntValue();
    }

    private void readRow(
        JsonParser p, JsonToken value, String field, Spec spec, float[] into, int offset)
        throws IOException {
      if (value != JsonToken.START_ARRAY) {
        throw bad("'" + field + "' is not an array");
      }
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null || !t.isNumeric()) {
          throw bad("'" + field + "'[" + i + "] is not a number: " + p.getText());
        }
        if (i < spec.size()) {
          // NaN and Infinity tokens, and numbers too large for a float
          float v = p.isNaN() ? Float.NaN : Float.parseFloat(p.getText());
          if (!Float.isFinite(v)) {
            throw bad("'" + field + "'[" + i + "] (" + spec.name(i) + ") is " + p.getText());
          }
          // a channel's values lie in its bounds; a whole range beyond them is not a recording
          double range = (double) spec.high(i) - spec.low(i);
          if (v < spec.low(i) - range || v > spec.high(i) + range) {
            throw bad(
                "'"
                    + field
                    + "'["
                    + i
                    + "] ("
                    + spec.name(i)
                    + ") is "
                    + p.getText()
                    + ", far outside its bounds ["
                    + spec.low(i)
                    + ", "
                    + spec.high(i)
                    + "]");
          }
          into[offset + i] = v;
        }
        i++;
      }
      if (i != spec.size()) {
        throw bad("'" + field + "' has " + i + " values, the header declares " + spec.size());
      }
    }

    private void ensureCapacity(int need) {
      if (episodes.length >= need) {
        return;
      }
      int cap = Math.max(1024, episodes.length * 2);
      obs = Arrays.copyOf(obs, cap * obsSize);
      act = Arrays.copyOf(act, cap * actSize);
      episodes = Arrays.copyOf(episodes, cap);
    }
  }
}
