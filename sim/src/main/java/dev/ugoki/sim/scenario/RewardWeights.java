package dev.ugoki.sim.scenario;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.RewardTerms;
import java.util.List;

/**
 * A scenario's named reward terms and their weights, the keys {@code reward.NAME} of its config:
 * each step's term is its weight times the step's raw value of it (a distance, a count, 1 for an
 * event that happened), and the reward is their sum (highway-env's weighted reward terms).
 */
public final class RewardWeights {
  /** The config key prefix of the weights. */
  public static final String PREFIX = "reward.";

  private final List<String> names;
  private final double[] weights;

  private RewardWeights(List<String> names, double[] weights) {
    this.names = List.copyOf(names);
    this.weights = weights;
  }

  /** The weights of {@code names} in {@code config}, {@code reward.NAME} each. */
  public static RewardWeights of(Config config, List<String> names) {
    double[] w = new double[names.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = config.real(PREFIX + names.get(i));
    }
    return new RewardWeights(names, w);
  }

  public List<String> names() {
    return names;
  }

  /** The weighted terms of one step from its raw values, in the order of {@link #names()}. */
  public RewardTerms terms(double... raw) {
    if (raw.length != weights.length) {
      throw new IllegalArgumentException(raw.length + " raw values for the terms " + names);
    }
    double[] t = new double[raw.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = weights[i] * raw[i];
    }
    return new RewardTerms(names, t);
  }
}
