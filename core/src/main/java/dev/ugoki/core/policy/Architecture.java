package dev.ugoki.core.policy;

/**
 * The shape of a policy network: two multilayer perceptrons side by side on the same input, one for
 * the action mean (the actor) and one for the state value (the critic), each with {@code layers}
 * hidden layers of {@code hidden} tanh units.
 */
public record Architecture(int obsSize, int actSize, int hidden, int layers) {
  public Architecture {
    if (obsSize < 1 || actSize < 1 || hidden < 1 || layers < 1) {
      throw new IllegalArgumentException(
          "invalid architecture " + obsSize + " -> " + layers + " x " + hidden + " -> " + actSize);
    }
  }
}
