package dev.ugoki.sim.scenario.multitask;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code multitask} as a unit: its tasks' scenarios behind one shared layout. Made by the registry
 * from the tasks' providers, so its keys and legend are theirs.
 */
public final class MultiTaskProvider implements ScenarioProvider {
  private final List<String> tasks;
  private final List<Param> params;
  private final Presentation presentation;
  private final BiFunction<String, Map<String, ?>, Env> make;

  /**
   * @param tasks the tasks' providers, in the order of their weights' draw
   * @param make makes a task's environment from its name and its own overrides (the registry's)
   */
  public MultiTaskProvider(
      List<ScenarioProvider> tasks, BiFunction<String, Map<String, ?>, Env> make) {
    Map<String, List<Param>> taskParams = new LinkedHashMap<>();
    List<Presentation.Legend> legend = new ArrayList<>();
    for (ScenarioProvider t : tasks) {
      taskParams.put(t.name(), t.params());
      for (Presentation.Legend l : t.presentation().legend()) {
        if (!legend.contains(l)) {
          legend.add(l);
        }
      }
    }
    this.tasks = List.copyOf(taskParams.keySet());
    this.params = MultiTaskScenario.params(taskParams);
    this.make = make;
    this.presentation =
        Presentation.builder()
            // what an agent completed, in the window's table: laps, goals and targets mixed
            .success("task", "done", "done")
            .world("world")
            .viewWidthM(16)
            .legend(legend)
            .build();
  }

  @Override
  public String name() {
    return MultiTaskScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return params;
  }

  @Override
  public Scenario make(Config config) {
    return new MultiTaskScenario(config, tasks, make);
  }

  @Override
  public Presentation presentation() {
    return presentation;
  }
}
