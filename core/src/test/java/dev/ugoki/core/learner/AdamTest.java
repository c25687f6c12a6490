package dev.ugoki.core.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

class AdamTest {
  /** Step for step, what DL4J's own Adam updater (the one that trained version-1 files) does. */
  @Test
  void stepsAsDl4jsAdamUpdater() {
    int n = 300;
    double lr = 3e-4;
    org.nd4j.linalg.learning.config.Adam config =
        new org.nd4j.linalg.learning.config.Adam(lr, Adam.BETA1, Adam.BETA2, Adam.EPSILON);
    INDArray view = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
    GradientUpdater<?> dl4j = config.instantiate(view, true);
    Adam adam = new Adam(n, lr);
    SplittableRandom r = new SplittableRandom(1);
    for (int it = 0; it < 12; it++) {
      float[] g = new float[n];
      for (int k = 0; k < n; k++) {
        g[k] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-4, 2)));
      }
      INDArray reference = Nd4j.create(g, new long[] {1, n}, DataType.FLOAT);
      dl4j.applyUpdater(reference, it, 0);
      float[] expected = reference.toFloatVector();
      float[] actual = adam.step(g, 1);
      for (int k = 0; k < n; k++) {
        assertThat((double) actual[k])
            .as("step %d, weight %d", it, k)
            .isCloseTo(expected[k], within(1e-5 * Math.abs(expected[k]) + 1e-12));
      }
    }
    assertThat(adam.state().t()).isEqualTo(12);
  }

  @Test
  void aZeroGradientFromFreshMomentsNeverMoves() {
    Adam adam = new Adam(4, 1e-2);
    for (int i = 0; i < 5; i++) {
      assertThat(adam.step(new float[4], 1)).containsOnly(0f);
    }
  }

  @Test
  void goesOnFromItsStateBitForBit() {
    Adam a = new Adam(3, 1e-3);
    float[] g = {0.5f, -1f, 2f};
    a.step(g, 1);
    Adam b = new Adam(a.state(), 1e-3);
    assertThat(b.step(g, 0.5)).containsExactly(a.step(g, 0.5));
  }
}
