package dev.ugoki.core.cell;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.CsvTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study's {@code results.csv}, the one way every study runs its cells: a row is appended and
 * flushed as each cell finishes, in whatever order the runner finishes them; a study started again
 * on the same file skips the cells it finds there (a row cut short by a kill is dropped and its
 * cell runs again); at the end the file is written again in the cells' order, so that its bytes
 * depend neither on the runner nor on how often the study was interrupted.
 *
 * @param <K> a cell's key
 * @param <R> its result, which names its key
 */
public final class CellTable<K extends Serializable, R extends Serializable> {
  /** How a result is a row: the columns, both ways, and the key a row belongs to. */
  public interface Codec<K, R> {
    List<String> columns();

    List<String> row(R result);

    /**
     * @throws IllegalArgumentException (or NumberFormatException) for a row that is not one
     */
    R parse(String[] row);

    K key(R result);

    /** What the progress line says of a finished cell. */
    String describe(R result);
  }

  private final Path csv;
  private final String what;
  private final String jobText;
  private final Codec<K, R> codec;

  /**
   * @param what what the file holds, for errors: "a scaling study's results"
   * @param job everything besides a cell's key that its result depends on (the run config's text,
   *     the evaluation seeds, a foundation's digest), kept beside the table ({@code
   *     results.csv.job}): a study resumed with another job is refused, not mixed in
   */
  public CellTable(Path csv, String what, String job, Codec<K, R> codec) {
    this.csv = csv;
    this.what = what;
    this.jobText = job;
    this.codec = codec;
  }

  private Path jobFile() {
    return csv.resolveSibling(csv.getFileName() + ".job");
  }

  /**
   * Runs the cells of {@code cells} not yet in the file on {@code runner}; returns every cell's
   * result in the order of {@code cells}.
   */
  public List<R> run(List<K> cells, CellJob<K, R> job, CellRunner runner, PrintWriter log)
      throws IOException {
    Map<K, R> done = new HashMap<>();
    if (Files.exists(csv) && Files.size(csv) > 0) {
      dropCutRow(csv);
      List<R> found = read();
      if (!Files.exists(jobFile()) || !Files.readString(jobFile()).equals(jobText)) {
        throw new IllegalArgumentException(
            csv.getParent()
                + " holds the results of another study (its config or settings differ, see "
                + jobFile().getFileName()
                + "): resume it as it was, or use another folder");
      }
      for (R r : found) {
        done.put(codec.key(r), r);
      }
    } else {
      AtomicFiles.writeString(jobFile(), jobText);
      try (CsvTable.Appender w = CsvTable.create(csv, codec.columns())) {
        // the header only: rows follow as cells finish
      }
    }
    List<K> todo = cells.stream().filter(c -> !done.containsKey(c)).toList();
    log.printf(
        Locale.ROOT,
        "%d cells, %d already in %s, %d to run on %s%n",
        cells.size(),
        cells.size() - todo.size(),
        csv,
        todo.size(),
        runner.describe());
    log.flush();
    CellProgress progress = new CellProgress(todo.size(), log);
    try (CsvTable.Appender w = CsvTable.append(csv)) {
      runner.run(
          todo,
          job,
          (k, r) -> {
            try {
              w.row(codec.row(r));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            done.put(k, r);
            progress.finished(codec.describe(r));
          });
    }
    List<R> results = cells.stream().map(done::get).toList();
    CsvTable.write(csv, codec.columns(), results.stream().map(codec::row).toList());
    return results;
  }

  /** The results in the file; a header or row that is not the codec's is refused. */
  public List<R> read() throws IOException {
    List<String[]> rows = CsvTable.read(csv);
    if (rows.isEmpty() || !List.of(rows.get(0)).equals(codec.columns())) {
      throw new IllegalArgumentException(
          csv + " is not " + what + " (its header is not " + codec.columns() + ")");
    }
    return rows.subList(1, rows.size()).stream()
        .map(
            f -> {
              try {
                if (f.length != codec.columns().size()) {
                  throw new IllegalArgumentException(f.length + " cells");
                }
                return codec.parse(f);
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    csv + " has a bad row '" + String.join(",", f) + "' (" + e.getMessage() + ")");
              }
            })
        .toList();
  }

  /** The SHA-256 of {@code bytes} in hex: how a job names a file it carries (a foundation). */
  public static String digest(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A row cut off by a kill (no line end) is dropped: its cell runs again. */
  static void dropCutRow(Path csv) throws IOException {
    byte[] b = Files.readAllBytes(csv);
    int end = b.length;
    while (end > 0 && b[end - 1] != '\n') {
      end--;
    }
    if (end < b.length) {
      try (FileChannel ch = FileChannel.open(csv, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }
}
