package dev.ugoki.desktop.script;

import java.util.Arrays;

/**
 * Frame-to-frame intervals measured in the window, summarized by their median (a stall or a
 * screenshot does not move it) and high percentiles.
 */
public final class FrameTimes {
  private long[] intervalsNs = new long[1024];
  private int count;

  public void add(long intervalNs) {
    if (count == intervalsNs.length) {
      intervalsNs = Arrays.copyOf(intervalsNs, 2 * count);
    }
    intervalsNs[count++] = intervalNs;
  }

  public int count() {
    return count;
  }

  /** The {@code q}-quantile (0..1) of the intervals [ms], by the nearest rank; NaN when empty. */
  public double quantileMs(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(intervalsNs, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
  }

  public double medianMs() {
    return quantileMs(0.5);
  }

  /** Frames per second at the median interval. */
  public double medianFps() {
    return 1000 / medianMs();
  }
}
