package dev.ugoki.sim.scenario.race.grandprix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridDriverTest {
  /** The race's finish order; asserts that no car crashed or caused a collision. */
  private static List<String> race(long seed, int laps, double[] paces) {
    GrandPrix gp =
        new GrandPrix(
            Config.defaults(GrandPrix.NAME, GrandPrixConfig.PARAMS)
                .with(Map.of("race.laps", laps, GrandPrixConfig.CARS, paces.length)));
    gp.reset(seed);
    List<String> order = new ArrayList<>();
    while (!gp.agents().isEmpty()) {
      for (Map.Entry<String, StepResult> e : gp.step(GridDriver.all(gp, paces)).entrySet()) {
        StepResult s = e.getValue();
        assertThat(s.info().crashed()).as("seed %d %s crashed", seed, e.getKey()).isFalse();
        assertThat(s.info().rewardTerms().get("collision"))
            .as("seed %d %s hit a car ahead", seed, e.getKey())
            .isZero();
        assertThat(s.truncated()).isFalse();
        if (s.info().success()) {
          order.add(e.getKey());
        }
      }
    }
    return order;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void aGradedFieldFinishesCleanlyInTheOrderOfItsPace(long seed) {
    assertThat(race(seed, 1, new double[] {1, 0.95, 0.9, 0.85}))
        .containsExactly("car.0", "car.1", "car.2", "car.3");
  }

  /** It does not overtake yet: the faster car keeps its distance behind the slower one. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void aFasterCarBehindASlowerOneFollowsWithoutTouchingIt(long seed) {
    assertThat(race(seed, 2, new double[] {0.8, 1})).containsExactly("car.0", "car.1");
  }

  /** The winner is paid the whole finish weight, the last car none of it; places are kept. */
  @org.junit.jupiter.api.Test
  void theFinishPaysTheShareOfTheFieldBehind() {
    GrandPrix gp =
        new GrandPrix(
            Config.defaults(GrandPrix.NAME, GrandPrixConfig.PARAMS)
                .with(Map.of("race.laps", 1, GrandPrixConfig.CARS, 3)));
    gp.reset(2);
    double[] paces = {1, 0.9, 0.8};
    Map<String, Double> finish = new java.util.LinkedHashMap<>();
    while (!gp.agents().isEmpty()) {
      for (Map.Entry<String, StepResult> e : gp.step(GridDriver.all(gp, paces)).entrySet()) {
        if (e.getValue().info().success()) {
          finish.put(e.getKey(), e.getValue().info().rewardTerms().get("finish"));
        }
      }
    }
    // reward.finish is 10: 1, 1/2 and 0 of the field behind
    assertThat(finish)
        .containsExactly(
            Map.entry("car.0", 10.0), Map.entry("car.1", 5.0), Map.entry("car.2", 0.0));
    assertThat(gp.place("car.0")).isZero();
    assertThat(gp.place("car.2")).isEqualTo(2);
  }
}
