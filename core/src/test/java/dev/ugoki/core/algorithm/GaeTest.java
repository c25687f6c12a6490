package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaeTest {

  /**
   * Three steps of one env, gamma 0.9, lambda 0.8, the episode ending after step 1:
   *
   * <pre>
   * t  r   V    done  next V
   * 0  1   0.5  no    V1 = 0.4
   * 1  2   0.4  yes   (not bootstrapped)
   * 2  0   0.3  no    last value 1.0
   *
   * delta2 = 0 + 0.9 * 1.0 - 0.3 = 0.6            A2 = 0.6
   * delta1 = 2 + 0 - 0.4 = 1.6                    A1 = 1.6 (the end cuts the sum)
   * delta0 = 1 + 0.9 * 0.4 - 0.5 = 0.86           A0 = 0.86 + 0.9 * 0.8 * 1.6 = 2.012
   * </pre>
   */
  @Test
  void advantagesMatchTheHandComputedSums() {
    float[] adv =
        Gae.advantages(
            new float[] {1, 2, 0},
            new float[] {0.5f, 0.4f, 0.3f},
            new boolean[] {false, true, false},
            new float[] {1.0f},
            3,
            1,
            0.9,
            0.8);
    assertThat(adv[2]).isCloseTo(0.6f, within(1e-6f));
    assertThat(adv[1]).isCloseTo(1.6f, within(1e-6f));
    assertThat(adv[0]).isCloseTo(2.012f, within(1e-6f));
  }

  /** Two envs interleaved step-major are computed independently. */
  @Test
  void envsInABatchDoNotLeakIntoEachOther() {
    // env 0: rewards 1, 1; env 1: rewards 0, 5; gamma 1, lambda 1, no ends, last values 0
    float[] adv =
        Gae.advantages(
            new float[] {1, 0, 1, 5}, new float[4], new boolean[4], new float[2], 2, 2, 1, 1);
    assertThat(adv).containsExactly(2f, 5f, 1f, 5f);
  }

  /** With lambda 0 the advantage is the one-step TD error. */
  @Test
  void lambdaZeroGivesTheTdError() {
    float[] adv =
        Gae.advantages(
            new float[] {1, 1}, new float[] {2, 3}, new boolean[2], new float[] {4}, 2, 1, 0.5, 0);
    assertThat(adv[0]).isCloseTo(1 + 0.5f * 3 - 2, within(1e-6f));
    assertThat(adv[1]).isCloseTo(1 + 0.5f * 4 - 3, within(1e-6f));
  }
}
