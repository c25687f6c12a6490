package dev.ugoki.examples.broken;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.List;

/** A second plugin that calls its scenario cartpole too: LauncherIT refuses the pair. */
public final class SecondCartPoleProvider implements ScenarioProvider {
  @Override
  public String name() {
    return "cartpole";
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
