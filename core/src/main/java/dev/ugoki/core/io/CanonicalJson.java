package dev.ugoki.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way this project writes JSON files: indented, every map's keys in sorted order (a {@code
 * Map.of}'s iteration order changes from one JVM run to the next), so that identical input gives
 * identical bytes and a file's hash is a fingerprint of what it holds.
 */
public final class CanonicalJson {
  /** The writer; reading with it is as with any ObjectMapper. */
  public static final ObjectMapper MAPPER = Mappers.JSON;

  private CanonicalJson() {}

  public static byte[] bytes(Object value) throws IOException {
    return MAPPER.writeValueAsBytes(value);
  }

  /** Writes {@code value} to {@code file} atomically. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(file, bytes(value));
  }

  /**
   * A map's values as JSON reads them back, whole numbers as {@code Long} and others as {@code
   * Double}, in the map's order, unmodifiable: so that a configuration read back from a file equals
   * the one written.
   */
  public static java.util.Map<String, Object> plainValues(java.util.Map<String, ?> values) {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> c.put(k, plain(v)));
    return java.util.Collections.unmodifiableMap(c);
  }

  private static Object plain(Object v) {
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float || v instanceof Double) {
      return ((Number) v).doubleValue();
    }
    return v;
  }
}
