package dev.ugoki.core.policy;

/**
 * The few loops a small network spends its time in, written once for SIMD (the JDK's Vector API,
 * {@link SimdKernels}) and once as plain loops for a JVM started without the {@code
 * jdk.incubator.vector} module. Both compute every value by the same operations in the same order
 * (a fused multiply-add chain over {@code k}; tanh's polynomial step by step), so they give the
 * same bits, whatever the machine's vector width and with or without the module ({@code
 * KernelsTest}): the network computes the same on every machine (the rest of a run uses {@code
 * Math.exp} and {@code Math.log}, which the JDK allows to differ in the last bit between
 * platforms).
 */
final class Kernels {
  /**
   * Whether the SIMD versions run: the {@code jdk.incubator.vector} module is present, and {@code
   * -Dugoki.scalar=true} does not ask for the plain loops (to compare the two).
   */
  static final boolean SIMD =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("ugoki.scalar");

  private Kernels() {}

  /**
   * {@code out[r][j] = init[j] + sum_k a[r][k] m[k][j]} for {@code rows} rows and {@code n}
   * columns, with {@code a[r][k] = a[aOff + r * ars + k * acs]} (any strides, so a transposed
   * operand needs no copy), {@code m[k][j] = m[mOff + k * n + j]} and {@code out[r][j] = out[outOff
   * + r * n + j]}; {@code init} null means zero.
   */
  static void matmul(
      float[] a,
      int aOff,
      int ars,
      int acs,
      float[] m,
      int mOff,
      int n,
      int kk,
      float[] init,
      float[] out,
      int outOff,
      int rows) {
    if (SIMD) {
      SimdKernels.matmul(a, aOff, ars, acs, m, mOff, n, kk, init, out, outOff, rows);
    } else {
      matmulScalar(a, aOff, ars, acs, m, mOff, n, kk, init, out, outOff, rows, 0);
    }
  }

  /** Of {@code n} columns, how many the SIMD loops cover (the rest run as plain loops). */
  static int vectorCovered(int n) {
    return SIMD ? SimdKernels.vectorCovered(n) : 0;
  }

  /** The columns from {@code from} on, as plain loops (SIMD's remainder, or all of them). */
  static void matmulScalar(
      float[] a,
      int aOff,
      int ars,
      int acs,
      float[] m,
      int mOff,
      int n,
      int kk,
      float[] init,
      float[] out,
      int outOff,
      int rows,
      int from) {
    for (int r = 0; r < rows; r++) {
      int ar = aOff + r * ars;
      int o = outOff + r * n;
      for (int j = from; j < n; j++) {
        float c = init == null ? 0f : init[j];
        for (int k = 0; k < kk; k++) {
          c = Math.fma(a[ar + k * acs], m[mOff + k * n + j], c);
        }
        out[o + j] = c;
      }
    }
  }

  /** {@code sums[j] = sum_r x[r * n + j]} over {@code rows} rows (a bias gradient). */
  static void columnSums(float[] x, int n, int rows, float[] sums, int off) {
    if (SIMD) {
      SimdKernels.columnSums(x, n, rows, sums, off);
    } else {
      columnSumsScalar(x, n, rows, sums, off, 0);
    }
  }

  static void columnSumsScalar(float[] x, int n, int rows, float[] sums, int off, int from) {
    for (int j = from; j < n; j++) {
      float c = 0f;
      for (int r = 0; r < rows; r++) {
        c += x[r * n + j];
      }
      sums[off + j] = c;
    }
  }

  /** tanh of the first {@code count} values, in place ({@link Tanh}). */
  static void tanh(float[] x, int count) {
    if (SIMD) {
      SimdKernels.tanh(x, count);
    } else {
      for (int k = 0; k < count; k++) {
        x[k] = Tanh.of(x[k]);
      }
    }
  }

  /** {@code d[k] *= 1 - y[k]^2}: back through tanh, whose output was {@code y}. */
  static void tanhBackward(float[] d, float[] y, int count) {
    if (SIMD) {
      SimdKernels.tanhBackward(d, y, count);
    } else {
      tanhBackwardScalar(d, y, 0, count);
    }
  }

  static void tanhBackwardScalar(float[] d, float[] y, int from, int count) {
    for (int k = from; k < count; k++) {
      d[k] *= 1f - y[k] * y[k];
    }
  }
}
