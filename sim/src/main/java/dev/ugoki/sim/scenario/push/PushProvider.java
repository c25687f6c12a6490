package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scene.Colors;
import java.util.List;

/** {@code push} as a unit: the arm pushes a T onto its target (Push-T), its expert a planner. */
public final class PushProvider implements ScenarioProvider {
  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("target", "targets", "covered")
          .count(null, false)
          .world("block and target")
          .viewWidthM(1.4)
          .speedOf("tip")
          .noCrashes()
          .score("coverage", PushConfig.SUCCESS_COVERAGE)
          .legend(Colors.OBSTACLE, "brown T", "the block the arm's tip pushes")
          .legend(Colors.GOAL, "green T", "where the block must go: 95% of it covered wins")
          .build();

  @Override
  public String name() {
    return PushScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return PushConfig.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new PushScenario(config, PushExpert::new);
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }
}
