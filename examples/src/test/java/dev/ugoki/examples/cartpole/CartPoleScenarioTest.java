package dev.ugoki.examples.cartpole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cart-pole as the registry serves it: found through its services file, solved by its expert,
 * deterministic, and ended as its comment says.
 */
class CartPoleScenarioTest {

  @Test
  void theRegistryFindsItOnTheClassPath() {
    assertThat(Scenarios.names()).contains("cartpole");
    assertThat(Scenarios.provider("cartpole")).isInstanceOf(CartPoleProvider.class);
    assertThat(Scenarios.presentation("cartpole").unit()).isEqualTo("balance");
  }

  @Test
  void theExpertBalancesEveryStart() {
    for (long seed = 1; seed <= 50; seed++) {
      Env env = Scenarios.make("cartpole");
      env.reset(seed);
      var expert = env.expert();
      StepResult r;
      int steps = 0;
      do {
        r = env.step(expert.act());
        steps++;
      } while (!r.terminated() && !r.truncated());
      assertThat(r.info().success()).as("seed %d", seed).isTrue();
      assertThat(steps).isEqualTo(500); // 10 s at 50 steps a second
      assertThat(r.info().progress()).isEqualTo(1.0);
    }
  }

  @Test
  void doingNothingLetsThePoleFall() {
    Env env = Scenarios.make("cartpole");
    env.reset(3);
    StepResult r;
    do {
      r = env.step(new float[] {0});
    } while (!r.terminated() && !r.truncated());
    assertThat(r.info().crashed()).isTrue();
    assertThat(r.info().success()).isFalse();
    assertThat(r.info().rewardTerms().names()).containsExactly("alive", "fall", "centre");
    assertThat(r.reward()).isNegative();
  }

  @Test
  void theSameSeedAndActionsGiveTheSameBits() {
    float[][] a = run(7);
    float[][] b = run(7);
    float[][] c = run(8);
    assertThat(a).isDeepEqualTo(b);
    assertThat(Arrays.deepEquals(a, c)).isFalse();
  }

  private static float[][] run(long seed) {
    Env env = Scenarios.make("cartpole", Map.of("start.spread", 0.1));
    float[][] out = new float[41][];
    out[0] = env.reset(seed);
    for (int i = 1; i < out.length; i++) {
      // the expert's push, shaken: the pole stays up and the cart wanders
      float push = env.expert().act()[0] + (float) (0.2 * Math.sin(i * 0.3));
      StepResult r = env.step(new float[] {Math.max(-1, Math.min(1, push))});
      out[i] = r.observation();
      assertThat(r.terminated()).isFalse();
    }
    return out;
  }

  @Test
  void observationsStayInTheirSpec() {
    Env env = Scenarios.make("cartpole", Map.of("start.spread", 0.2));
    float[] obs = env.reset(11);
    for (int i = 0; i < 200; i++) {
      assertThat(env.observationSpec().contains(obs)).isTrue();
      StepResult r = env.step(new float[] {i % 20 < 10 ? 1f : -1f});
      obs = r.observation();
      if (r.terminated() || r.truncated()) {
        obs = env.reset(11 + i);
      }
    }
  }

  @Test
  void aPushOutsideItsBoundsIsRefused() {
    Env env = Scenarios.make("cartpole");
    env.reset(1);
    assertThatThrownBy(() -> env.step(new float[] {2f}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsPresentationSpeaksOfBalancing() {
    var words = Scenarios.presentation("cartpole");
    var config = Scenarios.config("cartpole", Map.of());
    assertThat(words.progress(config, 0.45)).isEqualTo("balance 45%");
    assertThat(words.success(config, 10)).isEqualTo("balance held in 10.0 s");
    assertThat(words.timeColumn(config)).isEqualTo("mean balance time");
  }
}
