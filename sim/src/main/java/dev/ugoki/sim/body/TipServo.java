package dev.ugoki.sim.body;

/**
 * Drives a two-link arm's tip toward a point by its joint speeds (resolved-rate control): the tip
 * velocity wanted, {@code gain} x the distance to the point plus a feed-forward velocity, capped at
 * a speed, is turned into joint speeds through the inverse of the arm's Jacobian (damped near the
 * straight arm, where it has none), and into the arm's speed commands in [-1, 1], both scaled down
 * together when one would pass its limit so that the tip keeps its direction. How a person's
 * pointer and the push expert move the tip; the servos' acceleration limit does the rest.
 */
public final class TipServo {
  /** Proportional gain from distance to tip speed [1/s]. */
  public static final double GAIN = 6;

  /** Damping of the inverse near a straight arm [m]. */
  private static final double DAMPING_M = 0.05;

  private TipServo() {}

  /**
   * The joint commands {shoulder, elbow} that move the tip of {@code arm} in state {@code s} toward
   * (x, y), with the feed-forward velocity (vx, vy), at most {@code maxSpeedMps}.
   */
  public static float[] toward(
      TwoLinkArm arm, ArmState s, double x, double y, double vx, double vy, double maxSpeedMps) {
    ArmParams p = arm.params();
    double[] tip = arm.tip(s);
    double ux = vx + GAIN * (x - tip[0]);
    double uy = vy + GAIN * (y - tip[1]);
    double u = Math.hypot(ux, uy);
    if (u > maxSpeedMps) {
      ux *= maxSpeedMps / u;
      uy *= maxSpeedMps / u;
    }
    double l1 = p.upperM();
    double l2 = p.foreM();
    double a = s.shoulderRad() + s.elbowRad();
    // J = [[-l1 s1 - l2 s12, -l2 s12], [l1 c1 + l2 c12, l2 c12]]
    double j11 = -l1 * Math.sin(s.shoulderRad()) - l2 * Math.sin(a);
    double j12 = -l2 * Math.sin(a);
    double j21 = l1 * Math.cos(s.shoulderRad()) + l2 * Math.cos(a);
    double j22 = l2 * Math.cos(a);
    // damped least squares: w = J^T (J J^T + d^2 I)^-1 u, the plain inverse far from singular
    double a11 = j11 * j11 + j12 * j12 + DAMPING_M * DAMPING_M;
    double a12 = j11 * j21 + j12 * j22;
    double a22 = j21 * j21 + j22 * j22 + DAMPING_M * DAMPING_M;
    double det = a11 * a22 - a12 * a12;
    double bx = (a22 * ux - a12 * uy) / det;
    double by = (-a12 * ux + a11 * uy) / det;
    double w1 = j11 * bx + j21 * by;
    double w2 = j12 * bx + j22 * by;
    double c1 = w1 / p.maxSpeedRadps();
    double c2 = w2 / p.maxSpeedRadps();
    double m = Math.max(1, Math.max(Math.abs(c1), Math.abs(c2)));
    return new float[] {(float) (c1 / m), (float) (c2 / m)};
  }
}
