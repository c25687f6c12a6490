package dev.ugoki.sim.physics;

/**
 * A disc of radius {@code radius} centred at ({@code x}, {@code y}) [m].
 *
 * @param x centre [m]
 * @param y centre [m]
 * @param radius [m], positive
 */
public record Disc(double x, double y, double radius) implements Shape {
  public Disc {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("disc centre must be finite, was (" + x + ", " + y + ")");
    }
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException("disc radius must be positive and finite, was " + radius);
    }
  }

  /** A disc of radius {@code radius} [m] at the frame origin. */
  public static Disc of(double radius) {
    return new Disc(0, 0, radius);
  }

  @Override
  public double area() {
    return Math.PI * radius * radius;
  }

  @Override
  public Disc transformed(double tx, double ty, double angleRad) {
    double c = Math.cos(angleRad);
    double s = Math.sin(angleRad);
    return new Disc(tx + c * x - s * y, ty + s * x + c * y, radius);
  }
}
