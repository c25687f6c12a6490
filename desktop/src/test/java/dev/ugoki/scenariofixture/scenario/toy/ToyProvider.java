package dev.ugoki.scenariofixture.scenario.toy;

/** Its own package may use the scenario's classes. */
public final class ToyProvider {
  public ToyScenario make() {
    return new ToyScenario();
  }
}
