package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ugoki.sim.env.Spec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One file's reading: the line-by-line parse with the state it needs for its messages. */
final class DemoReader {
  private final Path path;
  private int lineNo;
  private DemoHeader header;
  private int obsSize;
  private int actSize;
  private int rows;
  private float[] obs = new float[0];
  private float[] act = new float[0];
  private int[] episodes = new int[0];

  DemoReader(Path path) {
    this.path = path;
  }

  Demonstrations read() throws IOException {
    if (Files.exists(path)) {
      AtomicFiles.checkReadable(path); // a pipe would be waited on, a device read without end
    }
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
      n = DemoFile.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw bad("not a demonstration header: not JSON (" + describe(e) + ")");
    }
    if (n == null || !n.isObject()) {
      throw bad("not a demonstration header: not a JSON object");
    }
    String format = text(n, "format");
    if (!DemoFile.FORMAT.equals(format)) {
      throw bad(
          "format is '"
              + format
              + "', expected '"
              + DemoFile.FORMAT
              + "': not a Ugoki demonstration file");
    }
    int version = integer(n, "version");
    if (version < 1 || version > DemoFile.VERSION) {
      throw bad(
          "format version "
              + version
              + " is not one this Ugoki reads (1 to "
              + DemoFile.VERSION
              + ")");
    }
    String scenario = text(n, "scenario");
    int scenarioVersion = integer(n, "scenario_version");
    JsonNode config = n.get("config");
    if (config == null || !config.isObject()) {
      throw bad("header field 'config' is missing or not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> configMap = DemoFile.MAPPER.convertValue(config, Map.class);
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
    try {
      return SpecJson.read(DemoFile.MAPPER.convertValue(s, Object.class)).spec();
    } catch (IllegalArgumentException e) {
      throw bad(field + ": " + e.getMessage());
    }
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
    try (JsonParser p = DemoFile.JSON.createParser(line)) {
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
