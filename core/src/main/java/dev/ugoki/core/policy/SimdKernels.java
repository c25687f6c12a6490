package dev.ugoki.core.policy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} with the JDK's Vector API: each loop works on the widest float vectors the CPU
 * has (8 lanes with AVX2, 16 with AVX-512), four vectors of output at a time held in registers
 * while the {@code k} loop runs, and leaves the remainder to the plain loops. Loaded only when the
 * {@code jdk.incubator.vector} module is present.
 */
final class SimdKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private SimdKernels() {}

  static int lanes() {
    return L;
  }

  static int vectorCovered(int n) {
    return n - n % L;
  }

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
    int wide = n - n % L;
    int blocks4 = n - n % (4 * L);
    for (int r = 0; r < rows; r++) {
      int ar = aOff + r * ars;
      int o = outOff + r * n;
      int j = 0;
      for (; j < blocks4; j += 4 * L) {
        FloatVector c0 = start(init, j);
        FloatVector c1 = start(init, j + L);
        FloatVector c2 = start(init, j + 2 * L);
        FloatVector c3 = start(init, j + 3 * L);
        for (int k = 0; k < kk; k++) {
          FloatVector s = FloatVector.broadcast(S, a[ar + k * acs]);
          int mk = mOff + k * n + j;
          c0 = FloatVector.fromArray(S, m, mk).fma(s, c0);
          c1 = FloatVector.fromArray(S, m, mk + L).fma(s, c1);
          c2 = FloatVector.fromArray(S, m, mk + 2 * L).fma(s, c2);
          c3 = FloatVector.fromArray(S, m, mk + 3 * L).fma(s, c3);
        }
        c0.intoArray(out, o + j);
        c1.intoArray(out, o + j + L);
        c2.intoArray(out, o + j + 2 * L);
        c3.intoArray(out, o + j + 3 * L);
      }
      for (; j < wide; j += L) {
        FloatVector c = start(init, j);
        for (int k = 0; k < kk; k++) {
          c =
              FloatVector.fromArray(S, m, mOff + k * n + j)
                  .fma(FloatVector.broadcast(S, a[ar + k * acs]), c);
        }
        c.intoArray(out, o + j);
      }
    }
    if (wide < n) {
      Kernels.matmulScalar(a, aOff, ars, acs, m, mOff, n, kk, init, out, outOff, rows, wide);
    }
  }

  private static FloatVector start(float[] init, int j) {
    return init == null ? FloatVector.zero(S) : FloatVector.fromArray(S, init, j);
  }

  static void columnSums(float[] x, int n, int rows, float[] sums, int off) {
    int wide = n - n % L;
    for (int j = 0; j < wide; j += L) {
      FloatVector c = FloatVector.zero(S);
      for (int r = 0; r < rows; r++) {
        c = c.add(FloatVector.fromArray(S, x, r * n + j));
      }
      c.intoArray(sums, off + j);
    }
    Kernels.columnSumsScalar(x, n, rows, sums, off, wide);
  }

  static void tanh(float[] x, int count) {
    int wide = count - count % L;
    for (int k = 0; k < wide; k += L) {
      FloatVector v = FloatVector.fromArray(S, x, k);
      v = v.max(-Tanh.CLAMP).min(Tanh.CLAMP);
      FloatVector x2 = v.mul(v);
      FloatVector p = x2.mul(Tanh.A13).add(Tanh.A11);
      p = x2.mul(p).add(Tanh.A9);
      p = x2.mul(p).add(Tanh.A7);
      p = x2.mul(p).add(Tanh.A5);
      p = x2.mul(p).add(Tanh.A3);
      p = x2.mul(p).add(Tanh.A1);
      p = v.mul(p);
      FloatVector q = x2.mul(Tanh.B6).add(Tanh.B4);
      q = x2.mul(q).add(Tanh.B2);
      q = x2.mul(q).add(Tanh.B0);
      p.div(q).intoArray(x, k);
    }
    for (int k = wide; k < count; k++) {
      x[k] = Tanh.of(x[k]);
    }
  }

  static void tanhBackward(float[] d, float[] y, int count) {
    int wide = count - count % L;
    for (int k = 0; k < wide; k += L) {
      FloatVector yv = FloatVector.fromArray(S, y, k);
      FloatVector one = FloatVector.broadcast(S, 1f);
      FloatVector.fromArray(S, d, k).mul(one.sub(yv.mul(yv))).intoArray(d, k);
    }
    Kernels.tanhBackwardScalar(d, y, wide, count);
  }
}
