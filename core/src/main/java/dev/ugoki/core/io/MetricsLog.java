package dev.ugoki.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's metrics, one CSV row per update, flushed as it is written so that a killed run keeps
 * every row it logged. Columns are fixed by the first row.
 */
public final class MetricsLog implements AutoCloseable {
  private final Path file;
  private final CsvTable.Appender out;
  private List<String> columns;

  /** Opens the log; when resuming, rows past {@code keepUpToUpdate} are dropped first. */
  public MetricsLog(Path file, long keepUpToUpdate) throws IOException {
    this.file = file;
    if (keepUpToUpdate >= 0 && Files.exists(file)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException e) {
        lines = List.of(); // not text: set aside below
      }
      if (lines.isEmpty() || !lines.get(0).startsWith("update,")) {
        // no header this program wrote: kept beside, not lost, and the log starts afresh
        if (Files.size(file) > 0) {
          Path aside = file.resolveSibling(file.getFileName() + ".damaged");
          Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.delete(file);
        }
        lines = List.of();
      }
      if (!lines.isEmpty()) {
        columns = List.of(lines.get(0).split(","));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
          String[] cells = l.split(",", -1);
          if (cells.length != columns.size()) {
            continue; // a half-written last line from a killed run, wherever it was cut
          }
          try {
            if (Long.parseLong(cells[0]) <= keepUpToUpdate) {
              kept.add(l);
            }
          } catch (NumberFormatException e) {
            // cut inside its first cell
          }
        }
        dev.ugoki.core.io.AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
      }
    }
    out = CsvTable.append(file);
  }

  public Path file() {
    return file;
  }

  /** Appends a row; the first key must be {@code update}. */
  public void write(LinkedHashMap<String, Double> row) throws IOException {
    if (columns == null) {
      columns = List.copyOf(row.keySet());
      out.row(columns);
    }
    List<String> cells = new ArrayList<>(columns.size());
    for (String c : columns) {
      Double v = row.get(c);
      cells.add(
          v == null || v.isNaN()
              ? ""
              : v == Math.rint(v) && Math.abs(v) < 1e15
                  ? Long.toString(v.longValue())
                  : String.format(Locale.ROOT, "%.6g", v));
    }
    out.row(cells);
  }

  /** Reads a metrics file back: column name to values (NaN where empty or not a number). */
  public static Map<String, double[]> read(Path file) throws IOException {
    List<String[]> rows = CsvTable.read(file);
    Map<String, double[]> cols = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return cols;
    }
    String[] names = rows.get(0);
    int n = rows.size() - 1;
    for (String name : names) {
      cols.put(name, new double[n]);
    }
    for (int r = 0; r < n; r++) {
      String[] cells = rows.get(r + 1);
      for (int c = 0; c < names.length; c++) {
        double v = Double.NaN;
        if (c < cells.length && !cells[c].isEmpty()) {
          try {
            v = Double.parseDouble(cells[c]);
          } catch (NumberFormatException e) {
            v = Double.NaN;
          }
        }
        cols.get(names[c])[r] = v;
      }
    }
    return cols;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
