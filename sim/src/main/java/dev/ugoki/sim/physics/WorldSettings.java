package dev.ugoki.sim.physics;

/**
 * How a {@link World} steps.
 *
 * @param velocityIterations sequential-impulse passes over the velocity constraints per substep
 * @param positionIterations split-impulse passes over the penetration per substep (0 turns position
 *     correction off)
 * @param substeps fixed substeps per {@link World#step}; more buys accuracy, not safety from
 *     tunneling (speculative contacts give that)
 * @param gravityMps2 g [m/s^2], for the table's normal force m g
 * @param linearSlopM penetration left uncorrected, so resting contacts stay touching [m]
 * @param baumgarte fraction of the penetration beyond the slop removed per substep, in (0, 1]
 * @param restitutionThresholdMps approach speed below which contacts do not bounce [m/s]
 * @param speculativeDistanceM contacts form this much before shapes touch, beyond the distance the
 *     bodies can travel in a substep [m]
 */
public record WorldSettings(
    int velocityIterations,
    int positionIterations,
    int substeps,
    double gravityMps2,
    double linearSlopM,
    double baumgarte,
    double restitutionThresholdMps,
    double speculativeDistanceM) {
  /** Standard gravity [m/s^2]. */
  public static final double STANDARD_GRAVITY_MPS2 = 9.81;

  public WorldSettings {
    if (velocityIterations < 1 || velocityIterations > 1000) {
      throw new IllegalArgumentException(
          "velocity iterations must be in [1, 1000], was " + velocityIterations);
    }
    if (positionIterations < 0 || positionIterations > 1000) {
      throw new IllegalArgumentException(
          "position iterations must be in [0, 1000], was " + positionIterations);
    }
    if (substeps < 1 || substeps > 1000) {
      throw new IllegalArgumentException("substeps must be in [1, 1000], was " + substeps);
    }
    nonNegative("gravity", gravityMps2);
    nonNegative("linear slop", linearSlopM);
    if (!(baumgarte > 0 && baumgarte <= 1)) {
      throw new IllegalArgumentException("baumgarte must be in (0, 1], was " + baumgarte);
    }
    nonNegative("restitution threshold", restitutionThresholdMps);
    nonNegative("speculative distance", speculativeDistanceM);
  }

  /**
   * 8 velocity and 3 position iterations, 1 substep, g = 9.81 m/s^2, slop 0.5 mm, Baumgarte 0.2,
   * restitution threshold 0.05 m/s, speculative distance 2 mm: sized for bodies a few centimetres
   * across.
   */
  public static WorldSettings defaults() {
    return new WorldSettings(8, 3, 1, STANDARD_GRAVITY_MPS2, 5e-4, 0.2, 0.05, 2e-3);
  }

  public WorldSettings withIterations(int velocity, int position) {
    return new WorldSettings(
        velocity,
        position,
        substeps,
        gravityMps2,
        linearSlopM,
        baumgarte,
        restitutionThresholdMps,
        speculativeDistanceM);
  }

  public WorldSettings withSubsteps(int n) {
    return new WorldSettings(
        velocityIterations,
        positionIterations,
        n,
        gravityMps2,
        linearSlopM,
        baumgarte,
        restitutionThresholdMps,
        speculativeDistanceM);
  }

  public WorldSettings withGravity(double mps2) {
    return new WorldSettings(
        velocityIterations,
        positionIterations,
        substeps,
        mps2,
        linearSlopM,
        baumgarte,
        restitutionThresholdMps,
        speculativeDistanceM);
  }

  private static void nonNegative(String what, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be at least 0 and finite, was " + v);
    }
  }
}
