package dev.ugoki.sim.body;

/**
 * A planar two-link arm: a shoulder at the base turns the upper link, an elbow at its end turns the
 * forearm; each joint is driven by a speed servo.
 *
 * @param upperM shoulder to elbow [m]
 * @param foreM elbow to tip [m]
 * @param maxSpeedRadps top joint speed [rad/s]
 * @param maxAccelRadps2 joint acceleration limit [rad/s^2]
 * @param elbowLimitRad the elbow turns within [-limit, +limit] (0 is straight) [rad]
 */
public record ArmParams(
    double upperM,
    double foreM,
    double maxSpeedRadps,
    double maxAccelRadps2,
    double elbowLimitRad) {
  public ArmParams {
    if (!(upperM > 0 && foreM > 0 && maxSpeedRadps > 0 && maxAccelRadps2 > 0)) {
      throw new IllegalArgumentException("arm lengths, speed and acceleration must be positive");
    }
    if (!(elbowLimitRad > 0 && elbowLimitRad < Math.PI)) {
      throw new IllegalArgumentException(
          "the elbow limit must be in (0, pi), was " + elbowLimitRad);
    }
  }

  /** Farthest the tip reaches from the shoulder [m]. */
  public double maxReachM() {
    return upperM + foreM;
  }

  /** Nearest the tip comes to the shoulder with the elbow at its limit [m]. */
  public double minReachM() {
    return Math.sqrt(
        upperM * upperM + foreM * foreM + 2 * upperM * foreM * Math.cos(elbowLimitRad));
  }
}
