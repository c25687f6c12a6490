package dev.ugoki.desktop.view;

/**
 * The minimap's geometry, without graphics: the whole world (a scene's bounds) fitted into a panel
 * with its aspect kept and centred, and world metres to screen pixels (x right, y down from the
 * window's top-left corner, as {@link Hud.Rect} and the screenshots' reports count them).
 *
 * @param x the panel's left edge [px]
 * @param y the panel's top edge [px, y down]
 * @param width the panel's width [px]
 * @param height the panel's height [px]
 * @param minX the world's left edge [m]
 * @param maxY the world's top edge [m]
 * @param pixelsPerMetre the map's scale
 * @param left where the world's left edge is drawn [px]
 * @param top where the world's top edge is drawn [px, y down]
 */
record MinimapFrame(
    float x,
    float y,
    float width,
    float height,
    double minX,
    double maxY,
    double pixelsPerMetre,
    double left,
    double top) {

  /**
   * The panel's size for a world {@code worldW x worldH} [m]: its longer side {@code longPx}, its
   * shorter side in the world's proportion but at least half the longer (a long thin world gets a
   * band around it, not a sliver of a panel).
   */
  static float[] size(double worldW, double worldH, float longPx) {
    double w = Math.max(worldW, 1e-6);
    double h = Math.max(worldH, 1e-6);
    if (w >= h) {
      return new float[] {longPx, (float) Math.max(longPx / 2, longPx * h / w)};
    }
    return new float[] {(float) Math.max(longPx / 2, longPx * w / h), longPx};
  }

  /**
   * The world {@code minX..maxX x minY..maxY} [m] drawn in the panel at ({@code x}, {@code y}) of
   * {@code width x height} px, {@code padPx} inside its edges, as large as fits and centred.
   */
  static MinimapFrame fit(
      double minX,
      double minY,
      double maxX,
      double maxY,
      float x,
      float y,
      float width,
      float height,
      float padPx) {
    double worldW = Math.max(maxX - minX, 1e-6);
    double worldH = Math.max(maxY - minY, 1e-6);
    double innerW = Math.max(width - 2 * padPx, 1);
    double innerH = Math.max(height - 2 * padPx, 1);
    double ppm = Math.min(innerW / worldW, innerH / worldH);
    double left = x + (width - worldW * ppm) / 2;
    double top = y + (height - worldH * ppm) / 2;
    return new MinimapFrame(x, y, width, height, minX, maxY, ppm, left, top);
  }

  /** The screen pixel of the world point ({@code wx}, {@code wy}) [m]: {@code x, y} (y down). */
  float[] toPixel(double wx, double wy) {
    return new float[] {
      (float) (left + (wx - minX) * pixelsPerMetre), (float) (top + (maxY - wy) * pixelsPerMetre)
    };
  }

  /**
   * The camera's view, centred on ({@code cx}, {@code cy}) and {@code viewW x viewH} [m], as the
   * rectangle {@code x, y, width, height} [px, y down] it covers on the panel (cut to the panel; a
   * view wider than the world covers all of it).
   */
  float[] view(double cx, double cy, double viewW, double viewH) {
    float[] a = toPixel(cx - viewW / 2, cy + viewH / 2);
    float[] b = toPixel(cx + viewW / 2, cy - viewH / 2);
    float x0 = Math.max(x, Math.min(a[0], x + width));
    float y0 = Math.max(y, Math.min(a[1], y + height));
    float x1 = Math.max(x, Math.min(b[0], x + width));
    float y1 = Math.max(y, Math.min(b[1], y + height));
    return new float[] {x0, y0, x1 - x0, y1 - y0};
  }

  /** Whether a screen pixel is on the panel. */
  boolean contains(float px, float py) {
    return px >= x && px <= x + width && py >= y && py <= y + height;
  }
}
