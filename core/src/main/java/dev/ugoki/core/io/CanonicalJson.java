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
}
