package dev.ugoki.sim.body;

/**
 * The state of a differential-drive robot.
 *
 * @param x center [m]
 * @param y center [m]
 * @param heading counter-clockwise from +x [rad]
 * @param leftMps left wheel rim speed [m/s]
 * @param rightMps right wheel rim speed [m/s]
 */
public record RobotState(double x, double y, double heading, double leftMps, double rightMps) {

  public static RobotState at(double x, double y, double heading) {
    return new RobotState(x, y, heading, 0, 0);
  }

  /** Forward speed of the center [m/s]. */
  public double speedMps() {
    return (leftMps + rightMps) / 2;
  }

  /** The same pose with both wheels stopped (after a collision). */
  public RobotState stopped() {
    return new RobotState(x, y, heading, 0, 0);
  }
}
