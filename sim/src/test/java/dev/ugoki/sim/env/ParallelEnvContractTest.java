package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link ParallelEnv} contract, over every multi-agent environment, as {@code
 * ScenarioContractTest} is for single agents: seeds, determinism, observations in their specs,
 * rewards as their terms, malformed and misaddressed actions refused, agents leaving when done.
 */
class ParallelEnvContractTest {

  static Stream<Arguments> envs() {
    return Stream.of(
        Arguments.of("grandprix, 4 dynamic cars", env(Map.of())),
        Arguments.of(
            "grandprix, 2 kinematic cars, 12 lidar rays",
            env(Map.of("grid.cars", 2, "car.dynamic", false, "lidar.rays", 12))),
        Arguments.of("grandprix, 8 cars", env(Map.of("grid.cars", 8))));
  }

  private static Supplier<ParallelEnv> env(Map<String, Object> overrides) {
    return () -> Scenarios.parallel("grandprix", overrides);
  }

  /** Seeded actions for the live agents: mostly forward, steering about. */
  private static Map<String, float[]> actions(ParallelEnv env, SplittableRandom r) {
    Map<String, float[]> a = new LinkedHashMap<>();
    for (String agent : env.agents()) {
      a.put(agent, new float[] {(float) r.nextDouble(-1, 1), (float) r.nextDouble(-0.2, 1)});
    }
    return a;
  }

  private static List<Object> trace(ParallelEnv env, long seed, int steps) {
    List<Object> out = new ArrayList<>();
    for (float[] o : env.reset(seed).values()) {
      out.add(List.of(floats(o)));
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < steps && !env.agents().isEmpty(); k++) {
      for (Map.Entry<String, StepResult> e : env.step(actions(env, r)).entrySet()) {
        StepResult s = e.getValue();
        out.add(
            List.of(
                e.getKey(),
                floats(s.observation()),
                Double.doubleToRawLongBits(s.reward()),
                s.terminated(),
                s.truncated()));
      }
    }
    return out;
  }

  private static List<Float> floats(float[] a) {
    List<Float> l = new ArrayList<>();
    for (float f : a) {
      l.add(f);
    }
    return l;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void steppingBeforeAResetIsRefused(String name, Supplier<ParallelEnv> make) {
    ParallelEnv env = make.get();
    assertThatThrownBy(() -> env.step(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void everyAgentStartsWithAnObservationInsideItsSpec(String name, Supplier<ParallelEnv> make) {
    ParallelEnv env = make.get();
    Map<String, float[]> first = env.reset(7);
    assertThat(first.keySet()).containsExactlyElementsOf(env.possibleAgents());
    assertThat(env.agents()).isEqualTo(env.possibleAgents());
    for (Map.Entry<String, float[]> e : first.entrySet()) {
      assertInSpec(env.observationSpec(e.getKey()), e.getValue(), e.getKey());
    }
  }

  private static void assertInSpec(Spec spec, float[] obs, String agent) {
    assertThat(obs).as(agent).hasSize(spec.size());
    for (int i = 0; i < obs.length; i++) {
      assertThat(obs[i])
          .as("%s %s", agent, spec.names().get(i))
          .isBetween((float) spec.low(i), (float) spec.high(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void theSameSeedAndActionsGiveTheSameBitsAndOtherSeedsOthers(
      String name, Supplier<ParallelEnv> make) {
    List<Object> a = trace(make.get(), 3, 150);
    List<Object> b = trace(make.get(), 3, 150);
    ParallelEnv reused = make.get();
    trace(reused, 11, 40);
    List<Object> again = trace(reused, 3, 150);
    assertThat(b).isEqualTo(a);
    assertThat(again).as("a reset forgets the episode before").isEqualTo(a);
    assertThat(trace(make.get(), 4, 150)).isNotEqualTo(a);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void missingUnknownAndMalformedActionsAreRefusedByName(String name, Supplier<ParallelEnv> make) {
    ParallelEnv env = make.get();
    env.reset(1);
    List<String> agents = env.agents();
    String first = agents.get(0);
    Map<String, float[]> ok = actions(env, new SplittableRandom(1));

    Map<String, float[]> missing = new LinkedHashMap<>(ok);
    missing.remove(first);
    assertThatThrownBy(() -> env.step(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first);
    Map<String, float[]> unknown = new LinkedHashMap<>(ok);
    unknown.put("car.99", new float[] {0, 0});
    assertThatThrownBy(() -> env.step(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("car.99");
    Map<String, float[]> nan = new LinkedHashMap<>(ok);
    nan.put(first, new float[] {Float.NaN, 0});
    assertThatThrownBy(() -> env.step(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("NaN");
    Map<String, float[]> shortAction = new LinkedHashMap<>(ok);
    shortAction.put(first, new float[] {0});
    assertThatThrownBy(() -> env.step(shortAction))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first);
    assertThatThrownBy(() -> env.step(null)).isInstanceOf(IllegalArgumentException.class);
    // refused before anything moved: the same step afterwards gives what it gives on a fresh reset
    Map<String, StepResult> after = env.step(ok);
    ParallelEnv fresh = make.get();
    fresh.reset(1);
    Map<String, StepResult> expected = fresh.step(ok);
    for (String agent : agents) {
      assertThat(after.get(agent).observation()).isEqualTo(expected.get(agent).observation());
    }
  }

  /**
   * Driven about until the end: every step answers the agents that acted, each reward is the sum of
   * its terms and every observation is in its spec; an agent whose step ended its part is not live
   * after it and may not act again; once no agent is left, stepping is refused.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("envs")
  void agentsLeaveWhenDoneAndTheEpisodeEndsWhenNoneIsLeft(String name, Supplier<ParallelEnv> make) {
    ParallelEnv env = make.get();
    env.reset(5);
    SplittableRandom r = new SplittableRandom(5);
    List<String> gone = new ArrayList<>();
    int steps = 0;
    while (!env.agents().isEmpty()) {
      List<String> live = env.agents();
      Map<String, float[]> a = actions(env, r);
      Map<String, StepResult> res = env.step(a);
      steps++;
      assertThat(res.keySet()).containsExactlyElementsOf(live);
      for (Map.Entry<String, StepResult> e : res.entrySet()) {
        StepResult s = e.getValue();
        assertThat(s.reward()).isEqualTo(s.info().rewardTerms().total());
        assertInSpec(env.observationSpec(e.getKey()), s.observation(), e.getKey());
        assertThat(env.agents().contains(e.getKey())).isEqualTo(!s.done());
        if (s.done()) {
          gone.add(e.getKey());
        }
      }
      if (!gone.isEmpty() && !env.agents().isEmpty()) {
        Map<String, float[]> withGone = actions(env, r);
        withGone.put(gone.get(0), new float[] {0, 0});
        assertThatThrownBy(() -> env.step(withGone))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(gone.get(0));
      }
      assertThat(steps).isLessThanOrEqualTo(6000);
    }
    assertThat(gone).containsExactlyInAnyOrderElementsOf(env.possibleAgents());
    assertThatThrownBy(() -> env.step(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @org.junit.jupiter.api.Test
  void aScenarioOfOneAgentHasNoWorldOfSeveral() {
    assertThatThrownBy(() -> Scenarios.parallel("race", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("race is a scenario of one agent");
  }
}
