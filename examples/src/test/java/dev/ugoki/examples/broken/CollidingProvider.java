package dev.ugoki.examples.broken;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.List;

/** A plugin's provider that takes a built-in scenario's name: LauncherIT's jar refuses it. */
public final class CollidingProvider implements ScenarioProvider {
  @Override
  public String name() {
    return "race";
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public Scenario make(Config config) {
    throw new UnsupportedOperationException("never made: its name is taken");
  }

  @Override
  public Presentation presentation() {
    return Presentation.builder().build();
  }
}
