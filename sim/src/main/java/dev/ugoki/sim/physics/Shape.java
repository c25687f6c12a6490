package dev.ugoki.sim.physics;

/**
 * A rigid shape of a body [m]: a {@link Disc} or a convex {@link Polygon}. Given in the body's
 * design frame when the body is built; {@link Body#worldShapes()} returns the same shapes placed in
 * the world.
 */
public sealed interface Shape permits Disc, Polygon {
  /** Area [m^2]. */
  double area();

  /** The shape rotated by {@code angleRad} about the frame origin, then moved by (tx, ty). */
  Shape transformed(double tx, double ty, double angleRad);
}
