package dev.ugoki.sim.body;

/**
 * The joints of a {@link TwoLinkArm}.
 *
 * @param shoulderRad upper link's angle from +x, counter-clockwise [rad] (not wrapped)
 * @param elbowRad forearm's angle from the upper link [rad]
 * @param shoulderRadps shoulder speed [rad/s]
 * @param elbowRadps elbow speed [rad/s]
 */
public record ArmState(
    double shoulderRad, double elbowRad, double shoulderRadps, double elbowRadps) {

  public static ArmState at(double shoulderRad, double elbowRad) {
    return new ArmState(shoulderRad, elbowRad, 0, 0);
  }
}
