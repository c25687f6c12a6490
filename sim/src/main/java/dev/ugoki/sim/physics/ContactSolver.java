package dev.ugoki.sim.physics;

/**
 * Sequential impulses on contact manifolds (Catto, "Iterative Dynamics with Temporal Coherence",
 * GDC 2005; Box2D-Lite's {@code Arbiter}): per point a normal impulse accumulated and clamped at 0,
 * a friction impulse accumulated and clamped to mu times the normal one, warm-started from the
 * matching point of the last substep.
 *
 * <p>Target normal velocity of a point with separation d and approach speed vn0 (measured before
 * the solve), over a substep h:
 *
 * <ul>
 *   <li>bouncing (e > 0, vn0 below -threshold, and the shapes meet within the substep): -e vn0;
 *   <li>speculative (d > 0): -d / h, so the shapes may close the gap but not cross it;
 *   <li>otherwise 0.
 * </ul>
 *
 * A speculative bounce happens when the contact is hit, even if that is up to vn0 h before the
 * shapes touch: velocities are right, positions off by at most that gap.
 *
 * <p>Position correction by split impulses (Catto 2009; Bullet's split impulse): pseudo velocities
 * remove a fraction {@code baumgarte} of the penetration beyond the slop, move the bodies in the
 * substep's integration and are then dropped, so correction adds no kinetic energy and resting
 * contacts do not jitter.
 */
final class ContactSolver {
  /** Above this condition number of K the two points act as one and are solved in turn. */
  private static final double MAX_CONDITION = 1000;

  private ContactSolver() {}

  static void prepare(Manifold m, double h, WorldSettings s) {
    Body a = m.a;
    Body b = m.b;
    double nx = m.nx;
    double ny = m.ny;
    for (int i = 0; i < m.count; i++) {
      double rax = m.px[i] - a.x;
      double ray = m.py[i] - a.y;
      double rbx = m.px[i] - b.x;
      double rby = m.py[i] - b.y;
      m.rax[i] = rax;
      m.ray[i] = ray;
      m.rbx[i] = rbx;
      m.rby[i] = rby;
      double rna = rax * ny - ray * nx;
      double rnb = rbx * ny - rby * nx;
      double kn = a.invMass + b.invMass + a.invInertia * rna * rna + b.invInertia * rnb * rnb;
      m.normalMass[i] = 1 / kn;
      // tangent (ny, -nx)
      double rta = rax * -nx - ray * ny;
      double rtb = rbx * -nx - rby * ny;
      double kt = a.invMass + b.invMass + a.invInertia * rta * rta + b.invInertia * rtb * rtb;
      m.tangentMass[i] = 1 / kt;
      double dvx = b.vx - b.w * rby - a.vx + a.w * ray;
      double dvy = b.vy + b.w * rbx - a.vy - a.w * rax;
      double vn = dvx * nx + dvy * ny;
      double sep = m.separation[i];
      if (m.restitution > 0 && vn < -s.restitutionThresholdMps() && vn * h < -sep) {
        m.targetVelocity[i] = -m.restitution * vn;
      } else {
        m.targetVelocity[i] = sep > 0 ? -sep / h : 0;
      }
    }
    m.block = false;
    if (m.count == 2) {
      double rn1a = m.rax[0] * ny - m.ray[0] * nx;
      double rn1b = m.rbx[0] * ny - m.rby[0] * nx;
      double rn2a = m.rax[1] * ny - m.ray[1] * nx;
      double rn2b = m.rbx[1] * ny - m.rby[1] * nx;
      double mass = a.invMass + b.invMass;
      double k11 = mass + a.invInertia * rn1a * rn1a + b.invInertia * rn1b * rn1b;
      double k22 = mass + a.invInertia * rn2a * rn2a + b.invInertia * rn2b * rn2b;
      double k12 = mass + a.invInertia * rn1a * rn2a + b.invInertia * rn1b * rn2b;
      double det = k11 * k22 - k12 * k12;
      if (k11 * k11 < MAX_CONDITION * det) {
        m.block = true;
        m.k11 = k11;
        m.k12 = k12;
        m.k22 = k22;
        m.inv11 = k22 / det;
        m.inv12 = -k12 / det;
        m.inv22 = k11 / det;
      }
    }
  }

  static void warmStart(Manifold m) {
    Body a = m.a;
    Body b = m.b;
    for (int i = 0; i < m.count; i++) {
      double pxI = m.normalImpulse[i] * m.nx + m.tangentImpulse[i] * m.ny;
      double pyI = m.normalImpulse[i] * m.ny - m.tangentImpulse[i] * m.nx;
      apply(a, b, m.rax[i], m.ray[i], m.rbx[i], m.rby[i], pxI, pyI);
    }
  }

  static void solveVelocity(Manifold m) {
    Body a = m.a;
    Body b = m.b;
    double nx = m.nx;
    double ny = m.ny;
    double tx = ny;
    double ty = -nx;
    for (int i = 0; i < m.count; i++) {
      double rax = m.rax[i];
      double ray = m.ray[i];
      double rbx = m.rbx[i];
      double rby = m.rby[i];
      double dvx = b.vx - b.w * rby - a.vx + a.w * ray;
      double dvy = b.vy + b.w * rbx - a.vy - a.w * rax;
      double vt = dvx * tx + dvy * ty;
      double maxF = m.friction * m.normalImpulse[i];
      double old = m.tangentImpulse[i];
      double acc = Math.max(-maxF, Math.min(maxF, old - m.tangentMass[i] * vt));
      m.tangentImpulse[i] = acc;
      double d = acc - old;
      apply(a, b, rax, ray, rbx, rby, d * tx, d * ty);
    }
    if (m.block) {
      solveBlock(m);
      return;
    }
    for (int i = 0; i < m.count; i++) {
      double rax = m.rax[i];
      double ray = m.ray[i];
      double rbx = m.rbx[i];
      double rby = m.rby[i];
      double dvx = b.vx - b.w * rby - a.vx + a.w * ray;
      double dvy = b.vy + b.w * rbx - a.vy - a.w * rax;
      double vn = dvx * nx + dvy * ny;
      double old = m.normalImpulse[i];
      double acc = Math.max(0, old - m.normalMass[i] * (vn - m.targetVelocity[i]));
      m.normalImpulse[i] = acc;
      double d = acc - old;
      apply(a, b, rax, ray, rbx, rby, d * nx, d * ny);
    }
  }

  /**
   * Both normal impulses of a two-point manifold at once, as the 2x2 linear complementarity problem
   * it is (Box2D's block solver: try both points pushing, each alone, neither). Sequential passes
   * over the two points leave them unequal, which turns a block that should only translate.
   */
  private static void solveBlock(Manifold m) {
    Body a = m.a;
    Body b = m.b;
    double nx = m.nx;
    double ny = m.ny;
    double a1 = m.normalImpulse[0];
    double a2 = m.normalImpulse[1];
    double b1 = normalVelocity(m, 0) - m.targetVelocity[0] - (m.k11 * a1 + m.k12 * a2);
    double b2 = normalVelocity(m, 1) - m.targetVelocity[1] - (m.k12 * a1 + m.k22 * a2);
    double x1 = -(m.inv11 * b1 + m.inv12 * b2);
    double x2 = -(m.inv12 * b1 + m.inv22 * b2);
    if (!(x1 >= 0 && x2 >= 0)) {
      x1 = -b1 / m.k11;
      x2 = 0;
      if (!(x1 >= 0 && m.k12 * x1 + b2 >= 0)) {
        x1 = 0;
        x2 = -b2 / m.k22;
        if (!(x2 >= 0 && m.k12 * x2 + b1 >= 0)) {
          x1 = 0;
          x2 = 0;
          if (!(b1 >= 0 && b2 >= 0)) {
            return; // no solution found (degenerate): keep the impulses as they are
          }
        }
      }
    }
    double d1 = x1 - a1;
    double d2 = x2 - a2;
    apply(a, b, m.rax[0], m.ray[0], m.rbx[0], m.rby[0], d1 * nx, d1 * ny);
    apply(a, b, m.rax[1], m.ray[1], m.rbx[1], m.rby[1], d2 * nx, d2 * ny);
    m.normalImpulse[0] = x1;
    m.normalImpulse[1] = x2;
  }

  private static double normalVelocity(Manifold m, int i) {
    Body a = m.a;
    Body b = m.b;
    double dvx = b.vx - b.w * m.rby[i] - a.vx + a.w * m.ray[i];
    double dvy = b.vy + b.w * m.rbx[i] - a.vy - a.w * m.rax[i];
    return dvx * m.nx + dvy * m.ny;
  }

  static void solvePosition(Manifold m, double h, WorldSettings s) {
    Body a = m.a;
    Body b = m.b;
    double nx = m.nx;
    double ny = m.ny;
    double gain = s.baumgarte() / h;
    for (int i = 0; i < m.count; i++) {
      double depth = -m.separation[i] - s.linearSlopM();
      if (depth <= 0) {
        continue;
      }
      double rax = m.rax[i];
      double ray = m.ray[i];
      double rbx = m.rbx[i];
      double rby = m.rby[i];
      double dvx = b.pvx - b.pw * rby - a.pvx + a.pw * ray;
      double dvy = b.pvy + b.pw * rbx - a.pvy - a.pw * rax;
      double vn = dvx * nx + dvy * ny;
      double old = m.pseudoImpulse[i];
      double acc = Math.max(0, old - m.normalMass[i] * (vn - gain * depth));
      m.pseudoImpulse[i] = acc;
      double d = acc - old;
      double pxI = d * nx;
      double pyI = d * ny;
      a.pvx -= a.invMass * pxI;
      a.pvy -= a.invMass * pyI;
      a.pw -= a.invInertia * (rax * pyI - ray * pxI);
      b.pvx += b.invMass * pxI;
      b.pvy += b.invMass * pyI;
      b.pw += b.invInertia * (rbx * pyI - rby * pxI);
    }
  }

  private static void apply(
      Body a, Body b, double rax, double ray, double rbx, double rby, double pxI, double pyI) {
    a.vx -= a.invMass * pxI;
    a.vy -= a.invMass * pyI;
    a.w -= a.invInertia * (rax * pyI - ray * pxI);
    b.vx += b.invMass * pxI;
    b.vy += b.invMass * pyI;
    b.w += b.invInertia * (rbx * pyI - rby * pxI);
  }
}
