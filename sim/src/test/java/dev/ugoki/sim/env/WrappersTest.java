package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.race.RaceScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrappersTest {

  @Test
  void timeLimitTruncatesOnTheStepThatReachesIt() {
    Env env = new TimeLimit(new RaceScenario(), 25);
    env.reset(1);
    for (int i = 1; i < 25; i++) {
      assertThat(env.step(new float[] {0, 0.2f}).truncated()).isFalse();
    }
    StepResult last = env.step(new float[] {0, 0.2f});
    assertThat(last.truncated()).isTrue();
    assertThat(last.terminated()).isFalse();
    assertThatThrownBy(() -> env.step(new float[] {0, 0.2f}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("truncated");
    env.reset(1);
    assertThat(env.step(new float[] {0, 0.2f}).truncated()).isFalse();
  }

  @Test
  void actionRepeatEqualsStepsOfTheInnerEnvWithSummedRewardAndTerms() {
    Env repeated = new ActionRepeat(new RaceScenario(), 4);
    Env plain = new RaceScenario();
    repeated.reset(3);
    plain.reset(3);
    float[] a = {0.1f, 1};
    for (int k = 0; k < 10; k++) {
      StepResult big = repeated.step(a);
      double reward = 0;
      RewardTerms terms = null;
      StepResult small = null;
      for (int i = 0; i < 4; i++) {
        small = plain.step(a);
        reward += small.reward();
        terms = terms == null ? small.info().rewardTerms() : terms.plus(small.info().rewardTerms());
      }
      assertThat(big.observation()).isEqualTo(small.observation());
      assertThat(big.reward()).isEqualTo(reward);
      assertThat(big.info().rewardTerms()).isEqualTo(terms);
    }
  }

  @Test
  void observationNoiseIsSeededAndStaysInsideTheBounds() {
    Env a = new ObservationNoise(new RaceScenario(), 0.2);
    Env b = new ObservationNoise(new RaceScenario(), 0.2);
    float[] clean = new RaceScenario().reset(9);
    float[] oa = a.reset(9);
    assertThat(b.reset(9)).isEqualTo(oa);
    assertThat(oa).isNotEqualTo(clean);
    for (int k = 0; k < 200; k++) {
      StepResult r = a.step(new float[] {0, 0.5f});
      assertThat(a.observationSpec().contains(r.observation())).isTrue();
      assertThat(b.step(new float[] {0, 0.5f}).observation()).isEqualTo(r.observation());
      if (r.done()) {
        break;
      }
    }
  }

  @Test
  void clipActionClipsFiniteValuesButStillRefusesNaN() {
    Env clipped = new ClipAction(new RaceScenario());
    Env plain = new RaceScenario();
    clipped.reset(4);
    plain.reset(4);
    assertThat(clipped.step(new float[] {3, -7}).observation())
        .isEqualTo(plain.step(new float[] {1, -1}).observation());
    assertThatThrownBy(() -> clipped.step(new float[] {Float.NaN, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steer");
  }

  @Test
  void registryAppliesTheWrappersItsConfigAsksFor() {
    Env env = Scenarios.make("race", Map.of("max_steps", 7, "action_repeat", 3));
    assertThat(env).isInstanceOf(TimeLimit.class);
    assertThat(((TimeLimit) env).maxSteps()).isEqualTo(7);
    assertThat(((EnvWrapper) env).inner()).isInstanceOf(ActionRepeat.class);
    env.reset(1);
    StepResult r = null;
    for (int i = 0; i < 7; i++) {
      r = env.step(new float[] {0, 0.1f});
    }
    assertThat(r.truncated()).isTrue();
    assertThat(r.info().episodeTimeS())
        .isCloseTo(7 * 3 * 0.05, org.assertj.core.data.Offset.offset(1e-9));
  }
}
