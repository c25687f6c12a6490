package dev.ugoki.core.policy;

import dev.ugoki.sim.config.Param;

/**
 * The shape of a policy network: two multilayer perceptrons side by side on the same input, one for
 * the action mean (the actor) and one for the state value (the critic), each with {@code layers}
 * hidden layers of {@code hidden} tanh units.
 */
public record Architecture(int obsSize, int actSize, int hidden, int layers) {
  /**
   * The width of the hidden layers: the {@code hidden} key of every algorithm's config, and the
   * largest a policy file may declare.
   */
  public static final Param HIDDEN = Param.integer("hidden", 64, 1, 4096, "units per hidden layer");

  /**
   * The number of hidden layers: the {@code layers} key of every algorithm's config, and the most a
   * policy file may declare.
   */
  public static final Param LAYERS = Param.integer("layers", 2, 1, 16, "hidden layers per network");

  public Architecture {
    if (obsSize < 1 || actSize < 1) {
      throw new IllegalArgumentException(
          "invalid architecture " + obsSize + " -> " + layers + " x " + hidden + " -> " + actSize);
    }
    HIDDEN.check(hidden);
    LAYERS.check(layers);
  }
}
