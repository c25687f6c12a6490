package dev.ugoki.sim.scene;

/**
 * Where a body has been, for drawing: the last {@code capacity} points, each at least {@code
 * spacingM} from the one before, kept in a ring so that a long episode costs nothing more.
 */
public final class Trail {
  private final float[] xy;
  private final double spacingM;
  private int head;
  private int size;

  public Trail(int capacity, double spacingM) {
    this.xy = new float[2 * capacity];
    this.spacingM = spacingM;
  }

  public void clear() {
    head = 0;
    size = 0;
  }

  /** Adds (x, y) unless it lies within the spacing of the last point. */
  public void add(double x, double y) {
    int capacity = xy.length / 2;
    if (size > 0) {
      int last = (head - 1 + capacity) % capacity;
      if (Math.hypot(x - xy[2 * last], y - xy[2 * last + 1]) < spacingM) {
        return;
      }
    }
    xy[2 * head] = (float) x;
    xy[2 * head + 1] = (float) y;
    head = (head + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  /** The points oldest first as an open polyline on {@link Layer#TRAIL}, or null under two. */
  public Shape shape() {
    if (size < 2) {
      return null;
    }
    int capacity = xy.length / 2;
    float[] out = new float[2 * size];
    int first = (head - size + capacity) % capacity;
    for (int k = 0; k < size; k++) {
      int j = (first + k) % capacity;
      out[2 * k] = xy[2 * j];
      out[2 * k + 1] = xy[2 * j + 1];
    }
    return new Shape.Polyline(out, false, Layer.TRAIL);
  }
}
