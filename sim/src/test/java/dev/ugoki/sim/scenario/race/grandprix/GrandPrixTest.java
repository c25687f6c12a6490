package dev.ugoki.sim.scenario.race.grandprix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.scenario.race.RaceCar;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrandPrixTest {
  private static GrandPrix grandPrix(Map<String, Object> overrides) {
    return new GrandPrix(Config.defaults(GrandPrix.NAME, GrandPrixConfig.PARAMS).with(overrides));
  }

  /** car.0 drives {@code car0}; every other car brakes on its slot. */
  private static Map<String, float[]> actions(GrandPrix gp, float[] car0) {
    Map<String, float[]> a = new LinkedHashMap<>();
    for (String agent : gp.agents()) {
      a.put(agent, agent.equals("car.0") ? car0 : new float[] {0, -1});
    }
    return a;
  }

  @Test
  void theGridLinesTheCarsUpPoleFirstTwoAbreast() {
    GrandPrix gp = grandPrix(Map.of());
    gp.reset(2);
    for (int i = 0; i < 4; i++) {
      assertThat(gp.place("car." + i)).isEqualTo(i);
      assertThat(gp.car("car." + i).speedMps()).isZero();
    }
    CarState pole = gp.car("car.0");
    CarState third = gp.car("car.2");
    // the same column, two slots back
    assertThat(Math.hypot(pole.x() - third.x(), pole.y() - third.y())).isCloseTo(16, within(1.0));
  }

  @Test
  void aCarThatTouchesNothingDrivesAsRaceDrivesIt() {
    GrandPrix gp = grandPrix(Map.of());
    gp.reset(3);
    CarState start = gp.car("car.0");
    RaceCar alone = new RaceCar(gp.track(), carParams(), true, start);
    int steps = 0;
    while (gp.agents().contains("car.0")) {
      float[] drive = {0.05f * (float) Math.sin(steps / 10.0), 1};
      gp.step(actions(gp, drive));
      alone.commit(alone.propose(drive[0], drive[1], 0.05));
      assertThat(gp.car("car.0")).as("step %d", steps).isEqualTo(alone.state());
      steps++;
    }
    assertThat(steps).as("steps driven before the wall").isGreaterThan(30);
  }

  private static dev.ugoki.sim.body.CarParams carParams() {
    return dev.ugoki.sim.scenario.race.RaceConfig.of(
            Config.defaults("race", dev.ugoki.sim.scenario.race.RaceConfig.PARAMS))
        .car();
  }

  @Test
  void aCarSeesTheCarsAheadWithItsLidarAndInItsRivalChannels() {
    GrandPrix gp = grandPrix(Map.of("lidar.rays", 31));
    Map<String, float[]> first = gp.reset(4);
    float[] third = first.get("car.2");
    // its straight-ahead ray stops at the pole car's tail, 16 m - 2 m (half the pole car) - 0 m
    assertThat(third[15] * 40.0).isCloseTo(14, within(1.0));
    // the nearest car ahead along the track is car.1, a slot (8 m) up
    int ahead = 31 + RaceCar.OWN_CHANNELS;
    assertThat(third[ahead] * Rivals.SEE_M).isCloseTo(8, within(0.5));
    assertThat(third[third.length - 1]).isCloseTo(2 / 3f, within(1e-6f)); // third of four
  }

  @Test
  void theCarThatHitsAnotherFromBehindCausesTheCollision() {
    GrandPrix gp = grandPrix(Map.of());
    gp.reset(4);
    boolean hit = false;
    for (int k = 0; k < 60 && !hit; k++) {
      Map<String, float[]> a = new LinkedHashMap<>();
      for (String agent : gp.agents()) {
        a.put(agent, agent.equals("car.2") ? new float[] {0, 1} : new float[] {0, -1});
      }
      Map<String, StepResult> res = gp.step(a);
      double rammer = res.get("car.2").info().rewardTerms().get("collision");
      double rammed = res.get("car.0").info().rewardTerms().get("collision");
      if (rammer != 0) {
        hit = true;
        assertThat(rammer).isEqualTo(-2); // reward.collision's default weight, one car hit
        assertThat(rammed).isZero();
        assertThat(gp.car("car.0").speedMps()).isPositive(); // shoved ahead
      }
    }
    assertThat(hit).isTrue();
  }

  @Test
  void aGridLargerThanEightCarsIsRefusedInOneLine() {
    assertThatThrownBy(() -> grandPrix(Map.of("grid.cars", 9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grid.cars")
        .hasMessageNotContaining("\n");
  }
}
