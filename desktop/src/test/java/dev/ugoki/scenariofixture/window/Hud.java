package dev.ugoki.scenariofixture.window;

import dev.ugoki.scenariofixture.scenario.toy.ToyScenario;

/** A generic part that names a concrete scenario: the violation the rule must catch. */
public final class Hud {
  public int read(ToyScenario toy) {
    return toy.steps();
  }
}
