package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD loops give the same bits as the plain ones (so a run is the same with or without the
 * Vector API, on AVX2 or AVX-512), and the plain ones compute what they say.
 */
class KernelsTest {
  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {1, 2, 7, 16, 40, 64, 65, 100, 128, 256})
  void simdMatmulEqualsThePlainLoopsBitForBit(int n) {
    assertThat(Kernels.SIMD).as("the tests run with the Vector API").isTrue();
    int rows = 13;
    int kk = 37;
    float[] a = random(rows * kk + 5, 1);
    float[] m = random(kk * n + 3, 2);
    float[] init = random(n, 3);
    for (boolean transposed : new boolean[] {false, true}) {
      int ars = transposed ? 1 : kk;
      int acs = transposed ? rows : 1;
      float[] simd = new float[rows * n + 4];
      float[] plain = new float[rows * n + 4];
      SimdKernels.matmul(a, 2, ars, acs, m, 3, n, kk, init, simd, 4, rows);
      Kernels.matmulScalar(a, 2, ars, acs, m, 3, n, kk, init, plain, 4, rows, 0);
      assertThat(simd).containsExactly(plain);
      // and the plain loops are the product they claim to be
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < n; j++) {
          double expected = init[j];
          for (int k = 0; k < kk; k++) {
            expected += (double) a[2 + r * ars + k * acs] * m[3 + k * n + j];
          }
          assertThat((double) plain[4 + r * n + j])
              .isCloseTo(
                  expected,
                  org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(expected))));
        }
      }
    }
  }

  /**
   * A weight gradient in^T delta computed as W^T (rows nIn long) or as W and transposed gives the
   * same bits: ActorCriticMlp picks whichever suits the vector width, which differs by machine.
   */
  @ParameterizedTest(name = "{0} inputs")
  @ValueSource(ints = {3, 40, 64, 90})
  void bothOrientationsOfAWeightGradientGiveTheSameBits(int nIn) {
    int nOut = 37;
    int rows = 50;
    float[] in = random(rows * nIn, 7);
    float[] delta = random(rows * nOut, 8);
    float[] wt = new float[nIn * nOut]; // W^T: wt[j * nIn + i]
    float[] w = new float[nIn * nOut]; // W: w[i * nOut + j]
    Kernels.matmul(delta, 0, 1, nOut, in, 0, nIn, rows, null, wt, 0, nOut);
    Kernels.matmul(in, 0, 1, nIn, delta, 0, nOut, rows, null, w, 0, nIn);
    for (int i = 0; i < nIn; i++) {
      for (int j = 0; j < nOut; j++) {
        assertThat(wt[j * nIn + i]).isEqualTo(w[i * nOut + j]);
      }
    }
  }

  @ParameterizedTest(name = "{0} values")
  @ValueSource(ints = {1, 15, 16, 17, 64, 1000})
  void simdTanhColumnSumsAndTanhBackwardEqualThePlainLoops(int n) {
    float[] x = random(n, 4);
    for (int i = 0; i < n; i++) {
      x[i] *= 4; // into saturation
    }
    float[] simd = x.clone();
    SimdKernels.tanh(simd, n);
    for (int i = 0; i < n; i++) {
      assertThat(simd[i]).isEqualTo(Tanh.of(x[i]));
    }
    float[] d = random(n, 5);
    float[] dSimd = d.clone();
    SimdKernels.tanhBackward(dSimd, simd, n);
    float[] dPlain = d.clone();
    Kernels.tanhBackwardScalar(dPlain, simd, 0, n);
    assertThat(dSimd).containsExactly(dPlain);
    int rows = 9;
    float[] grid = random(rows * n, 6);
    float[] sSimd = new float[n + 2];
    float[] sPlain = new float[n + 2];
    SimdKernels.columnSums(grid, n, rows, sSimd, 2);
    Kernels.columnSumsScalar(grid, n, rows, sPlain, 2, 0);
    assertThat(sSimd).containsExactly(sPlain);
  }
}
