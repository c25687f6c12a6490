package dev.ugoki.core.policy;

/**
 * Adam (Kingma and Ba, 2015) for a small parameter vector that lives outside the DL4J graph, such
 * as the policy's log standard deviation; the same hyperparameters as the graph's updater.
 */
public final class VectorAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-5;

  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private long t;

  public VectorAdam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** One step on {@code params} against {@code grad}, scaled by {@code lrScale}. */
  public void step(float[] params, float[] grad, double lrScale) {
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < params.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      params[i] -= (float) (lrScale * learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON));
    }
  }

  /** {m..., v..., t} for a checkpoint. */
  public double[] state() {
    double[] s = new double[2 * m.length + 1];
    System.arraycopy(m, 0, s, 0, m.length);
    System.arraycopy(v, 0, s, m.length, v.length);
    s[s.length - 1] = t;
    return s;
  }

  public void setState(double[] s) {
    if (s.length != 2 * m.length + 1) {
      throw new IllegalArgumentException("optimizer state has " + s.length + " values, expected "
          + (2 * m.length + 1));
    }
    System.arraycopy(s, 0, m, 0, m.length);
    System.arraycopy(s, m.length, v, 0, v.length);
    t = (long) s[s.length - 1];
  }
}
