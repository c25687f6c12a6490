package dev.ugoki.sim.scenario.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.reach.ReachScenario;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiTaskScenarioTest {

  @Test
  void seedsPickTasksInProportionToTheirWeightsAndTheSameSeedTheSameTask() {
    MultiTaskScenario m =
        (MultiTaskScenario)
            Scenarios.make(
                    "multitask", Map.of("weight.race", 2, "weight.navigate", 1, "weight.reach", 1))
                .unwrapped();
    Map<String, Integer> count = new HashMap<>();
    for (long seed = 1; seed <= 2000; seed++) {
      m.reset(seed);
      count.merge(m.activeTask(), 1, Integer::sum);
    }
    assertThat(count.get("race")).isBetween(900, 1100);
    assertThat(count.get("navigate")).isBetween(400, 600);
    assertThat(count.get("reach")).isBetween(400, 600);
    m.reset(17);
    String task = m.activeTask();
    m.reset(18);
    m.reset(17);
    assertThat(m.activeTask()).isEqualTo(task);

    MultiTaskScenario noReach =
        (MultiTaskScenario) Scenarios.make("multitask", Map.of("weight.reach", 0)).unwrapped();
    assertThat(noReach.tasks()).containsExactly("race", "navigate");
    assertThat(noReach.observationSpec().names()).doesNotContain("task.reach", "tip.x");
  }

  /** Each task's keys pass through under its name; a bad one is refused naming it. */
  @Test
  void taskKeysPassThroughUnderTheTasksName() {
    MultiTaskScenario m =
        (MultiTaskScenario)
            Scenarios.make("multitask", Map.of("reach/arm.upper", 1.4, "navigate/goals", 2))
                .unwrapped();
    for (long seed = 1; m.activeTask() == null || !m.activeTask().equals("reach"); seed++) {
      m.reset(seed);
    }
    assertThat(((ReachScenario) m.activeEnv().unwrapped()).armParams().upperM()).isEqualTo(1.4);
    assertThatThrownBy(() -> Scenarios.make("multitask", Map.of("reach/arm.uper", 1)))
        .hasMessageContaining("reach/arm.uper");
    assertThatThrownBy(
            () ->
                Scenarios.make(
                    "multitask", Map.of("weight.race", 0, "weight.navigate", 0, "weight.reach", 0)))
        .hasMessageContaining("weight");
  }

  /** The expert, through the shared layout, solves whichever task the seed picked. */
  @Test
  void theExpertSolvesEveryTaskThroughTheSharedLayout() {
    Env env = Scenarios.make("multitask");
    MultiTaskScenario m = (MultiTaskScenario) env.unwrapped();
    Map<String, Integer> solved = new HashMap<>();
    for (long seed = 1; seed <= 12; seed++) {
      env.reset(seed);
      Expert e = m.expert();
      StepResult r;
      do {
        r = env.step(e.act());
      } while (!r.done());
      assertThat(r.info().success()).as("seed %d (%s)", seed, m.activeTask()).isTrue();
      solved.merge(m.activeTask(), 1, Integer::sum);
    }
    assertThat(solved).containsKeys("race", "navigate", "reach");
  }
}
