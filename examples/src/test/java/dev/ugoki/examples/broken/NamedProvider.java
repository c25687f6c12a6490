package dev.ugoki.examples.broken;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.List;

/** A provider that only has a name: what LauncherIT's broken plugins need of one. */
abstract class NamedProvider implements ScenarioProvider {
  private final String name;

  NamedProvider(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Param> params() {
    return List.of();
  }

  @Override
  public Scenario make(Config config) {
    throw new UnsupportedOperationException("never made: the plugin is refused first");
  }

  @Override
  public Presentation presentation() {
    return Presentation.builder().build();
  }
}
