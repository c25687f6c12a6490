package dev.ugoki.core.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ugoki.core.io.Mappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** One replay file's reading, line by line, with what its messages need. */
final class ReplayReader {
  /** The longest header line [chars]: a configuration of a few hundred keys. */
  private static final int MAX_HEADER_CHARS = 1 << 20;

  /** The longest step line [chars]. */
  private static final int MAX_STEP_CHARS = 128 + 40 * ReplayFile.MAX_ACTION_SIZE;

  private final Path path;
  private int lineNo;
  private int actionSize;
  private StepLog log;

  /** The action of the step being read. */
  private float[] action;

  ReplayReader(Path path) {
    this.path = path;
  }

  Replay read(BufferedReader in) throws IOException {
    String first = line(in, MAX_HEADER_CHARS);
    if (first == null || first.isBlank()) {
      lineNo = 1;
      throw bad("the file is empty: no replay header");
    }
    JsonNode h = tree(first, "not a replay header");
    if (!ReplayFile.FORMAT.equals(h.path("format").asText(null))) {
      throw bad("not a Ugoki replay file (no \"format\":\"" + ReplayFile.FORMAT + "\")");
    }
    int version = integer(h, "version");
    if (version < 1 || version > ReplayFile.VERSION) {
      throw bad("format version " + version + " is not one this Ugoki reads (1)");
    }
    String scenario = text(h, "scenario");
    int scenarioVersion = integer(h, "scenario_version");
    long seed = longValue(h, "seed");
    String driver = text(h, "driver");
    actionSize = integer(h, "action_size");
    if (actionSize < 1 || actionSize > ReplayFile.MAX_ACTION_SIZE) {
      throw bad("action_size " + actionSize + " is not 1 to " + ReplayFile.MAX_ACTION_SIZE);
    }
    log = new StepLog(actionSize);
    action = new float[actionSize];
    JsonNode config = h.get("config");
    if (config == null || !config.isObject()) {
      throw bad("header field 'config' is missing or not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> configMap = Mappers.DEMO_LINES.convertValue(config, Map.class);
    String end = null;
    String line;
    while ((line = line(in, MAX_STEP_CHARS)) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (end != null) {
        throw bad("a line after the last one (\"end\")");
      }
      if (line.startsWith("{\"end\"")) {
        end = endLine(line);
      } else {
        step(line);
      }
    }
    if (end == null) {
      throw bad("the file ends without its last line (\"end\"): it is cut off");
    }
    return new Replay(
        scenario,
        scenarioVersion,
        configMap,
        seed,
        driver,
        actionSize,
        log.actions(),
        log.rewards(),
        end);
  }

  /** The next line, or null at the end; refused when longer than {@code max} characters. */
  private String line(BufferedReader in, int max) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (b.length() >= max) {
        lineNo++;
        throw bad("the line is longer than " + max + " characters");
      }
      b.append((char) c);
    }
    if (c < 0 && b.length() == 0) {
      return null;
    }
    lineNo++;
    return b.toString();
  }

  private void step(String line) throws IOException {
    if (log.full()) {
      throw bad("more than " + ReplayRecorder.MAX_STEPS + " steps");
    }
    long t = -1;
    int values = -1;
    Double reward = null;
    try (JsonParser p = ReplayFile.JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad("a step is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "t" -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              throw bad("'t' is not a whole number");
            }
            t = p.getLongValue();
          }
          case "action" -> values = action(p, value);
          case "reward" -> reward = finite(p, value, "reward");
          default -> throw bad("a step has no field '" + field + "' (t, action, reward)");
        }
      }
    } catch (JsonProcessingException e) {
      throw bad(
          "a step is not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (t != log.steps()) {
      throw bad("step t=" + t + " where t=" + log.steps() + " comes next");
    }
    if (values != actionSize || reward == null) {
      throw bad("a step needs an action of " + actionSize + " values and a reward");
    }
    log.add(action, reward);
  }

  private int action(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw bad("'action' is not an array");
    }
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n >= actionSize) {
        throw bad("the action has more than " + actionSize + " values");
      }
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
        throw bad("action[" + n + "] is not a number");
      }
      // parsed from the text as a float: exactly the float written
      float v = Float.parseFloat(p.getText());
      if (!Float.isFinite(v)) {
        throw bad("action[" + n + "] is " + v);
      }
      action[n++] = v;
    }
    return n;
  }

  private double finite(JsonParser p, JsonToken value, String what) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
      throw bad(what + " is not a number");
    }
    double v = Double.parseDouble(p.getText());
    if (!Double.isFinite(v)) {
      throw bad(what + " is " + v);
    }
    return v;
  }

  private String endLine(String line) {
    JsonNode n = tree(line, "the last line is not JSON");
    String end = text(n, "end");
    if (!Replay.ENDS.contains(end)) {
      throw bad("end '" + end + "' is not one of " + Replay.ENDS);
    }
    long count = longValue(n, "steps");
    if (count != log.steps()) {
      throw bad("the last line counts " + count + " steps, the file has " + log.steps());
    }
    JsonNode ret = n.get("return");
    double sum = 0;
    for (double r : log.rewards()) {
      sum += r;
    }
    if (ret == null || !ret.isNumber() || ret.doubleValue() != sum) {
      throw bad("the return " + ret + " is not the sum of the steps' rewards (" + sum + ")");
    }
    return end;
  }

  private JsonNode tree(String line, String what) {
    try {
      JsonNode n = Mappers.DEMO_LINES.readTree(line);
      if (n == null || !n.isObject()) {
        throw bad(what + ": not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw bad(what + " (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw bad("field '" + field + "' is missing or not a string");
    }
    return v.asText();
  }

  private int integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw bad("field '" + field + "' is missing or not a whole number that fits an int");
    }
    return v.intValue();
  }

  private long longValue(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad("field '" + field + "' is missing or not a whole number that fits a long");
    }
    return v.longValue();
  }

  private IllegalArgumentException bad(String what) {
    return new IllegalArgumentException(path + ": line " + lineNo + ": " + what);
  }
}
