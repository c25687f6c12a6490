package dev.ugoki.sim.physics;

import java.util.ArrayList;
import java.util.List;

/**
 * A rigid body on the table: static (a wall, never moves), kinematic (moves at the velocity it is
 * given and pushes dynamic bodies without being pushed: a servoed pusher tip) or dynamic (moved by
 * contacts, applied force and table friction).
 *
 * <p>Its state is the pose of its centre of mass ({@link #x()}, {@link #y()}, {@link #angle()},
 * unwrapped) and its velocity. Shapes are given in a design frame; the body's design origin sits at
 * {@link #originX()}, {@link #originY()}. Build one with {@link #dynamic}, {@link #kinematic} or
 * {@link #fixed} and add it with {@link World#add}.
 *
 * <p>Per body: contact friction and restitution (mixed per pair, see {@link World}), and the
 * friction coefficient against the table under it, for the model that {@link TableFriction}
 * describes.
 */
public final class Body {
  /** What moves a body. */
  public enum Type {
    /** Infinite mass, never moves. */
    STATIC,
    /** Infinite mass, moves at the velocity it is given. */
    KINEMATIC,
    /** Finite mass, moved by contacts, force and table friction. */
    DYNAMIC
  }

  final Type type;
  final Shape[] shapes; // centred on the centre of mass
  final double localCx;
  final double localCy;
  final double mass;
  final double invMass;
  final double inertia;
  final double invInertia;
  final double friction;
  final double restitution;
  final double tableFriction;
  final double meanRadius; // [m], the table friction's lever arm
  final double boundRadius; // [m], farthest shape point from the centre of mass
  int index;

  double x;
  double y;
  double angle;
  double cos = 1;
  double sin;
  double vx;
  double vy;
  double w;
  double fx;
  double fy;
  double torque;
  // split-impulse (pseudo) velocities, reset every substep
  double pvx;
  double pvy;
  double pw;
  // table friction accumulated impulse [N s] and [N m s], and whether it sat on its limit
  double tfPx;
  double tfPy;
  double tfL;
  boolean tfSliding;
  boolean touched;
  double margin;

  // world geometry per shape: disc centre or polygon vertices, polygon normals, AABB
  final double[][] wxy;
  final double[][] wn;
  final double[] aabb;

  Body(BodyBuilder b) {
    this.type = b.type;
    MassProperties mp = MassProperties.of(b.shapes, 1);
    double density = b.massKg > 0 ? b.massKg / MassProperties.area(b.shapes) : b.density;
    this.localCx = mp.centroidX();
    this.localCy = mp.centroidY();
    this.shapes = new Shape[b.shapes.size()];
    this.wxy = new double[shapes.length][];
    this.wn = new double[shapes.length][];
    this.aabb = new double[4 * shapes.length];
    double bound = 0;
    for (int i = 0; i < shapes.length; i++) {
      Shape s = b.shapes.get(i).transformed(-localCx, -localCy, 0);
      shapes[i] = s;
      if (s instanceof Disc d) {
        wxy[i] = new double[2];
        bound = Math.max(bound, Math.hypot(d.x(), d.y()) + d.radius());
      } else {
        Polygon p = (Polygon) s;
        wxy[i] = new double[2 * p.vertexCount()];
        wn[i] = new double[2 * p.vertexCount()];
        for (int k = 0; k < p.vertexCount(); k++) {
          bound = Math.max(bound, Math.hypot(p.x(k), p.y(k)));
        }
      }
    }
    this.boundRadius = bound;
    this.meanRadius = mp.meanRadiusM();
    if (type == Type.DYNAMIC) {
      this.mass = mp.massKg() * density;
      this.inertia = mp.inertiaKgM2() * density;
      this.invMass = 1 / mass;
      this.invInertia = 1 / inertia;
    } else {
      this.mass = Double.POSITIVE_INFINITY;
      this.inertia = Double.POSITIVE_INFINITY;
      this.invMass = 0;
      this.invInertia = 0;
    }
    this.friction = b.friction;
    this.restitution = b.restitution;
    this.tableFriction = type == Type.DYNAMIC ? b.tableFriction : 0;
    this.angle = b.angleRad;
    this.cos = Math.cos(angle);
    this.sin = Math.sin(angle);
    this.x = b.originX + cos * localCx - sin * localCy;
    this.y = b.originY + sin * localCx + cos * localCy;
    if (type != Type.STATIC) {
      this.vx = b.vx;
      this.vy = b.vy;
      this.w = b.w;
    }
    updateGeometry();
  }

  /** A body that contacts, force and table friction move. */
  public static BodyBuilder dynamic(Shape... shapes) {
    return new BodyBuilder(Type.DYNAMIC, shapes);
  }

  /** A body that moves at the velocity it is given and is never pushed. */
  public static BodyBuilder kinematic(Shape... shapes) {
    return new BodyBuilder(Type.KINEMATIC, shapes);
  }

  /** A static body (a wall). */
  public static BodyBuilder fixed(Shape... shapes) {
    return new BodyBuilder(Type.STATIC, shapes);
  }

  public Type type() {
    return type;
  }

  /** Centre of mass [m]. */
  public double x() {
    return x;
  }

  /** Centre of mass [m]. */
  public double y() {
    return y;
  }

  /** [rad], counter-clockwise, not wrapped. */
  public double angle() {
    return angle;
  }

  /** Velocity of the centre of mass [m/s]. */
  public double vx() {
    return vx;
  }

  /** Velocity of the centre of mass [m/s]. */
  public double vy() {
    return vy;
  }

  /** Angular velocity [rad/s], counter-clockwise. */
  public double angularVelocity() {
    return w;
  }

  /** Where the design frame's origin is [m]. */
  public double originX() {
    return x - cos * localCx + sin * localCy;
  }

  /** Where the design frame's origin is [m]. */
  public double originY() {
    return y - sin * localCx - cos * localCy;
  }

  /** [kg]; infinite for static and kinematic bodies. */
  public double mass() {
    return mass;
  }

  /** About the centre of mass [kg m^2]; infinite for static and kinematic bodies. */
  public double inertia() {
    return inertia;
  }

  /** Mean distance of the body's area from its centre of mass [m]. */
  public double meanRadius() {
    return meanRadius;
  }

  /**
   * Sets the velocity [m/s, rad/s]: the command of a kinematic body, a kick for a dynamic one.
   *
   * @throws IllegalArgumentException if a value is not finite
   * @throws IllegalStateException on a static body
   */
  public void setVelocity(double vxMps, double vyMps, double wRadps) {
    checkFinite("velocity", vxMps, vyMps, wRadps);
    if (type == Type.STATIC) {
      throw new IllegalStateException("a static body has no velocity");
    }
    vx = vxMps;
    vy = vyMps;
    w = wRadps;
    tfSliding = false;
  }

  /**
   * Moves the body's centre of mass to (x, y) at {@code angleRad} and clears its table friction
   * history. Contacts re-form at the next step.
   */
  public void setPose(double xM, double yM, double angleRad) {
    checkFinite("pose", xM, yM, angleRad);
    x = xM;
    y = yM;
    angle = angleRad;
    cos = Math.cos(angle);
    sin = Math.sin(angle);
    tfSliding = false;
    updateGeometry();
  }

  /**
   * Sets a force [N] through the centre of mass and a torque [N m] that act on a dynamic body at
   * every step until changed (not cleared after a step).
   */
  public void setForce(double fxN, double fyN, double torqueNm) {
    checkFinite("force", fxN, fyN, torqueNm);
    fx = fxN;
    fy = fyN;
    torque = torqueNm;
  }

  /** The shapes placed in the world at the body's current pose (new objects: for drawing). */
  public List<Shape> worldShapes() {
    List<Shape> out = new ArrayList<>(shapes.length);
    for (Shape s : shapes) {
      out.add(s.transformed(x, y, angle));
    }
    return out;
  }

  /** The design-frame shapes re-centred on the centre of mass. */
  public List<Shape> localShapes() {
    return List.of(shapes);
  }

  static void checkFinite(String what, double a, double b, double c) {
    if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
      throw new IllegalArgumentException(
          what + " must be finite, was (" + a + ", " + b + ", " + c + ")");
    }
  }

  /** Recomputes the world-frame geometry and the bounding boxes after a move. */
  void updateGeometry() {
    for (int i = 0; i < shapes.length; i++) {
      double[] p = wxy[i];
      int a = 4 * i;
      if (shapes[i] instanceof Disc d) {
        p[0] = x + cos * d.x() - sin * d.y();
        p[1] = y + sin * d.x() + cos * d.y();
        aabb[a] = p[0] - d.radius();
        aabb[a + 1] = p[1] - d.radius();
        aabb[a + 2] = p[0] + d.radius();
        aabb[a + 3] = p[1] + d.radius();
      } else {
        Polygon poly = (Polygon) shapes[i];
        double[] n = wn[i];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < poly.vertexCount(); k++) {
          double px = x + cos * poly.x(k) - sin * poly.y(k);
          double py = y + sin * poly.x(k) + cos * poly.y(k);
          p[2 * k] = px;
          p[2 * k + 1] = py;
          n[2 * k] = cos * poly.normalX(k) - sin * poly.normalY(k);
          n[2 * k + 1] = sin * poly.normalX(k) + cos * poly.normalY(k);
          minX = Math.min(minX, px);
          minY = Math.min(minY, py);
          maxX = Math.max(maxX, px);
          maxY = Math.max(maxY, py);
        }
        aabb[a] = minX;
        aabb[a + 1] = minY;
        aabb[a + 2] = maxX;
        aabb[a + 3] = maxY;
      }
    }
  }
}
