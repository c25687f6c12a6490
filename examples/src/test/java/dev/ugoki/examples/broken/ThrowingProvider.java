package dev.ugoki.examples.broken;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.List;

/** A plugin's provider that fails as it is made: LauncherIT's jar says so in one line. */
public final class ThrowingProvider implements ScenarioProvider {
  public ThrowingProvider() {
    throw new IllegalStateException("no licence server at localhost:9");
  }

  @Override
  public String name() {
    return "throwing";
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public Scenario make(Config config) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Presentation presentation() {
    return Presentation.builder().build();
  }
}
