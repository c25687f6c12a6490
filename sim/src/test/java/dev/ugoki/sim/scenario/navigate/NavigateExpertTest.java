package dev.ugoki.sim.scenario.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expert proves the scenario solvable: it is the baseline and the teacher. */
class NavigateExpertTest {

  @Test
  void theExpertReachesEveryGoalOnAtLeast95PercentOfSeeds() {
    NavigateScenario scenario =
        (NavigateScenario) Scenarios.make(NavigateScenario.NAME).unwrapped();
    int maxSteps = scenario.config().integer(CommonParams.MAX_STEPS);
    int seeds = 100;
    int successes = 0;
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      scenario.reset(seed);
      Expert expert = scenario.expert();
      StepResult r = null;
      for (int step = 0; step < maxSteps && (r == null || !r.done()); step++) {
        float[] action = expert.act();
        assertThat(scenario.actionSpec().contains(action)).isTrue();
        r = scenario.step(action);
      }
      if (r.info().success()) {
        successes++;
      } else {
        failures.add(
            "seed "
                + seed
                + (r.info().crashed() ? " crashed" : " ran out of time")
                + " after "
                + (int) r.info().progress()
                + " goals");
      }
    }
    double rate = (double) successes / seeds;
    System.out.printf(
        "navigate expert: every goal reached on %d of %d seeds (%.0f%%)%s%n",
        successes, seeds, 100 * rate, failures.isEmpty() ? "" : "; " + failures);
    assertThat(rate).as("success rate; failures: %s", failures).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theExpertIdlesOnceEveryGoalIsReached() {
    NavigateScenario scenario =
        (NavigateScenario) Scenarios.make(NavigateScenario.NAME).unwrapped();
    scenario.reset(3);
    Expert expert = scenario.expert();
    StepResult r = scenario.step(expert.act());
    for (int step = 1; step < 1500 && !r.done(); step++) {
      r = scenario.step(expert.act());
    }
    assertThat(r.info().success()).isTrue();
    assertThat(expert.act()).containsExactly(0f, 0f);
  }
}
