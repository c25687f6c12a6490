package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.ParallelEnv;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scenario.race.RaceProvider;
import java.util.List;

/**
 * {@code grandprix} as a unit: one car among others on a race track, the others driven by the grand
 * prix's expert at a pace; the expert itself drives the car at full pace.
 */
public final class GrandPrixProvider implements ScenarioProvider {
  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("lap", "laps", "done")
          .count(dev.ugoki.sim.scenario.race.RaceConfig.LAPS, false)
          .world("track")
          .viewWidthM(80)
          .speedKmh()
          .legend(RaceProvider.TRACK_LEGEND)
          .legend(Presentation.RAYS)
          .build();

  @Override
  public String name() {
    return GrandPrixScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return GrandPrixScenario.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new GrandPrixScenario(config, s -> s::expertAction);
  }

  @Override
  public java.util.Optional<ParallelEnv> parallel(Config config) {
    return java.util.Optional.of(new GrandPrix(config));
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }
}
