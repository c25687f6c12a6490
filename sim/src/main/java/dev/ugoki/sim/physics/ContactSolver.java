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

      dvx = b.vx - b.w * rby - a.vx + a.w * ray;
      dvy = b.vy + b.w * rbx - a.vy - a.w * rax;
      double vn = dvx * nx + dvy * ny;
      old = m.normalImpulse[i];
      acc = Math.max(0, old - m.normalMass[i] * (vn - m.targetVelocity[i]));
      m.normalImpulse[i] = acc;
      d = acc - old;
      apply(a, b, rax, ray, rbx, rby, d * nx, d * ny);
    }
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
