package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The project's Jackson mappers, configured once: JSON and YAML written with every map's keys in
 * sorted order where the order is not the writer's own (so that identical input gives identical
 * bytes), a key given twice refused on reading (a mistake, not "the last one wins"), and CSV.
 */
public final class Mappers {
  /** JSON: indented, map keys sorted ({@link CanonicalJson} writes files with it). */
  public static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** YAML: run configs, in the order they are written; no document start marker. */
  public static final YAMLMapper YAML =
      YAMLMapper.builder(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * Demonstration files' lines: NaN and Infinity are read (then refused by the reader with a
   * message that names line and channel), not reported as bad JSON; written as written.
   */
  public static final JsonMapper DEMO_LINES =
      JsonMapper.builder(
              JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
          .build();

  /** CSV: metrics logs and study tables; a cell is quoted only when it must be. */
  public static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private Mappers() {}
}
