package dev.ugoki.desktop.view;

import java.util.Locale;

/**
 * Where the replay's timeline is on the screen, and the arithmetic between its pixels and the
 * replay's steps (no GL here: {@link TimelineView} draws it, the input scrubs with it). It sits
 * across the bottom, above the messages and left of the minimap, on a panel of its own: a caption
 * line, the bar, a line of keys.
 *
 * @param x left edge [px, from the left]
 * @param top top edge [px, from the top]
 * @param width [px]
 * @param height of the bar itself [px]
 */
public record TimelineBar(float x, float top, float width, float height) {
  /** The bar's height over a text line's. */
  private static final float HEIGHT_LINES = 0.8f;

  /** Nowhere yet: before the first frame with a replay. */
  public static final TimelineBar NONE = new TimelineBar(0, -1000, 0, 0);

  /**
   * The bar on a panel whose bottom edge is at {@code bottomY} (px from the top), from {@code x},
   * {@code width} wide, with text lines {@code line} px tall and {@code pad} px of padding.
   */
  public static TimelineBar above(float x, float width, float bottomY, float line, float pad) {
    float h = Math.max(6, line * HEIGHT_LINES);
    float top = bottomY - pad - line - pad - h;
    return new TimelineBar(x + pad, top, Math.max(1, width - 2 * pad), h);
  }

  /** The panel around the bar, its caption and keys: {x, top, width, height} [px, y down]. */
  public float[] panel(float line, float pad) {
    float panelTop = top - pad - line - pad;
    float bottom = top + height + pad + line + pad;
    return new float[] {x - pad, panelTop, width + 2 * pad, bottom - panelTop};
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
