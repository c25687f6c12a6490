package dev.ugoki.core.cell;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress bar of a study's cells, a line per finished cell: how many of how many, a bar, the
 * time so far and an estimate of the time left (from the mean time per cell until now).
 *
 * <pre>
 * [#########...........]  9/20 cells  4m12s, about 5m08s left  bodies 3, width 64: ...
 * </pre>
 */
public final class CellProgress {
  private static final int WIDTH = 20;

  private final int total;
  private final PrintWriter log;
  private final long startNanos = System.nanoTime();
  private int done;

  public CellProgress(int total, PrintWriter log) {
    this.total = total;
    this.log = log;
  }

  /** One more cell finished; {@code what} says which and what it gave. */
  public void finished(String what) {
    done++;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    log.println(line(done, total, seconds, what));
    log.flush();
  }

  /** The line for {@code done} of {@code total} cells after {@code seconds}. */
  static String line(int done, int total, double seconds, String what) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    String left =
        done >= total ? "done" : "about " + clock(seconds / done * (total - done)) + " left";
    return String.format(
        Locale.ROOT, "[%s] %d/%d cells  %s, %s  %s", bar, done, total, clock(seconds), left, what);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
