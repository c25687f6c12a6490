package dev.ugoki.sim.body;

import dev.ugoki.sim.geom.Geometry;

/**
 * Differential-drive kinematics: the center moves at the mean of the wheel speeds and turns at
 * their difference over the wheel separation. Each wheel's speed moves toward its command at the
 * wheel acceleration limit; within a step the robot follows the arc of the step's mean speed and
 * mean turn rate, so the heading is the exact integral of the turn rate.
 */
public final class DiffDrive {
  private final RobotParams p;

  public DiffDrive(RobotParams params) {
    this.p = params;
  }

  public RobotParams params() {
    return p;
  }

  /**
   * The radius of a disc that, swept along the chord from one state to the next, covers the body on
   * its way [m]: the robot moves on an arc, so the body's radius grows by the arc's bulge from the
   * chord (the sagitta, chord / 2 * tan(turn / 4)); past half a circle that formula no longer
   * bounds the arc, and half the longest step ({@code dtS} at top wheel speed) does.
   */
  public double sweptRadiusM(RobotState from, RobotState to, double dtS) {
    double chord = Math.hypot(to.x() - from.x(), to.y() - from.y());
    double turn = Math.abs(to.heading() - from.heading());
    double bulge =
        turn < Math.PI - 1e-6 ? chord / 2 * Math.tan(turn / 4) : p.maxWheelSpeedMps() * dtS / 2;
    return p.radiusM() + bulge;
  }

  /**
   * The state after {@code dtS} seconds.
   *
   * @param leftCmd left wheel speed command as a fraction of the top speed, in [-1, 1]
   * @param rightCmd the same for the right wheel
   */
  public RobotState step(RobotState s, double leftCmd, double rightCmd, double dtS) {
    double a = p.maxWheelAccelMps2();
    double[] left = Servo.ramp(s.leftMps(), leftCmd * p.maxWheelSpeedMps(), a, dtS);
    double[] right = Servo.ramp(s.rightMps(), rightCmd * p.maxWheelSpeedMps(), a, dtS);
    double distance = (left[1] + right[1]) / 2 * dtS;
    double dHeading = (right[1] - left[1]) / p.wheelSeparationM() * dtS;
    double h0 = s.heading();
    double x;
    double y;
    if (Math.abs(dHeading) > 1e-9) {
      double radius = distance / dHeading;
      x = s.x() + radius * (Math.sin(h0 + dHeading) - Math.sin(h0));
      y = s.y() + radius * (Math.cos(h0) - Math.cos(h0 + dHeading));
    } else {
      x = s.x() + distance * Math.cos(h0);
      y = s.y() + distance * Math.sin(h0);
    }
    return new RobotState(x, y, Geometry.wrapAngle(h0 + dHeading), left[0], right[0]);
  }
}
