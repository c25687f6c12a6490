package dev.ugoki.sim.physics;

import java.util.List;

/** What a body will be: shapes, material, pose and velocity. Validates each value as set. */
public final class BodyBuilder {
  final Body.Type type;
  final List<Shape> shapes;
  double density = 1;
  double massKg;
  double friction = 0.5;
  double restitution;
  double tableFriction = 0.3;
  double originX;
  double originY;
  double angleRad;
  double vx;
  double vy;
  double w;

  BodyBuilder(Body.Type type, Shape[] shapes) {
    if (shapes.length == 0) {
      throw new IllegalArgumentException("a body needs at least one shape");
    }
    if (shapes.length > 4096) {
      throw new IllegalArgumentException("a body has at most 4096 shapes, got " + shapes.length);
    }
    for (Shape s : shapes) {
      if (s == null) {
        throw new IllegalArgumentException("shape must not be null");
      }
    }
    this.type = type;
    this.shapes = List.of(shapes);
  }

  /** Areal density [kg/m^2], positive (default 1); replaces a {@link #mass} set before. */
  public BodyBuilder density(double kgPerM2) {
    positive("density", kgPerM2);
    density = kgPerM2;
    massKg = 0;
    return this;
  }

  /** Total mass [kg], positive, spread evenly over the shapes' area; replaces the density. */
  public BodyBuilder mass(double kg) {
    positive("mass", kg);
    massKg = kg;
    return this;
  }

  /** Coulomb friction coefficient against other bodies, at least 0 (default 0.5). */
  public BodyBuilder friction(double mu) {
    nonNegative("friction", mu);
    friction = mu;
    return this;
  }

  /** Coefficient of restitution in [0, 1] (default 0). */
  public BodyBuilder restitution(double e) {
    nonNegative("restitution", e);
    if (e > 1) {
      throw new IllegalArgumentException("restitution must be at most 1, was " + e);
    }
    restitution = e;
    return this;
  }

  /** Coulomb friction coefficient against the table, at least 0 (default 0.3). */
  public BodyBuilder tableFriction(double mu) {
    nonNegative("table friction", mu);
    tableFriction = mu;
    return this;
  }

  /** Pose of the design frame's origin [m, m, rad] (default the world origin). */
  public BodyBuilder at(double xM, double yM, double angle) {
    Body.checkFinite("pose", xM, yM, angle);
    originX = xM;
    originY = yM;
    angleRad = angle;
    return this;
  }

  /** Initial velocity of the centre of mass [m/s, m/s, rad/s] (default 0). */
  public BodyBuilder velocity(double vxMps, double vyMps, double wRadps) {
    Body.checkFinite("velocity", vxMps, vyMps, wRadps);
    vx = vxMps;
    vy = vyMps;
    w = wRadps;
    return this;
  }

  Body build() {
    return new Body(this);
  }

  private static void positive(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be positive and finite, was " + v);
    }
  }

  private static void nonNegative(String what, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be at least 0 and finite, was " + v);
    }
  }
}
