package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationWrapperTest {

  /**
   * Observes {@code [steps taken, seed]}; a step's reward is its action plus the steps before it;
   * it crashes on step 2 and ends on step 3.
   */
  private static final class Counter implements Env {
    private final Spec obs = Spec.builder().add("t", 0, 10).add("seed", 0, 100).build();
    private final Spec act = Spec.builder().add("a", -1, 1).build();
    private long seed = -1;
    private int t;
    int steps;

    @Override
    public Spec observationSpec() {
      return obs;
    }

    @Override
    public Spec actionSpec() {
      return act;
    }

    @Override
    public float[] reset(long seed) {
      this.seed = seed;
      t = 0;
      return new float[] {0, seed};
    }

    @Override
    public StepResult step(float[] action) {
      act.checkAction(action);
      if (seed < 0 || t >= 3) {
        throw new IllegalStateException("step() before reset or after the end");
      }
      double reward = action[0] + t;
      t++;
      steps++;
      Info info =
          new Info(new RewardTerms(List.of("r"), new double[] {reward}), t == 2, t == 3, t, t);
      return new StepResult(new float[] {t, seed}, reward, t == 3, false, info);
    }

    @Override
    public Scene scene() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Scenario unwrapped() {
      throw new UnsupportedOperationException();
    }
  }

  /** Doubles every channel, and logs what it hears in order. */
  private static final class Doubled extends ObservationWrapper {
    final List<String> heard = new ArrayList<>();

    Doubled(Env env) {
      super(env);
    }

    @Override
    protected float[] observation(float[] inner) {
      heard.add("observation " + inner[0]);
      float[] out = new float[inner.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = 2 * inner[i];
      }
      return out;
    }

    @Override
    protected void onReset(long seed) {
      heard.add("reset " + seed);
    }

    @Override
    protected void onStep(float[] action) {
      heard.add("step " + action[0]);
    }
  }

  @Test
  void resetReturnsTheInnerFirstObservationTransformed() {
    Doubled env = new Doubled(new Counter());
    assertThat(env.reset(7)).containsExactly(0, 14);
    assertThat(env.reset(9)).containsExactly(0, 18);
  }

  @Test
  void stepTransformsTheObservationAndPassesTheRestThrough() {
    Counter inner = new Counter();
    Counter twin = new Counter();
    Doubled env = new Doubled(inner);
    env.reset(5);
    twin.reset(5);
    for (int k = 0; k < 3; k++) {
      float[] a = {0.5f};
      StepResult wrapped = env.step(a);
      StepResult plain = twin.step(a);
      assertThat(wrapped.observation()).containsExactly(2f * plain.observation()[0], 10);
      assertThat(wrapped.reward()).isEqualTo(plain.reward());
      assertThat(wrapped.terminated()).isEqualTo(plain.terminated());
      assertThat(wrapped.truncated()).isEqualTo(plain.truncated());
      assertThat(wrapped.info()).isEqualTo(plain.info());
    }
    assertThat(inner.steps).isEqualTo(3);
  }

  @Test
  void theSpecsAreTheInnerOnesUnlessAWrapperSaysOtherwise() {
    Counter inner = new Counter();
    Doubled env = new Doubled(inner);
    assertThat(env.observationSpec()).isEqualTo(inner.observationSpec());
    assertThat(env.actionSpec()).isEqualTo(inner.actionSpec());
  }

  @Test
  void aStepBeforeTheFirstResetIsRefusedAndNeverReachesTheInnerEnvironment() {
    Counter inner = new Counter();
    inner.reset(1); // the inner environment could step: the wrapper has not begun an episode
    Doubled env = new Doubled(inner);
    assertThatThrownBy(() -> env.step(new float[] {0}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before reset");
    assertThat(inner.steps).isZero();
    assertThat(env.heard).isEmpty();
  }

  @Test
  void theHooksHearTheSeedAndTheActionBeforeTheObservationIsMade() {
    Doubled env = new Doubled(new Counter());
    env.reset(3);
    env.step(new float[] {0.25f});
    assertThat(env.heard)
        .containsExactly("reset 3", "observation 0.0", "step 0.25", "observation 1.0");
  }

  @Test
  void aRefusedStepIsNotHeard() {
    Doubled env = new Doubled(new Counter());
    env.reset(3);
    env.heard.clear();
    assertThatThrownBy(() -> env.step(new float[] {2}))
        .isInstanceOf(IllegalArgumentException.class);
    for (int k = 0; k < 3; k++) {
      env.step(new float[] {0});
    }
    env.heard.clear();
    assertThatThrownBy(() -> env.step(new float[] {0}))
        .as("after the end")
        .isInstanceOf(IllegalStateException.class);
    assertThat(env.heard).isEmpty();
  }
}
