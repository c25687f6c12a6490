package dev.ugoki.sim.env;

import java.util.SplittableRandom;

/**
 * Adds Gaussian sensor noise to every observation channel, with a standard deviation that is a
 * fraction of the channel's range, and keeps the result inside the declared bounds. Its random
 * stream is seeded from the reset seed (mixed, so it is independent of the scenario's own stream):
 * the same seed gives the same noise.
 */
public final class ObservationNoise extends ObservationWrapper {
  /** Mixed into the reset seed so that the noise stream differs from the scenario's. */
  private static final long STREAM_SALT = 0x3C6EF372FE94F82BL;

  private final double sigmaFraction;
  private SplittableRandom random;

  public ObservationNoise(Env env, double sigmaFraction) {
    super(env);
    if (!(sigmaFraction >= 0 && sigmaFraction <= 1)) {
      throw new IllegalArgumentException("noise fraction must be in [0, 1], was " + sigmaFraction);
    }
    this.sigmaFraction = sigmaFraction;
  }

  @Override
  protected void onReset(long seed) {
    random = new SplittableRandom(seed ^ STREAM_SALT);
  }

  @Override
  protected float[] observation(float[] clean) {
    return add(clean, observationSpec(), sigmaFraction, random);
  }

  /**
   * A copy of {@code clean} (the inner env may keep its array) with Gaussian noise of standard
   * deviation {@code sigmaFraction} of each channel's range, kept inside the bounds of {@code
   * spec}: the noise of this wrapper and of {@link DomainRandomization}'s sensors.
   */
  static float[] add(float[] clean, Spec spec, double sigmaFraction, SplittableRandom random) {
    float[] obs = clean.clone();
    for (int i = 0; i < obs.length; i++) {
      double sigma = sigmaFraction * (spec.high(i) - spec.low(i));
      double v = obs[i] + sigma * random.nextGaussian();
      obs[i] = (float) Math.max(spec.low(i), Math.min(spec.high(i), v));
    }
    return obs;
  }
}
