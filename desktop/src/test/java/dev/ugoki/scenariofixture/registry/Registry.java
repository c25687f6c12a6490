package dev.ugoki.scenariofixture.registry;

import dev.ugoki.scenariofixture.scenario.toy.ToyProvider;

/** The registry may wire a scenario's provider. */
public final class Registry {
  public Object wire() {
    return new ToyProvider();
  }
}
