package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VectorEnvTest {
  private static final int N = 6;

  private static List<Env> envs(String name) {
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      // short episodes, so that auto-reset happens several times
      list.add(Scenarios.make(name, Map.of("max_steps", 60)));
    }
    return list;
  }

  /** The vectorized env, on any number of threads, equals N single envs stepped by hand. */
  @ParameterizedTest
  @CsvSource({"race, 1", "race, 2", "navigate, 1", "navigate, 2"})
  void equalsNSingleEnvsIncludingAutoReset(String name, int threads) {
    long seed = 100;
    List<Env> singles = envs(name);
    int[] episode = new int[N];
    try (VectorEnv vec = new VectorEnv(envs(name), threads)) {
      int d = vec.observationSpec().size();
      int a = vec.actionSpec().size();
      float[] obs = vec.reset(seed).clone();
      for (int i = 0; i < N; i++) {
        assertThat(Arrays.copyOfRange(obs, i * d, (i + 1) * d))
            .isEqualTo(singles.get(i).reset(VectorEnv.episodeSeed(seed, i, 0, N)));
      }
      SplittableRandom r = new SplittableRandom(5);
      int dones = 0;
      for (int step = 0; step < 200; step++) {
        float[] actions = new float[N * a];
        for (int k = 0; k < actions.length; k++) {
          actions[k] = (float) r.nextDouble(-1, 1);
        }
        vec.step(actions);
        for (int i = 0; i < N; i++) {
          StepResult res = singles.get(i).step(Arrays.copyOfRange(actions, i * a, (i + 1) * a));
          assertThat(vec.rewards()[i]).isEqualTo((float) res.reward());
          assertThat(vec.terminated()[i]).isEqualTo(res.terminated());
          assertThat(vec.truncated()[i]).isEqualTo(res.truncated());
          float[] next = res.observation();
          if (res.done()) {
            dones++;
            assertThat(Arrays.copyOfRange(vec.finalObservations(), i * d, (i + 1) * d))
                .isEqualTo(next);
            next = singles.get(i).reset(VectorEnv.episodeSeed(seed, i, ++episode[i], N));
          }
          assertThat(Arrays.copyOfRange(vec.observations(), i * d, (i + 1) * d)).isEqualTo(next);
        }
      }
      assertThat(dones).isGreaterThanOrEqualTo(N);
    }
  }

  @ParameterizedTest
  @CsvSource({"race, 2"})
  void wrongActionLengthIsRefused(String name, int threads) {
    try (VectorEnv vec = new VectorEnv(envs(name), threads)) {
      vec.reset(1);
      assertThatThrownBy(() -> vec.step(new float[3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("length 3")
          .hasMessageContaining(N + " envs");
      float[] before = vec.observations().clone();
      float[] nan = new float[N * 2];
      nan[7] = Float.NaN;
      assertThatThrownBy(() -> vec.step(nan))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("env 3")
          .hasMessageContaining("throttle")
          .hasMessageContaining("NaN");
      // refused whole: no env moved, and the next good step matches single envs from the start
      assertThat(vec.observations()).isEqualTo(before);
      vec.step(new float[N * 2]);
      Env single = Scenarios.make(name, Map.of("max_steps", 60));
      single.reset(VectorEnv.episodeSeed(1, 0, 0, N));
      assertThat(Arrays.copyOfRange(vec.observations(), 0, vec.observationSpec().size()))
          .isEqualTo(single.step(new float[2]).observation());
    }
  }

  @ParameterizedTest
  @CsvSource({"race", "navigate"})
  void theSameEnvInstanceTwiceIsRefused(String name) {
    Env env = Scenarios.make(name);
    assertThatThrownBy(() -> new VectorEnv(List.of(env, env), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same instance");
  }

  @org.junit.jupiter.api.Test
  void episodeSeedsAreDistinctLargeAndDifferBetweenRunSeeds() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (long base = 1; base <= 3; base++) {
      for (int i = 0; i < 16; i++) {
        for (int k = 0; k < 200; k++) {
          long s = VectorEnv.episodeSeed(base, i, k, 16);
          assertThat(s).isGreaterThanOrEqualTo(1L << 62);
          assertThat(seen.add(s)).isTrue();
        }
      }
    }
  }
}
