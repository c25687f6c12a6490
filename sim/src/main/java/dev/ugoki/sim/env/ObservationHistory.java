package dev.ugoki.sim.env;

/**
 * The last {@code k} steps stacked behind the current observation: what a policy reads that infers
 * its body from its recent past (RMA's adaptation module) instead of being told it. The observation
 * is {@code [o_t, o_{t-1}, a_{t-1}, ..., o_{t-k}, a_{t-k}]}, where {@code a_{t-j}} is the action
 * taken after observing {@code o_{t-j}}; its channels are the inner ones, then {@code hist.J.NAME}
 * and {@code hist.J.act.NAME} for J = 1..k, with the inner bounds. Entries from before the
 * episode's first step are zeros. Nothing looks ahead: step t's entry holds only what was observed
 * and done before it.
 */
public final class ObservationHistory extends ObservationWrapper {
  private final int k;
  private final int obsSize;
  private final int actSize;
  private final Spec spec;
  private final float[][] pastObs;
  private final float[][] pastAct;
  private float[] current;

  public ObservationHistory(Env env, int steps) {
    super(env);
    if (steps < 1) {
      throw new IllegalArgumentException("a history needs at least one step, was " + steps);
    }
    this.k = steps;
    Spec o = env.observationSpec();
    Spec a = env.actionSpec();
    this.obsSize = o.size();
    this.actSize = a.size();
    Spec.Builder b = Spec.builder();
    add(b, o, "");
    for (int j = 1; j <= k; j++) {
      add(b, o, "hist." + j + ".");
      add(b, a, "hist." + j + ".act.");
    }
    this.spec = b.build();
    this.pastObs = new float[k][obsSize];
    this.pastAct = new float[k][actSize];
  }

  private static void add(Spec.Builder b, Spec s, String prefix) {
    for (int i = 0; i < s.size(); i++) {
      b.add(prefix + s.name(i), s.low(i), s.high(i));
    }
  }

  @Override
  public Spec observationSpec() {
    return spec;
  }

  @Override
  protected void onReset(long seed) {
    for (int j = 0; j < k; j++) {
      java.util.Arrays.fill(pastObs[j], 0);
      java.util.Arrays.fill(pastAct[j], 0);
    }
  }

  @Override
  protected void onStep(float[] action) {
    // the oldest entry makes room; the newest is what was seen before this action, and the action
    float[] oldObs = pastObs[k - 1];
    float[] oldAct = pastAct[k - 1];
    System.arraycopy(pastObs, 0, pastObs, 1, k - 1);
    System.arraycopy(pastAct, 0, pastAct, 1, k - 1);
    System.arraycopy(current, 0, oldObs, 0, obsSize);
    System.arraycopy(action, 0, oldAct, 0, actSize);
    pastObs[0] = oldObs;
    pastAct[0] = oldAct;
  }

  @Override
  protected float[] observation(float[] inner) {
    current = inner.clone();
    return stacked();
  }

  private float[] stacked() {
    float[] out = new float[spec.size()];
    System.arraycopy(current, 0, out, 0, obsSize);
    int o = obsSize;
    for (int j = 0; j < k; j++) {
      System.arraycopy(pastObs[j], 0, out, o, obsSize);
      o += obsSize;
      System.arraycopy(pastAct[j], 0, out, o, actSize);
      o += actSize;
    }
    return out;
  }
}
