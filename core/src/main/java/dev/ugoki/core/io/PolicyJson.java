package dev.ugoki.core.io;

import dev.ugoki.sim.config.Param;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The values of a policy file read strictly, and written: integers in stated ranges (never a
 * fraction rounded or a large number wrapped), finite numbers that fit a float, names that are
 * text, channel specs, and float arrays as little-endian bytes. Each refusal is an {@link
 * IllegalArgumentException} saying what is wrong, which {@link PolicyFile} names the file in.
 */
final class PolicyJson {
  private PolicyJson() {}

  static String text(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof String s)) {
      throw new IllegalArgumentException(key + " must be text, was " + m.get(key));
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("expected an object, found " + o);
    }
    return (Map<String, Object>) o;
  }

  /** An integer in [min, max]: never a fraction rounded, nor a large number wrapped. */
  static long integer(Map<String, Object> m, String key, long min, long max) {
    Object o = m.get(key);
    if (!(o instanceof Integer || o instanceof Long || o instanceof java.math.BigInteger)) {
      throw new IllegalArgumentException(key + " must be an integer, was " + o);
    }
    java.math.BigInteger v = new java.math.BigInteger(o.toString());
    if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0
        || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException(
          key + " = " + v + " is outside [" + min + ", " + max + "]");
    }
    return v.longValue();
  }

  static int num(Map<String, Object> m, String key, int min, int max) {
    return (int) integer(m, key, min, max);
  }

  /** The integer of {@code p}'s key, in {@code p}'s range. */
  static int num(Map<String, Object> m, Param p) {
    return num(m, p.key(), (int) p.min(), (int) p.max());
  }

  static double[] doubles(Object o) {
    if (!(o instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a list of numbers, found " + o);
    }
    if (list.size() > PolicyFile.MAX_CHANNELS) {
      throw new IllegalArgumentException(
          "a list of " + list.size() + " numbers, more than " + PolicyFile.MAX_CHANNELS);
    }
    double[] d = new double[list.size()];
    for (int i = 0; i < d.length; i++) {
      if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException("expected a finite number, found " + list.get(i));
      }
      d[i] = n.doubleValue();
    }
    return d;
  }

  static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
      if (!Float.isFinite(f[i])) {
        throw new IllegalArgumentException(d[i] + " does not fit a float");
      }
    }
    return f;
  }

  static byte[] floats(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] floats(byte[] bytes) {
    if (bytes.length % 4 != 0) {
      throw new IllegalArgumentException("a float array of " + bytes.length + " bytes");
    }
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
