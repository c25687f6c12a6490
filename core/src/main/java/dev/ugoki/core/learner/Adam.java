package dev.ugoki.core.learner;

/**
 * Adam (Kingma and Ba, 2015) over a flat parameter vector, in DL4J's formulation (its {@code
 * AdamUpdater}, float arithmetic included), so that a network trained here continues one DL4J's
 * updater trained as DL4J would have (the log standard deviation's Adam of version-1 files ran in
 * double with epsilon added to the bias-corrected root: it continues in this one, which differs in
 * the last digits):
 *
 * <pre>
 * m      = beta1 m + (1 - beta1) g
 * v      = beta2 v + (1 - beta2) g^2
 * alpha  = lr sqrt(1 - beta2^t) / (1 - beta1^t)        (t counts steps from 1)
 * step   = lr_scale alpha m / (sqrt(v) + epsilon)
 * </pre>
 *
 * A parameter whose gradient is always zero (a frozen layer's) keeps m = v = 0 and never moves.
 */
public final class Adam {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-5;

  /** The moments and the step count: what a checkpoint saves. */
  public record State(float[] m, float[] v, long t) {
    public State {
      if (m.length != v.length || t < 0) {
        throw new IllegalArgumentException(
            "Adam state with "
                + m.length
                + " first and "
                + v.length
                + " second moments at step "
                + t);
      }
      for (int k = 0; k < m.length; k++) {
        if (!Float.isFinite(m[k]) || !(v[k] >= 0) || !Float.isFinite(v[k])) {
          throw new IllegalArgumentException("Adam state holds a non-finite or negative moment");
        }
      }
    }

    /** Fresh moments for {@code size} parameters. */
    public static State zero(int size) {
      return new State(new float[size], new float[size], 0);
    }
  }

  private final double learningRate;
  private final float[] m;
  private final float[] v;
  private final float[] step;
  private long t;

  public Adam(int size, double learningRate) {
    this(State.zero(size), learningRate);
  }

  public Adam(State state, double learningRate) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "Adam needs a positive learning rate, not " + learningRate);
    }
    this.learningRate = learningRate;
    this.m = state.m().clone();
    this.v = state.v().clone();
    this.step = new float[m.length];
    this.t = state.t();
  }

  public int size() {
    return m.length;
  }

  /**
   * The step for gradient {@code g}, scaled by {@code lrScale}, to subtract from the parameters;
   * the array is reused by the next call.
   */
  public float[] step(float[] g, double lrScale) {
    if (g.length != m.length) {
      throw new IllegalArgumentException(
          "a gradient of " + g.length + " for Adam over " + m.length);
    }
    t++;
    // in float, as DL4J's native op: 1 - 0.9f is not 0.1f, and the difference shows at 1e-5
    float b1 = (float) BETA1;
    float b2 = (float) BETA2;
    float c1 = 1 - b1;
    float c2 = 1 - b2;
    float eps = (float) EPSILON;
    double alpha = learningRate * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
    float a = (float) (lrScale * alpha);
    for (int k = 0; k < m.length; k++) {
      float gk = g[k];
      m[k] = b1 * m[k] + c1 * gk;
      v[k] = b2 * v[k] + c2 * gk * gk;
      step[k] = a * m[k] / ((float) Math.sqrt(v[k]) + eps);
    }
    return step;
  }

  public State state() {
    return new State(m.clone(), v.clone(), t);
  }
}
