package dev.ugoki.sim.physics;

/**
 * Coulomb friction between a dynamic body and the table under it, as an ellipsoidal limit surface
 * (Goyal, Ruina and Papadopoulos 1991; Lee and Cutkosky 1991; Lynch, Maekawa and Tanie 1992).
 *
 * <p>Model: the body presses on the table with m g spread evenly over its area, so the centre of
 * pressure is the centre of mass. The friction force f and torque tau (about the centre of mass)
 * the table can give lie in the ellipsoid
 *
 * <pre>
 *   |f|^2 / F^2 + tau^2 / T^2 <= 1,   F = mu m g,   T = mu m g c,
 * </pre>
 *
 * c the area's mean distance from the centre of mass (2 r / 3 for a disc, 0.383 a for a square of
 * side a), which is the exact torque limit of a pure spin. While the body slides with twist (v, w),
 * the wrench lies on the ellipsoid with its normal against the twist (maximum dissipation): f =
 * -F^2 v / s, tau = -T^2 w / s, s = sqrt(F^2 |v|^2 + T^2 w^2). So a lone slide decelerates at
 * exactly mu g, a lone spin at mu m g c / I, and a push off the centre of mass turns the body.
 *
 * <p>Solver: a three-dimensional constraint (vx, vy, w) = 0 among the contacts, with its impulse
 * accumulated and projected onto the ellipsoid scaled by the substep h. The projection is the one
 * of maximum dissipation in the body's mass metric: P = P* / (1 + k M / R^2) per axis, P* the
 * impulse that would stop the body and k >= 0 solving |P|_ellipsoid = 1 (Newton's method from k =
 * 0, monotone since the norm is convex and decreasing in k). It is the backward-Euler form of the
 * sliding law above: the wrench follows the end-of-substep twist. When P* lies inside the ellipsoid
 * the body stops: its velocity is set to exactly 0, so friction never reverses a motion and a body
 * at rest never creeps. The impulse is warm-started only while the body slides.
 */
final class TableFriction {
  private TableFriction() {}

  /** One projected Gauss-Seidel pass of the constraint on body b over a substep of h seconds. */
  static void solve(Body b, double h, double g) {
    double fLimit = b.tableFriction * b.mass * g * h; // [N s]
    if (!(fLimit > 0)) {
      return;
    }
    double tLimit = fLimit * b.meanRadius; // [N m s]
    double sx = b.tfPx - b.mass * b.vx;
    double sy = b.tfPy - b.mass * b.vy;
    double sl = b.tfL - b.inertia * b.w;
    double lin2 = (sx * sx + sy * sy) / (fLimit * fLimit);
    double ang2 = sl * sl / (tLimit * tLimit);
    if (lin2 + ang2 <= 1) {
      b.tfPx = sx;
      b.tfPy = sy;
      b.tfL = sl;
      b.vx = 0;
      b.vy = 0;
      b.w = 0;
      b.tfSliding = false;
      return;
    }
    double px;
    double py;
    double pl;
    if (ang2 == 0 || lin2 == 0) {
      double scale = 1 / Math.sqrt(lin2 + ang2);
      px = sx * scale;
      py = sy * scale;
      pl = sl * scale;
    } else {
      double al = b.mass / (fLimit * fLimit);
      double aa = b.inertia / (tLimit * tLimit);
      double k = 0;
      for (int i = 0; i < 60; i++) {
        double dl = 1 + al * k;
        double da = 1 + aa * k;
        double f = lin2 / (dl * dl) + ang2 / (da * da) - 1;
        double df = -2 * al * lin2 / (dl * dl * dl) - 2 * aa * ang2 / (da * da * da);
        double step = f / df;
        k -= step;
        if (!(Math.abs(step) > 1e-13 * k)) {
          break;
        }
      }
      double dl = 1 + al * k;
      double da = 1 + aa * k;
      px = sx / dl;
      py = sy / dl;
      pl = sl / da;
    }
    b.vx += (px - b.tfPx) * b.invMass;
    b.vy += (py - b.tfPy) * b.invMass;
    b.w += (pl - b.tfL) * b.invInertia;
    b.tfPx = px;
    b.tfPy = py;
    b.tfL = pl;
    b.tfSliding = true;
  }

  /**
   * The fraction of the substep over which the accumulated impulse, spent at the full limit, would
   * act: its ellipsoid norm, in [0, 1].
   */
  static double activeFraction(Body b, double h, double g) {
    double fLimit = b.tableFriction * b.mass * g * h;
    if (!(fLimit > 0)) {
      return 0;
    }
    double tLimit = fLimit * b.meanRadius;
    double q =
        (b.tfPx * b.tfPx + b.tfPy * b.tfPy) / (fLimit * fLimit) + b.tfL * b.tfL / (tLimit * tLimit);
    return Math.min(1, Math.sqrt(q));
  }
}
