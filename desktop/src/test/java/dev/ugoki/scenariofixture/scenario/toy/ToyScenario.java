package dev.ugoki.scenariofixture.scenario.toy;

/** A scenario's class, for DesktopArchitectureTest's deliberate violation. */
public final class ToyScenario {
  public int steps() {
    return 1;
  }
}
