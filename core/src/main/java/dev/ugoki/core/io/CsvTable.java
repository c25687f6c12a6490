package dev.ugoki.core.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV tables through Jackson's CSV module ({@link Mappers#CSV}): rows of cells appended and flushed
 * one at a time, so that a killed writer keeps every row it wrote, and read back whole.
 */
public final class CsvTable {
  private CsvTable() {}

  /** Appends rows to a file, flushing each. */
  public static final class Appender implements Closeable {
    private final BufferedWriter file;
    private final SequenceWriter rows;

    private Appender(Path path, boolean append) throws IOException {
      this.file =
          append
              ? Files.newBufferedWriter(
                  path,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND)
              : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      this.rows = Mappers.CSV.writerFor(String[].class).writeValues(file);
    }

    /** Writes one row and flushes it to the file. */
    public void row(List<String> cells) throws IOException {
      rows.write(cells.toArray(String[]::new));
      rows.flush();
    }

    @Override
    public void close() throws IOException {
      rows.close();
      file.close();
    }
  }

  /** A new file (replacing any), its first row {@code header}. */
  public static Appender create(Path path, List<String> header) throws IOException {
    Appender a = new Appender(path, false);
    a.row(header);
    return a;
  }

  /** Rows appended to {@code path} (made when missing); the caller writes a header if needed. */
  public static Appender append(Path path) throws IOException {
    return new Appender(path, true);
  }

  /** A whole table written at once, atomically ({@link AtomicFiles}): the old file or the new. */
  public static void write(Path path, List<String> header, List<List<String>> rows)
      throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (SequenceWriter w = Mappers.CSV.writerFor(String[].class).writeValues(text)) {
      w.write(header.toArray(String[]::new));
      for (List<String> r : rows) {
        w.write(r.toArray(String[]::new));
      }
    }
    AtomicFiles.writeString(path, text.toString());
  }

  /** Every row of a file, the header first; an empty file has none. */
  public static List<String[]> read(Path path) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (MappingIterator<String[]> it =
        Mappers.CSV
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(path.toFile())) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }
}
