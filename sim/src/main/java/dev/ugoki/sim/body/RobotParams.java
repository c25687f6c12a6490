package dev.ugoki.sim.body;

/**
 * A differential-drive robot: a round base with two driven wheels.
 *
 * @param radiusM body radius [m]
 * @param wheelSeparationM distance between the wheels [m]
 * @param maxWheelSpeedMps top speed of each wheel's rim [m/s]
 * @param maxWheelAccelMps2 how fast each wheel's speed can change [m/s^2]
 */
public record RobotParams(
    double radiusM, double wheelSeparationM, double maxWheelSpeedMps, double maxWheelAccelMps2) {

  /** A small indoor robot. */
  public static RobotParams standard() {
    return new RobotParams(0.25, 0.4, 1.2, 3.0);
  }

  public RobotParams {
    if (!(radiusM > 0 && wheelSeparationM > 0 && maxWheelSpeedMps > 0 && maxWheelAccelMps2 > 0)) {
      throw new IllegalArgumentException("invalid robot parameters: " + this);
    }
  }

  /** Turning rate with the wheels at full speed in opposite directions [rad/s]. */
  public double maxYawRateRadps() {
    return 2 * maxWheelSpeedMps / wheelSeparationM;
  }
}
