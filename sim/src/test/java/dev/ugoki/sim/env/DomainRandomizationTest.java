package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.reach.ReachScenario;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Domain randomization on the arm, whose joints show exactly what the actuators did. */
class DomainRandomizationTest {
  private static DomainRandomization dr(Env env) {
    Env e = env;
    while (!(e instanceof DomainRandomization)) {
      e = ((EnvWrapper) e).inner();
    }
    return (DomainRandomization) e;
  }

  /** Resets on the first seed, from 1, whose episode draws a delay of {@code steps}. */
  private static void resetWithDelay(Env env, int steps) {
    for (long seed = 1; ; seed++) {
      env.reset(seed);
      if (dr(env).actionDelay() == steps) {
        return;
      }
    }
  }

  @Test
  void aDelayedActionReachesTheJointsOnlyAfterTheDelay() {
    Env env = Scenarios.make("reach", Map.of("dr.action_delay", 3));
    resetWithDelay(env, 3);
    ReachScenario arm = (ReachScenario) env.unwrapped();
    for (int k = 0; k < 3; k++) {
      env.step(new float[] {1, 1});
      assertThat(arm.joints().shoulderRadps()).as("step %d", k).isZero();
    }
    env.step(new float[] {1, 1});
    assertThat(arm.joints().shoulderRadps()).isPositive();
  }

  @Test
  void eachChannelsStrengthIsScaledWithinTheGain() {
    Env env = Scenarios.make("reach", Map.of("dr.actuator_gain", 0.5));
    ReachScenario arm = (ReachScenario) env.unwrapped();
    double maxSpeed = arm.armParams().maxSpeedRadps();
    boolean weaker = false;
    boolean stronger = false;
    for (long seed = 1; seed <= 20; seed++) {
      env.reset(seed);
      float[] g = dr(env).gains();
      for (float v : g) {
        assertThat(v).isBetween(0.5f, 1.5f);
      }
      weaker |= g[0] < 1;
      stronger |= g[0] > 1;
      for (int k = 0; k < 20; k++) { // long enough to reach the commanded speed
        env.step(new float[] {0.4f, 0});
      }
      assertThat(arm.joints().shoulderRadps()).isCloseTo(0.4 * g[0] * maxSpeed, within(1e-5));
    }
    assertThat(weaker && stronger).isTrue();
  }

  @Test
  void sensorNoiseIsDrawnPerEpisodeAndTheSameSeedGivesTheSameEpisode() {
    Map<String, Object> all =
        Map.of("dr.sensor_noise", 0.05, "dr.actuator_gain", 0.3, "dr.action_delay", 2);
    Env a = Scenarios.make("reach", all);
    Env b = Scenarios.make("reach", all);
    Env clean = Scenarios.make("reach");
    float[] oa = a.reset(4);
    assertThat(b.reset(4)).containsExactly(oa);
    assertThat(dr(a).noiseLevel()).isBetween(0.0, 0.05);
    assertThat(Arrays.equals(clean.reset(4), oa)).isFalse();
    for (int k = 0; k < 30; k++) {
      float[] act = {(float) Math.sin(k), (float) Math.cos(k)};
      assertThat(b.step(act).observation()).containsExactly(a.step(act).observation());
    }
    assertThat(a.observationSpec().contains(oa)).isTrue();
  }

  /** With an action repeat the delay counts policy steps, not simulation steps. */
  @Test
  void theDelayCountsPolicyStepsUnderAnActionRepeat() {
    Env env = Scenarios.make("reach", Map.of("dr.action_delay", 2, "action_repeat", 4));
    resetWithDelay(env, 2);
    ReachScenario arm = (ReachScenario) env.unwrapped();
    env.step(new float[] {1, 1});
    env.step(new float[] {1, 1});
    assertThat(arm.joints().shoulderRadps()).as("two policy steps of 4 sim steps").isZero();
    env.step(new float[] {1, 1});
    assertThat(arm.joints().shoulderRadps()).isPositive();
  }
}
