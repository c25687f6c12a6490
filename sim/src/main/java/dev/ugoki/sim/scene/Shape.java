package dev.ugoki.sim.scene;

/** A shape in world units [m]. */
public sealed interface Shape permits Shape.Polyline, Shape.Polygon, Shape.Circle {

  Layer layer();

  /**
   * Connected line segments through points stored as {@code x0, y0, x1, y1, ...}; {@code closed}
   * joins the last point to the first.
   */
  record Polyline(float[] xy, boolean closed, Layer layer) implements Shape {
    public int points() {
      return xy.length / 2;
    }
  }

  /** A filled simple polygon through {@code x0, y0, x1, y1, ...}. */
  record Polygon(float[] xy, Layer layer) implements Shape {
    public int points() {
      return xy.length / 2;
    }
  }

  /** A filled circle. */
  record Circle(float x, float y, float radius, Layer layer) implements Shape {}
}
