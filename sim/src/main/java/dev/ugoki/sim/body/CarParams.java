package dev.ugoki.sim.body;

/**
 * A car's geometry and limits.
 *
 * @param wheelbaseM distance between the axles [m]
 * @param lengthM body length [m]
 * @param widthM body width [m]
 * @param rearOverhangM body length behind the rear axle [m]
 * @param maxSpeedMps top speed [m/s]; the car does not reverse
 * @param maxAccelMps2 acceleration at full throttle [m/s^2]
 * @param maxBrakeMps2 deceleration at full brake [m/s^2]
 * @param maxSteerRad largest front-wheel angle [rad]
 * @param steerRateRadps how fast the front wheels turn [rad/s]
 * @param frictionMu tire-road friction coefficient; bounds the lateral acceleration at mu * g
 */
public record CarParams(
    double wheelbaseM,
    double lengthM,
    double widthM,
    double rearOverhangM,
    double maxSpeedMps,
    double maxAccelMps2,
    double maxBrakeMps2,
    double maxSteerRad,
    double steerRateRadps,
    double frictionMu) {

  /** Standard gravity [m/s^2]. */
  public static final double GRAVITY_MPS2 = 9.81;

  /** A mid-size car. */
  public static CarParams standard() {
    return new CarParams(
        2.6, 4.0, 1.8, 0.7, 25, 6, 10, Math.toRadians(30), Math.toRadians(120), 1.0);
  }

  public CarParams {
    if (!(wheelbaseM > 0
        && lengthM > widthM
        && widthM > 0
        && rearOverhangM >= 0
        && rearOverhangM < lengthM
        && maxSpeedMps > 0
        && maxAccelMps2 > 0
        && maxBrakeMps2 > 0
        && maxSteerRad > 0
        && maxSteerRad < Math.PI / 2
        && steerRateRadps > 0
        && frictionMu > 0)) {
      throw new IllegalArgumentException("invalid car parameters: " + this);
    }
  }

  /** Lateral acceleration the tires can hold [m/s^2]. */
  public double maxLateralAccelMps2() {
    return frictionMu * GRAVITY_MPS2;
  }

  /** Distance from the rear axle forward to the middle of the body [m]. */
  public double centerOffsetM() {
    return lengthM / 2 - rearOverhangM;
  }

  /** Radius of the discs the body is made of for collision [m]: half the width. */
  public double discRadiusM() {
    return widthM / 2;
  }

  /**
   * Distances from the rear axle forward to the centres of the collision discs [m]: four discs
   * spaced evenly between the two ends of the body, so that their union is a capsule (a stadium of
   * the body's length and width) narrowed by at most 0.1 m between discs, and nothing can pass
   * between them. The car is drawn as that capsule.
   */
  public double[] discOffsetsM() {
    int discs = 4;
    double first = -rearOverhangM + discRadiusM();
    double last = lengthM - rearOverhangM - discRadiusM();
    double[] off = new double[discs];
    for (int i = 0; i < discs; i++) {
      off[i] = first + (last - first) * i / (discs - 1);
    }
    return off;
  }

  /**
   * The largest yaw rate the car can reach at any speed [rad/s]: below the friction limit it is v
   * tan(maxSteer) / L, above it mu g / v; they meet at v^2 = mu g L / tan(maxSteer).
   */
  public double maxYawRateRadps() {
    double k = Math.tan(maxSteerRad) / wheelbaseM;
    double vMeet = Math.sqrt(maxLateralAccelMps2() / k);
    return Math.min(vMeet, maxSpeedMps) * k;
  }
}
