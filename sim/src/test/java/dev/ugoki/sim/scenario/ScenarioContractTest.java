package dev.ugoki.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scene.Scene;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every registered scenario keeps (Gymnasium's env checker, as tests). */
class ScenarioContractTest {

  static Stream<String> scenarios() {
    return Scenarios.names().stream();
  }

  private static boolean hasKey(String scenario, String key) {
    return Scenarios.params(scenario).stream().anyMatch(p -> p.key().equals(key));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void specsAreConsistentAndNamed(String name) {
    Env env = Scenarios.make(name);
    Spec obs = env.observationSpec();
    Spec act = env.actionSpec();
    float[] first = env.reset(1);
    assertThat(first).hasSize(obs.size());
    assertThat(obs.names()).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
    assertThat(act.names()).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
    if (hasKey(name, "lidar.rays")) {
      assertThat(obs.names()).contains("lidar.00");
    }
    assertThat(env.unwrapped().name()).isEqualTo(name);
    assertThat(env.unwrapped().version()).isPositive();
    assertThat(env.unwrapped().config().asMap()).containsKeys("dt", "max_steps");
    assertThat(Scenarios.make(name).observationSpec()).isEqualTo(obs);
  }

  /** 100,000 random-action steps: no NaN or infinity, observations inside their bounds. */
  @ParameterizedTest
  @MethodSource("scenarios")
  void randomActionsKeepObservationsFiniteAndInsideTheirBounds(String name) {
    Env env = Scenarios.make(name);
    Spec obs = env.observationSpec();
    Spec act = env.actionSpec();
    SplittableRandom r = new SplittableRandom(7);
    float[] o = env.reset(1);
    long seed = 1;
    int episodes = 0;
    for (int step = 0; step < 100_000; step++) {
      assertInside(obs, o, name, step);
      float[] a = new float[act.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) r.nextDouble(act.low(i), act.high(i));
      }
      StepResult res = env.step(a);
      assertThat(Double.isFinite(res.reward())).isTrue();
      assertThat(res.reward())
          .isCloseTo(res.info().rewardTerms().total(), org.assertj.core.data.Offset.offset(1e-9));
      o = res.observation();
      if (res.done()) {
        assertInside(obs, o, name, step);
        o = env.reset(++seed);
        episodes++;
      }
    }
    assertThat(episodes).isPositive();
  }

  private static void assertInside(Spec spec, float[] o, String name, int step) {
    for (int i = 0; i < o.length; i++) {
      if (!(o[i] >= spec.low(i) && o[i] <= spec.high(i))) {
        throw new AssertionError(
            name
                + " step "
                + step
                + ": "
                + spec.name(i)
                + " = "
                + o[i]
                + " outside ["
                + spec.low(i)
                + ", "
                + spec.high(i)
                + "]");
      }
    }
  }

  /** Two environments, the same seed and actions: bit-identical trajectories. */
  @ParameterizedTest
  @MethodSource("scenarios")
  void sameSeedSameActionsGiveBitIdenticalTrajectories(String name) {
    Map<String, Object> noisy = new java.util.HashMap<>(Map.of("obs_noise", 0.01));
    if (hasKey(name, "lidar.noise")) {
      noisy.putAll(Map.of("lidar.noise", 0.05, "lidar.dropout", 0.1));
    }
    Env a = Scenarios.make(name, noisy);
    Env b = Scenarios.make(name, noisy);
    List<double[]> first = trajectory(a, 11, 1500);
    assertThat(trajectory(b, 11, 1500)).usingRecursiveComparison().isEqualTo(first);
    // reset(seed) on a used environment reproduces the episode
    assertThat(trajectory(a, 11, 1500)).usingRecursiveComparison().isEqualTo(first);
    assertThat(Arrays.equals(trajectory(a, 12, 1500).get(0), first.get(0))).isFalse();
  }

  /** Per step one row: the observation, then the reward and both flags, as exact doubles. */
  static List<double[]> trajectory(Env env, long seed, int steps) {
    java.util.ArrayList<double[]> rows = new java.util.ArrayList<>();
    SplittableRandom r = new SplittableRandom(seed * 31);
    rows.add(row(env.reset(seed), 0, false, false));
    Spec act = env.actionSpec();
    for (int k = 0; k < steps; k++) {
      float[] a = new float[act.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) r.nextDouble(-0.3, 1);
      }
      StepResult res = env.step(a);
      rows.add(row(res.observation(), res.reward(), res.terminated(), res.truncated()));
      if (res.done()) {
        break;
      }
    }
    return rows;
  }

  private static double[] row(float[] obs, double reward, boolean terminated, boolean truncated) {
    double[] row = new double[obs.length + 3];
    for (int i = 0; i < obs.length; i++) {
      row[i] = obs[i];
    }
    row[obs.length] = reward;
    row[obs.length + 1] = terminated ? 1 : 0;
    row[obs.length + 2] = truncated ? 1 : 0;
    return row;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void malformedActionsAreRejectedWithAMessageThatNamesTheProblem(String name) {
    Env env = Scenarios.make(name);
    assertThatThrownBy(() -> env.step(new float[] {0, 0}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reset");
    env.reset(1);
    int n = env.actionSpec().size();
    String first = env.actionSpec().name(0);
    assertThatThrownBy(() -> env.step(new float[n + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length " + (n + 1))
        .hasMessageContaining("expected " + n);
    float[] nan = new float[n];
    nan[0] = Float.NaN;
    assertThatThrownBy(() -> env.step(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("NaN");
    float[] big = new float[n];
    big[0] = 1.5f;
    assertThatThrownBy(() -> env.step(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("outside");
    // nothing was applied: the episode goes on from where it was
    assertThat(env.step(new float[n]).observation()).hasSize(env.observationSpec().size());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void badConfigValuesAreRefusedNamingTheKey(String name) {
    assertThatThrownBy(() -> Scenarios.make(name, Map.of("max_steps", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_steps")
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> Scenarios.make(name, Map.of("dt", "fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> Scenarios.make(name, Map.of("max_step", 16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_step'")
        .hasMessageContaining("did you mean max_steps");
    assertThatThrownBy(() -> Scenarios.make(name, Map.of("dt", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void sceneDescribesTheWorldInWorldUnits(String name) {
    Env env = Scenarios.make(name);
    env.reset(2);
    env.step(new float[env.actionSpec().size()]);
    Scene scene = env.scene();
    assertThat(scene.maxX()).isGreaterThan(scene.minX());
    assertThat(scene.maxY()).isGreaterThan(scene.minY());
    assertThat(scene.background()).isNotEmpty();
    assertThat(scene.foreground()).isNotEmpty();
    assertThat(scene.focusX()).isBetween(scene.minX(), scene.maxX());
    assertThat(scene.focusY()).isBetween(scene.minY(), scene.maxY());
    // the background is the same list until the next reset, so renderers can cache it
    env.step(new float[env.actionSpec().size()]);
    assertThat(env.scene().background()).isSameAs(scene.background());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void unknownScenarioIsRefusedListingTheKnownOnes(String name) {
    assertThatThrownBy(() -> Scenarios.make(name + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name + "x")
        .hasMessageContaining(name);
  }
}
