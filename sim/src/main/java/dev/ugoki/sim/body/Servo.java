package dev.ugoki.sim.body;

/**
 * A speed servo with an acceleration limit, as the robot's wheels and the arm's joints have: its
 * speed moves toward the command at the limit and then holds it.
 */
final class Servo {
  private Servo() {}

  /**
   * {end speed, mean speed over the step} of a servo at speed {@code v0} commanded to {@code
   * target}, {@code accel} its acceleration limit, over {@code dtS} seconds. The mean is exact: it
   * integrates the ramp and the hold.
   */
  static double[] ramp(double v0, double target, double accel, double dtS) {
    double tReach = Math.abs(target - v0) / accel;
    if (tReach >= dtS) {
      double v1 = v0 + Math.copySign(accel * dtS, target - v0);
      return new double[] {v1, (v0 + v1) / 2};
    }
    double mean = ((v0 + target) / 2 * tReach + target * (dtS - tReach)) / dtS;
    return new double[] {target, mean};
  }
}
