package dev.ugoki.sim.body;

/**
 * The state of a car, at its rear axle.
 *
 * @param x rear axle position [m]
 * @param y rear axle position [m]
 * @param heading direction of travel, counter-clockwise from +x [rad]
 * @param speedMps forward speed [m/s]
 * @param steerRad front-wheel angle, positive to the left [rad]
 * @param yawRateRadps heading change over the last step divided by its duration [rad/s]
 */
public record CarState(
    double x, double y, double heading, double speedMps, double steerRad, double yawRateRadps) {

  public static CarState at(double x, double y, double heading, double speedMps) {
    return new CarState(x, y, heading, speedMps, 0, 0);
  }

  /** The same pose, stopped (after a crash). */
  public CarState stopped() {
    return new CarState(x, y, heading, 0, steerRad, 0);
  }
}
