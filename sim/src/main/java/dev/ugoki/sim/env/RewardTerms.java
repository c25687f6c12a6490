package dev.ugoki.sim.env;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named terms of one step's reward, each already multiplied by its configured weight, so that
 * they add up to the reward (highway-env exposes its terms the same way). Names are shared by all
 * steps of a scenario; values are this step's.
 */
public final class RewardTerms {
  private final List<String> names;
  private final double[] values;

  public RewardTerms(List<String> names, double[] values) {
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
    this.names = List.copyOf(names);
    this.values = values.clone();
  }

  /** All terms zero. */
  public static RewardTerms zero(List<String> names) {
    return new RewardTerms(names, new double[names.size()]);
  }

  public List<String> names() {
    return names;
  }

  public double get(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no reward term '" + name + "'; terms are " + names);
    }
    return values[i];
  }

  public double value(int i) {
    return values[i];
  }

  /** The reward: the sum of the terms. */
  public double total() {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  /** Term-wise sum, for wrappers that merge several simulation steps into one. */
  public RewardTerms plus(RewardTerms other) {
    if (!names.equals(other.names)) {
      throw new IllegalArgumentException("cannot add terms " + other.names + " to " + names);
    }
    double[] sum = values.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.values[i];
    }
    return new RewardTerms(names, sum);
  }

  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(names.get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RewardTerms t && names.equals(t.names) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
