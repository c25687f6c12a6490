package dev.ugoki.core.algorithm;

import java.util.SplittableRandom;

/**
 * DART's noise (Laskey et al., 2017): a demonstrator's executed action perturbed by Gaussian noise,
 * so that the demonstrations visit the states a learner's small errors lead to, while the clean
 * action is what is recorded.
 */
public final class Dart {
  private Dart() {}

  /**
   * {@code action} plus Gaussian noise of standard deviation {@code noise} times the channel's
   * half-range, clipped into {@code [low, high]}.
   */
  public static double noisy(
      double action, double noise, float low, float high, SplittableRandom r) {
    double halfRange = 0.5 * (high - low);
    return Math.max(low, Math.min(high, action + noise * halfRange * r.nextGaussian()));
  }
}
