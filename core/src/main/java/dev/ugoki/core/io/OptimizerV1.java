package dev.ugoki.core.io;

import dev.ugoki.core.learner.Adam;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.PolicyNetwork;
import java.util.Map;

/**
 * Reads the optimizer state of a version-1 policy file into today's {@link Learner.State}. Version
 * 1 stored DL4J's updater state array: Adam's {@code [m, v]} per updater block, one block per run
 * of consecutive trainable parameters in DL4J's parameter order (frozen layers have no state); the
 * log standard deviation's Adam as doubles {@code [m..., v..., t]}.
 */
final class OptimizerV1 {
  private OptimizerV1() {}

  static Learner.State convert(PolicyNetwork net, float[] state, Map<String, Object> opt) {
    int n = net.numParams();
    boolean[] trainable = net.trainable();
    int count = 0;
    for (boolean t : trainable) {
      count += t ? 1 : 0;
    }
    float[] m = new float[n];
    float[] v = new float[n];
    if (state.length != 0 && state.length != 2L * count) {
      throw new IllegalArgumentException(
          "optimizer state has " + state.length + " values, the network expects " + 2L * count);
    }
    if (state.length > 0) {
      int o = 0;
      for (int k = 0; k < n; ) {
        if (!trainable[k]) {
          k++;
          continue;
        }
        int end = k;
        while (end < n && trainable[end]) {
          end++;
        }
        int len = end - k;
        System.arraycopy(state, o, m, k, len);
        System.arraycopy(state, o + len, v, k, len);
        o += 2 * len;
        k = end;
      }
    }
    long iteration = PolicyJson.integer(opt, "iteration", 0, Integer.MAX_VALUE);
    double[] s = PolicyJson.doubles(opt.get("log_std_adam"));
    int a = net.architecture().actSize();
    double t = s.length == 2 * a + 1 ? s[2 * a] : -1;
    if (s.length != 2 * a + 1 || t != Math.rint(t) || t < 0 || t > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "log std optimizer state of " + s.length + " values " + "for " + a + " actions");
    }
    float[] ms = new float[a];
    float[] vs = new float[a];
    for (int j = 0; j < a; j++) {
      ms[j] = (float) s[j];
      vs[j] = (float) s[a + j];
    }
    return new Learner.State(new Adam.State(m, v, iteration), new Adam.State(ms, vs, (long) t));
  }
}
