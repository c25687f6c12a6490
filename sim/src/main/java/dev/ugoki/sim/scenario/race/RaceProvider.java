package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scene.Colors;
import java.util.List;

/** {@code race} as a unit: a car laps a generated track, its expert pure pursuit. */
public final class RaceProvider implements ScenarioProvider {
  /** What the track's lines mean, for every scenario of race's unit. */
  public static final List<Presentation.Legend> TRACK_LEGEND =
      List.of(
          new Presentation.Legend(
              Colors.LINE_WHITE, "white lines", "the track's edges: touching one is a crash"),
          new Presentation.Legend(Colors.CENTERLINE, "yellow dashes", "the centerline"),
          new Presentation.Legend(
              Colors.LINE_WHITE, "white bar", "the start and finish line: a lap ends there"));

  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("lap", "laps", "done")
          .count("race.laps", false)
          .world("track")
          .viewWidthM(80)
          .speedKmh()
          .legend(TRACK_LEGEND)
          .legend(Presentation.RAYS)
          .legend(Presentation.TRAIL)
          // a window watches the car lap on, not stop after one
          .watch("race.laps", 100)
          .watch(CommonParams.MAX_STEPS, 1_000_000)
          .build();

  @Override
  public String name() {
    return RaceScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return RaceConfig.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new RaceScenario(config, PurePursuit::new);
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }
}
