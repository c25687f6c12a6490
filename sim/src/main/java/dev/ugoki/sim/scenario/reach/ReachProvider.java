package dev.ugoki.sim.scenario.reach;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scene.Colors;
import java.util.List;

/** {@code reach} as a unit: an arm touches targets in order, its expert inverse kinematics. */
public final class ReachProvider implements ScenarioProvider {
  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("target", "targets", "touched")
          .count("targets", true)
          .world("set of targets")
          .viewWidthM(6)
          .speedOf("tip")
          .noCrashes()
          .legend(Colors.GOAL_ACTIVE, "red circle", "the target the arm's tip must reach now")
          .legend(Colors.GOAL, "green circles", "the targets after it")
          .legend(Presentation.TRAIL)
          .build();

  @Override
  public String name() {
    return ReachScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return ReachConfig.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new ReachScenario(config, ReachExpert::new);
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }
}
