package dev.ugoki.core.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a run's live figures: on a terminal one line redrawn in place with a bar; without one (CI
 * logs, pipes) a plain line every {@code plainEverySeconds}.
 */
public final class Progress {
  private static final int BAR = 24;
  private final PrintStream out;
  private final boolean terminal;
  private final double plainEverySeconds;
  private long lastPlainNanos;
  private boolean drewLine;

  public Progress(PrintStream out, boolean terminal, double plainEverySeconds) {
    this.out = out;
    this.terminal = terminal;
    this.plainEverySeconds = plainEverySeconds;
  }

  /** Shows nothing: for runs that report through a {@link TrainingListener} instead. */
  public static Progress silent() {
    return new Progress(
        new PrintStream(OutputStream.nullOutputStream()), false, Double.POSITIVE_INFINITY);
  }

  /** True when standard output is an interactive terminal. */
  public static boolean onTerminal() {
    return System.console() != null;
  }

  public void update(
      long step,
      long total,
      double sps,
      double meanReturn,
      double successRate,
      double elapsedS,
      boolean force) {
    double frac = Math.min(1, step / (double) total);
    String figures =
        String.format(
            Locale.ROOT,
            "%,d/%,d steps  %,.0f steps/s  return %.1f  success %.0f%%  %s elapsed, %s left",
            step,
            total,
            sps,
            meanReturn,
            100 * successRate,
            clock(elapsedS),
            frac > 0 ? clock(elapsedS * (1 - frac) / frac) : "?");
    if (terminal) {
      int filled = (int) Math.round(frac * BAR);
      out.print("\r[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + figures + "   ");
      out.flush();
      drewLine = true;
    } else {
      long now = System.nanoTime();
      if (force || (now - lastPlainNanos) / 1e9 >= plainEverySeconds) {
        out.println(String.format(Locale.ROOT, "%3.0f%% ", 100 * frac) + figures);
        lastPlainNanos = now;
      }
    }
  }

  /** Ends the redrawn line before other output. */
  public void finish() {
    if (terminal && drewLine) {
      out.println();
      drewLine = false;
    }
  }

  /** {@code 1m05s}, or {@code 1h02m} past an hour. */
  public static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }
}
