package dev.ugoki.desktop.view;

import java.util.Locale;

/**
 * Where the replay's timeline is on the screen, and the arithmetic between its pixels and the
 * replay's steps (no GL here: the HUD draws it, the input scrubs with it). It sits at the top in
 * the middle, between the followed agent's panel and the agents' table.
 *
 * @param x left edge [px, from the left]
 * @param top top edge [px, from the top]
 * @param width [px]
 * @param height of the bar itself [px]
 */
public record TimelineBar(float x, float top, float width, float height) {
  /** The bar's share of the window's width. */
  private static final float SHARE = 0.42f;

  private static final float TOP_PX = 30;
  private static final float HEIGHT_PX = 14;

  /** The bar in a window of {@code widthPx} x {@code heightPx}. */
  public static TimelineBar in(int widthPx, int heightPx) {
    float w = Math.max(120, widthPx * SHARE);
    return new TimelineBar((widthPx - w) / 2, TOP_PX, w, HEIGHT_PX);
  }

  /** Whether a pointer at ({@code px}, {@code py}) (y down) is on the bar, with a little slack. */
  public boolean hit(float px, float py) {
    float slack = height;
    return px >= x - slack
        && px <= x + width + slack
        && py >= top - slack
        && py <= top + height + slack;
  }

  /** The step under pixel column {@code px}, of a replay of {@code steps} steps (clamped). */
  public int stepAt(float px, int steps) {
    double f = (px - x) / width;
    return (int) Math.round(Math.max(0, Math.min(1, f)) * steps);
  }

  /** The pixel column of {@code step} of {@code steps}. */
  public float xOf(int step, int steps) {
    return steps <= 0 ? x : x + width * Math.min(1f, Math.max(0f, step / (float) steps));
  }

  /** The caption over the bar: where the replay is, in steps and seconds, and how it ended. */
  public static String caption(String label, int step, int steps, double stepS, String end) {
    return String.format(
        Locale.ROOT,
        "%s  step %d / %d  %.1f / %.1f s  (%s)",
        label,
        step,
        steps,
        step * stepS,
        steps * stepS,
        end.equals("cut") ? "cut before its end" : end);
  }

  /** The keys of the timeline, under the bar. */
  public static final String KEYS =
      "Left/Right step  [ ] 5 s  Home/End  drag: scrub  fork here: J, E, drop a policy";
}
