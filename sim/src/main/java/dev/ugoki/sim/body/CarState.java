package dev.ugoki.sim.body;

/**
 * The state of a car, at its rear axle.
 *
 * @param x rear axle position [m]
 * @param y rear axle position [m]
 * @param heading the body's heading, counter-clockwise from +x [rad]; the direction of travel
 *     unless the car slides ({@code lateralMps} not 0)
 * @param speedMps forward speed, along the body [m/s]
 * @param steerRad front-wheel angle, positive to the left [rad]
 * @param yawRateRadps the body's turn rate [rad/s]: the dynamic model's state at the end of the
 *     step; the kinematic model, which has no yaw inertia, gives its step's heading change over its
 *     duration
 * @param lateralMps the rear axle's sideways speed, positive to the left [m/s]: 0 while the rear
 *     tires grip as the kinematic model assumes, not 0 when the car slides
 */
public record CarState(
    double x,
    double y,
    double heading,
    double speedMps,
    double steerRad,
    double yawRateRadps,
    double lateralMps) {

  /** A state whose rear axle does not slide sideways. */
  public CarState(
      double x, double y, double heading, double speedMps, double steerRad, double yawRateRadps) {
    this(x, y, heading, speedMps, steerRad, yawRateRadps, 0);
  }

  public static CarState at(double x, double y, double heading, double speedMps) {
    return new CarState(x, y, heading, speedMps, 0, 0, 0);
  }

  /** The same pose, stopped (after a crash). */
  public CarState stopped() {
    return new CarState(x, y, heading, 0, steerRad, 0, 0);
  }
}
