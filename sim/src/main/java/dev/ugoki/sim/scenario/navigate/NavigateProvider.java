package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scene.Colors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code navigate} as a unit: a robot threads a generated room to its goals, its expert a planner.
 */
public final class NavigateProvider implements ScenarioProvider {
  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("goal", "goals", "reached")
          .count("goals", true)
          .world("room")
          .viewWidthM(16)
          .legend(
              Colors.OBSTACLE, "brown blocks", "boxes, walls and shelves: touching one is a crash")
          .legend(
              Colors.PATH,
              "pale-blue line",
              "the planned route to the goal (what the expert follows)")
          .legend(Colors.GOAL_ACTIVE, "red circle", "the goal to reach now")
          .legend(Colors.GOAL, "green circles", "the goals after it")
          .legend(Presentation.RAYS)
          .legend(Presentation.TRAIL)
          .build();

  /**
   * PPO explores the robot with less action noise than the car and looks further ahead (episodes
   * run to ~600 policy steps); its validations (100 rooms, about a second each) come every 50k
   * steps; it trains for 3M steps. What the guides' navigate figures were measured with.
   */
  private static final TrainingDefaults PPO = ppoDefaults();

  private static TrainingDefaults ppoDefaults() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("num_envs", 32);
    m.put("num_steps", 128);
    m.put("gamma", 0.995);
    m.put("init_log_std", -1.0);
    m.put("validate_every", 50_000);
    return new TrainingDefaults(3_000_000, m);
  }

  @Override
  public String name() {
    return NavigateScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return NavigateConfig.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new NavigateScenario(config, NavigateExpert::new);
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }

  @Override
  public TrainingDefaults trainingDefaults(String algorithm) {
    return algorithm.equals("ppo") ? PPO : TrainingDefaults.NONE;
  }
}
