package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.sim.config.Config;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {
  private static PpoConfig config(double target, int holds, int every) {
    return PpoConfig.from(
        Config.defaults("ppo", PpoConfig.PARAMS)
            .with(
                Map.of("target_success", target, "target_holds", holds, "validate_every", every)));
  }

  /** A validation that answers scripted success rates and counts its calls. */
  private static final class Scripted {
    final ArrayDeque<Double> answers;
    int calls;

    Scripted(Double... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    double next() {
      calls++;
      return answers.removeFirst();
    }
  }

  @Test
  void stopsOnlyAfterTheTargetHoldsTheGivenNumberOfValidationsInARow() {
    Scripted s = new Scripted(0.96, 0.94, 0.95, 0.97, 0.99);
    Validation v = new Validation(config(0.95, 3, 100), p -> s.next());
    long step = 0;
    double[] seen = new double[5];
    for (int i = 0; i < 5; i++) {
      step += 100;
      assertThat(v.reached()).as("before validation %d", i).isFalse();
      seen[i] = v.check(step, 0.9, true, null);
    }
    assertThat(seen).containsExactly(0.96, 0.94, 0.95, 0.97, 0.99);
    // 0.94 broke the first run of holds; 0.95, 0.97, 0.99 make three
    assertThat(v.reached()).isTrue();
  }

  @Test
  void validatesOnlyOnceTrainingSucceedsAtHalfTheTargetWithAFullWindowAndEveryNSteps() {
    Scripted s = new Scripted(0.5, 0.5, 0.5);
    Validation v = new Validation(config(0.9, 1, 1000), p -> s.next());
    assertThat(v.check(100, 0.44, true, null)).isNaN(); // training success below half
    assertThat(v.check(200, 0.9, false, null)).isNaN(); // fewer than a window of episodes
    assertThat(s.calls).isZero();
    assertThat(v.check(300, 0.45, true, null)).isEqualTo(0.5);
    assertThat(v.check(1200, 0.9, true, null)).isNaN(); // within validate_every of the last
    assertThat(v.check(1300, 0.9, true, null)).isEqualTo(0.5);
    assertThat(s.calls).isEqualTo(2);
    assertThat(v.reached()).isFalse();
  }

  @Test
  void aRestoredStreakGoesOn() {
    Scripted s = new Scripted(0.97);
    Validation v = new Validation(config(0.95, 3, 100), p -> s.next());
    v.restore(2, 500);
    assertThat(v.check(400, 0.9, true, null)).isNaN(); // before the saved next step
    assertThat(v.check(500, 0.9, true, null)).isEqualTo(0.97);
    assertThat(v.reached()).isTrue();
    assertThat(v.holds()).isEqualTo(3);
    assertThat(v.nextStep()).isEqualTo(600);
  }

  @Test
  void aZeroTargetNeverValidates() {
    Scripted s = new Scripted();
    Validation v = new Validation(config(0, 1, 1), p -> s.next());
    assertThat(v.check(1_000_000, 1.0, true, null)).isNaN();
    assertThat(v.reached()).isFalse();
    assertThat(s.calls).isZero();
  }
}
