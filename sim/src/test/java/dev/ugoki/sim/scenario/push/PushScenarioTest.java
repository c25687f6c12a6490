package dev.ugoki.sim.scenario.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Push-T on the arm: its checks of bad input, its still block, and its expert. */
class PushScenarioTest {
  @Test
  void badInputIsRefusedInOneLineBeforeAnythingRuns() {
    assertThatThrownBy(() -> Scenarios.make("push", Map.of("block.unit", 0.2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a T of block.unit 0.200 m cannot turn on a table of table.size")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> Scenarios.make("push", Map.of("table.y", 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond an arm of the family that reaches");
    for (String key : new String[] {"block.mass", "block.friction", "tip.radius"}) {
      for (double v : new double[] {0, -1, Double.NaN}) {
        assertThatThrownBy(() -> Scenarios.make("push", Map.of(key, v)))
            .as(key + " " + v)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
      }
    }
    Env env = Scenarios.make("push");
    env.reset(1);
    assertThatThrownBy(() -> env.step(new float[] {Float.NaN, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shoulder");
  }

  @Test
  void aBlockNobodyPushesStaysWhereItIs() {
    Env env = Scenarios.make("push");
    env.reset(3);
    PushScenario push = (PushScenario) env.unwrapped();
    double[] before = push.block();
    for (int i = 0; i < 1000; i++) {
      env.step(new float[] {0, 0});
    }
    assertThat(push.block()).containsExactly(before);
  }

  @Test
  void theExpertCoversTheTargetOnNearlyEveryUnseenSeed() {
    int wins = 0;
    for (long seed = 1001; seed <= 1020; seed++) {
      Env env = Scenarios.make("push");
      env.reset(seed);
      Expert expert = env.expert();
      StepResult r;
      do {
        r = env.step(expert.act());
      } while (!r.done());
      if (r.info().success()) {
        wins++;
        assertThat(r.info().progress()).isGreaterThanOrEqualTo(0.95);
      }
    }
    assertThat(wins)
        .as("of 20 seeds (100 of 100 seeds 1001-1100 measured)")
        .isGreaterThanOrEqualTo(18);
  }
}
