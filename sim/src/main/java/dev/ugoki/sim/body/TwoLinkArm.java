package dev.ugoki.sim.body;

/**
 * Planar two-link arm kinematics with the shoulder at the origin. Forward kinematics: elbow = l1
 * (cos q1, sin q1), tip = elbow + l2 (cos(q1 + q2), sin(q1 + q2)). Each joint's speed moves toward
 * its command at the acceleration limit (as {@link DiffDrive}'s wheels), the angle integrates the
 * mean speed of the step exactly, and the elbow stops at its limits.
 */
public final class TwoLinkArm {
  private final ArmParams p;

  public TwoLinkArm(ArmParams params) {
    this.p = params;
  }

  public ArmParams params() {
    return p;
  }

  /**
   * The joints after {@code dtS} seconds.
   *
   * @param shoulderCmd shoulder speed command as a fraction of the top speed, in [-1, 1]
   * @param elbowCmd the same for the elbow
   */
  public ArmState step(ArmState s, double shoulderCmd, double elbowCmd, double dtS) {
    double a = p.maxAccelRadps2();
    double[] sh = Servo.ramp(s.shoulderRadps(), shoulderCmd * p.maxSpeedRadps(), a, dtS);
    double[] el = Servo.ramp(s.elbowRadps(), elbowCmd * p.maxSpeedRadps(), a, dtS);
    double q2 = s.elbowRad() + el[1] * dtS;
    double w2 = el[0];
    double lim = p.elbowLimitRad();
    if (q2 > lim || q2 < -lim) {
      q2 = Math.max(-lim, Math.min(lim, q2));
      w2 = 0;
    }
    return new ArmState(s.shoulderRad() + sh[1] * dtS, q2, sh[0], w2);
  }

  /** The elbow's position, x and y [m]. */
  public double[] elbow(ArmState s) {
    return new double[] {
      p.upperM() * Math.cos(s.shoulderRad()), p.upperM() * Math.sin(s.shoulderRad())
    };
  }

  /** The tip's position, x and y [m]. */
  public double[] tip(ArmState s) {
    double a = s.shoulderRad() + s.elbowRad();
    return new double[] {
      p.upperM() * Math.cos(s.shoulderRad()) + p.foreM() * Math.cos(a),
      p.upperM() * Math.sin(s.shoulderRad()) + p.foreM() * Math.sin(a)
    };
  }

  /** The tip's speed [m/s]: the length of J(q) w, J the Jacobian of {@link #tip}. */
  public double tipSpeedMps(ArmState s) {
    double a = s.shoulderRad() + s.elbowRad();
    double w1 = s.shoulderRadps();
    double w12 = s.shoulderRadps() + s.elbowRadps();
    double vx = -p.upperM() * Math.sin(s.shoulderRad()) * w1 - p.foreM() * Math.sin(a) * w12;
    double vy = p.upperM() * Math.cos(s.shoulderRad()) * w1 + p.foreM() * Math.cos(a) * w12;
    return Math.hypot(vx, vy);
  }

  /**
   * Inverse kinematics: the joint angles {shoulder, elbow} that put the tip at (x, y), with the
   * elbow bent positive ({@code elbowPositive}) or negative; null when the point is out of reach or
   * needs the elbow past its limit. Law of cosines: cos q2 = (r^2 - l1^2 - l2^2) / (2 l1 l2), q1 =
   * atan2(y, x) - atan2(l2 sin q2, l1 + l2 cos q2).
   */
  public double[] inverse(double x, double y, boolean elbowPositive) {
    double l1 = p.upperM();
    double l2 = p.foreM();
    double c2 = (x * x + y * y - l1 * l1 - l2 * l2) / (2 * l1 * l2);
    if (c2 > 1 + 1e-12 || c2 < -1 - 1e-12) {
      return null;
    }
    double q2 = Math.acos(Math.max(-1, Math.min(1, c2)));
    if (!elbowPositive) {
      q2 = -q2;
    }
    if (Math.abs(q2) > p.elbowLimitRad() + 1e-12) {
      return null;
    }
    double q1 = Math.atan2(y, x) - Math.atan2(l2 * Math.sin(q2), l1 + l2 * Math.cos(q2));
    return new double[] {q1, q2};
  }
}
