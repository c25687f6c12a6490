package dev.ugoki.core.policy;

/**
 * tanh for float arrays as a rational function the JIT turns into SIMD: odd polynomial of degree 13
 * over even polynomial of degree 6 in x, on x clamped to +-7.9988 where tanh is 1 within float
 * precision (the approximation Eigen uses for float, {@code generic_fast_tanh_float}), within 5e-7
 * of {@code Math.tanh} ({@code TanhTest}); {@code Math.tanh} itself is not an intrinsic and costs
 * tens of nanoseconds a call, the largest part of a small network's forward pass.
 */
final class Tanh {
  static final float CLAMP = 7.99881172180175781f;
  static final float A1 = 4.89352455891786e-03f;
  static final float A3 = 6.37261928875436e-04f;
  static final float A5 = 1.48572235717979e-05f;
  static final float A7 = 5.12229709037114e-08f;
  static final float A9 = -8.60467152213735e-11f;
  static final float A11 = 2.00018790482477e-13f;
  static final float A13 = -2.76076847742355e-16f;
  static final float B0 = 4.89352518554385e-03f;
  static final float B2 = 2.26843463243900e-03f;
  static final float B4 = 1.18534705686654e-04f;
  static final float B6 = 1.19825839466702e-06f;

  private Tanh() {}

  static float of(float v) {
    float x = Math.max(-CLAMP, Math.min(CLAMP, v));
    float x2 = x * x;
    float p = x2 * A13 + A11;
    p = x2 * p + A9;
    p = x2 * p + A7;
    p = x2 * p + A5;
    p = x2 * p + A3;
    p = x2 * p + A1;
    p = x * p;
    float q = x2 * B6 + B4;
    q = x2 * q + B2;
    q = x2 * q + B0;
    return p / q;
  }

  /** Replaces the first {@code n} values of {@code a} by their tanh. */
  static void inPlace(float[] a, int n) {
    for (int k = 0; k < n; k++) {
      a[k] = of(a[k]);
    }
  }
}
