package dev.ugoki.sim.physics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table seen from above: rigid bodies in the plane, no gravity in it, each pressing on the table
 * with m g. A small Box2D-Lite: sequential impulses with warm starting, Coulomb friction, split
 * impulses for penetration, table friction as an ellipsoidal limit surface ({@link TableFriction}).
 *
 * <p>A substep of h = dt / substeps:
 *
 * <ol>
 *   <li>applied forces change dynamic bodies' velocities (semi-implicit Euler);
 *   <li>broad phase: every pair of shapes on two bodies of which one is dynamic, in body order,
 *       tested by bounding boxes grown by how far the bodies can move in h (all pairs: meant for
 *       scenes of tens of bodies);
 *   <li>narrow phase ({@link Collide}) with speculative points up to that distance, matched to the
 *       last substep's points by feature id to warm-start their impulses;
 *   <li>velocity iterations: table friction, then each manifold's friction and normal impulses;
 *   <li>position iterations on pseudo velocities;
 *   <li>integration: position += h (velocity + pseudo velocity).
 * </ol>
 *
 * <p>No tunneling: speculative contacts (Catto, "Continuous Collision", GDC 2013; Box2D v3). A pair
 * forms contacts while the bodies are nearer than they can travel in the substep, and the solver
 * lets each point close its gap d at most (normal speed >= -d / h), so a body never crosses a
 * surface it approaches, whatever its speed. A dynamic body's reach includes the fastest body's
 * speed, since a hit can make it that fast within the substep. Limits: a dynamic body squeezed
 * between a kinematic and a static one (infinite masses on both sides) can be pushed through; a
 * fast body passing near a corner may feel a "ghost" contact.
 *
 * <p>Mixing per pair: friction sqrt(mu_a mu_b), restitution max(e_a, e_b), as Box2D.
 *
 * <p>A free body (no contact impulse, no applied force) integrates its table friction exactly: the
 * friction impulse is spread as a constant force over the part of the substep it needs, so a lone
 * slide covers v^2 / (2 mu g) at any step size. Bodies in contact integrate plainly, so contact
 * constraints hold.
 *
 * <p>Deterministic: bodies, shapes and manifolds are visited in insertion order, one thread, no
 * hashing; the same calls give the same bits.
 */
public final class World {
  private static final int MAX_BODIES = 1 << 19;

  private final WorldSettings settings;
  private final List<Body> bodies = new ArrayList<>();
  private final List<Body> view = Collections.unmodifiableList(bodies);
  private final Collide collide = new Collide();
  private Manifold[] current = new Manifold[16];
  private Manifold[] previous = new Manifold[16];
  private int currentCount;
  private int previousCount;
  private Body[] array = new Body[8];

  public World(WorldSettings settings) {
    this.settings = settings;
  }

  public World() {
    this(WorldSettings.defaults());
  }

  public WorldSettings settings() {
    return settings;
  }

  /** Builds the body and puts it in the world. */
  public Body add(BodyBuilder builder) {
    if (bodies.size() >= MAX_BODIES) {
      throw new IllegalArgumentException("a world holds at most " + MAX_BODIES + " bodies");
    }
    Body b = builder.build();
    b.index = bodies.size();
    bodies.add(b);
    if (array.length < bodies.size()) {
      array = bodies.toArray(new Body[2 * bodies.size()]);
    }
    array[b.index] = b;
    return b;
  }

  /** The bodies in the order they were added (read-only). */
  public List<Body> bodies() {
    return view;
  }

  /**
   * Advances the world by {@code dtS} seconds.
   *
   * @throws IllegalArgumentException if dtS is not positive and finite
   */
  public void step(double dtS) {
    if (!(dtS > 0) || !Double.isFinite(dtS)) {
      throw new IllegalArgumentException("time step must be positive and finite, was " + dtS);
    }
    double h = dtS / settings.substeps();
    for (int i = 0; i < settings.substeps(); i++) {
      substep(h);
    }
  }

  /**
   * Contact points of the last substep where the shapes touched (separation at most the slop) or
   * pushed: speculative points that did nothing are not counted.
   */
  public int contactCount() {
    int n = 0;
    for (int i = 0; i < previousCount; i++) {
      Manifold m = previous[i];
      for (int k = 0; k < m.count; k++) {
        if (m.separation[k] <= settings.linearSlopM() || m.normalImpulse[k] > 0) {
          n++;
        }
      }
    }
    return n;
  }

  /** Receives the contact points {@link #contactCount()} counts. */
  @FunctionalInterface
  public interface ContactVisitor {
    /**
     * One point at (x, y) [m] with the normal (nx, ny) from a to b, the separation [m] (negative
     * when overlapping) and the normal impulse of the last substep [N s].
     */
    void contact(
        Body a,
        Body b,
        double x,
        double y,
        double nx,
        double ny,
        double separation,
        double normalImpulse);
  }

  /** Visits the contact points of the last substep, in a fixed order. */
  public void forEachContact(ContactVisitor visitor) {
    for (int i = 0; i < previousCount; i++) {
      Manifold m = previous[i];
      for (int k = 0; k < m.count; k++) {
        if (m.separation[k] <= settings.linearSlopM() || m.normalImpulse[k] > 0) {
          visitor.contact(
              m.a, m.b, m.px[k], m.py[k], m.nx, m.ny, m.separation[k], m.normalImpulse[k]);
        }
      }
    }
  }

  private void substep(double h) {
    int n = bodies.size();
    Body[] all = array;
    double g = settings.gravityMps2();
    double fastest = 0;
    for (int i = 0; i < n; i++) {
      Body b = all[i];
      if (b.type == Body.Type.DYNAMIC) {
        b.vx += h * b.invMass * b.fx;
        b.vy += h * b.invMass * b.fy;
        b.w += h * b.invInertia * b.torque;
      }
      double speed =
          b.type == Body.Type.STATIC
              ? 0
              : Math.sqrt(b.vx * b.vx + b.vy * b.vy) + Math.abs(b.w) * b.boundRadius;
      b.margin = speed * h;
      fastest = Math.max(fastest, speed);
    }
    for (int i = 0; i < n; i++) {
      Body b = all[i];
      if (b.type == Body.Type.DYNAMIC) {
        b.margin += fastest * h * (1 + b.restitution);
      }
    }
    findContacts();
    for (int i = 0; i < currentCount; i++) {
      ContactSolver.prepare(current[i], h, settings);
    }
    for (int i = 0; i < currentCount; i++) {
      ContactSolver.warmStart(current[i]);
    }
    for (int i = 0; i < n; i++) {
      Body b = all[i];
      if (b.tfSliding) {
        b.vx += b.tfPx * b.invMass;
        b.vy += b.tfPy * b.invMass;
        b.w += b.tfL * b.invInertia;
      } else {
        b.tfPx = 0;
        b.tfPy = 0;
        b.tfL = 0;
      }
    }
    for (int it = 0; it < settings.velocityIterations(); it++) {
      for (int i = 0; i < n; i++) {
        Body b = all[i];
        if (b.type == Body.Type.DYNAMIC) {
          TableFriction.solve(b, h, g);
        }
      }
      for (int i = 0; i < currentCount; i++) {
        ContactSolver.solveVelocity(current[i]);
      }
    }
    for (int it = 0; it < settings.positionIterations(); it++) {
      for (int i = 0; i < currentCount; i++) {
        ContactSolver.solvePosition(current[i], h, settings);
      }
    }
    for (int i = 0; i < n; i++) {
      all[i].touched = false;
    }
    for (int i = 0; i < currentCount; i++) {
      Manifold m = current[i];
      for (int k = 0; k < m.count; k++) {
        if (m.normalImpulse[k] > 0 || m.pseudoImpulse[k] > 0) {
          m.a.touched = true;
          m.b.touched = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Body b = all[i];
      if (b.type == Body.Type.STATIC) {
        continue;
      }
      double vx = b.vx;
      double vy = b.vy;
      double w = b.w;
      if (b.type == Body.Type.DYNAMIC
          && !b.touched
          && b.fx == 0
          && b.fy == 0
          && b.torque == 0
          && (b.tfPx != 0 || b.tfPy != 0 || b.tfL != 0)) {
        // table friction alone changed the velocity: spread its impulse over the time it needs
        double half = TableFriction.activeFraction(b, h, g) / 2;
        vx -= half * b.tfPx * b.invMass;
        vy -= half * b.tfPy * b.invMass;
        w -= half * b.tfL * b.invInertia;
      }
      b.x += h * (vx + b.pvx);
      b.y += h * (vy + b.pvy);
      b.angle += h * (w + b.pw);
      b.pvx = 0;
      b.pvy = 0;
      b.pw = 0;
      b.cos = Math.cos(b.angle);
      b.sin = Math.sin(b.angle);
      b.updateGeometry();
    }
    Manifold[] t = previous;
    previous = current;
    previousCount = currentCount;
    current = t;
  }

  /** Broad and narrow phase into {@code current}, in key order, warm-started from previous. */
  private void findContacts() {
    int n = bodies.size();
    Body[] all = array;
    double spec = settings.speculativeDistanceM();
    currentCount = 0;
    int old = 0;
    for (int i = 0; i < n; i++) {
      Body a = all[i];
      for (int j = i + 1; j < n; j++) {
        Body b = all[j];
        if (a.type != Body.Type.DYNAMIC && b.type != Body.Type.DYNAMIC) {
          continue;
        }
        double reach = a.margin + b.margin + spec;
        for (int sa = 0; sa < a.shapes.length; sa++) {
          for (int sb = 0; sb < b.shapes.length; sb++) {
            if (!overlap(a.aabb, 4 * sa, b.aabb, 4 * sb, reach)) {
              continue;
            }
            if (currentCount == current.length) {
              current = java.util.Arrays.copyOf(current, 2 * current.length);
            }
            Manifold m = current[currentCount];
            if (m == null) {
              m = new Manifold();
              current[currentCount] = m;
            }
            collide.collide(a, sa, b, sb, reach, m);
            if (m.count == 0) {
              continue;
            }
            m.a = a;
            m.b = b;
            m.shapeA = sa;
            m.shapeB = sb;
            m.key = (long) i << 44 | (long) j << 24 | (long) sa << 12 | sb;
            m.friction = Math.sqrt(a.friction * b.friction);
            m.restitution = Math.max(a.restitution, b.restitution);
            while (old < previousCount && previous[old].key < m.key) {
              old++;
            }
            if (old < previousCount && previous[old].key == m.key) {
              match(previous[old], m);
            }
            currentCount++;
          }
        }
      }
    }
  }

  private static boolean overlap(double[] a, int ia, double[] b, int ib, double reach) {
    return a[ia] - reach <= b[ib + 2]
        && b[ib] <= a[ia + 2] + reach
        && a[ia + 1] - reach <= b[ib + 3]
        && b[ib + 1] <= a[ia + 3] + reach;
  }

  /** Copies the accumulated impulses of points with the same feature id. */
  private static void match(Manifold from, Manifold to) {
    for (int k = 0; k < to.count; k++) {
      for (int q = 0; q < from.count; q++) {
        if (from.id[q] == to.id[k]) {
          to.normalImpulse[k] = from.normalImpulse[q];
          to.tangentImpulse[k] = from.tangentImpulse[q];
          break;
        }
      }
    }
  }
}
