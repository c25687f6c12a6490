package dev.ugoki.core.io;

import java.util.List;

/**
 * A demonstration file loaded into flat arrays, row after row, ready for behavior cloning.
 *
 * @param header the file's header
 * @param rows the number of steps loaded
 * @param observations {@code rows x observationSpec.size()} floats
 * @param actions {@code rows x actionSpec.size()} floats
 * @param episodes each row's episode id
 * @param skippedLines lines not loaded: 0, or 1 when the recording was cut off in its last line
 * @param warnings what the reader noticed without refusing the file (a cut-off last line, a
 *     scenario version or configuration other than the environment's), one sentence each
 */
public record Demonstrations(
    DemoHeader header,
    int rows,
    float[] observations,
    float[] actions,
    int[] episodes,
    int skippedLines,
    List<String> warnings) {

  public Demonstrations {
    warnings = List.copyOf(warnings);
  }

  public int observationSize() {
    return header.observationSpec().size();
  }

  public int actionSize() {
    return header.actionSpec().size();
  }

  /** Distinct episode ids among the rows. */
  public long episodeCount() {
    return java.util.Arrays.stream(episodes).distinct().count();
  }
}
