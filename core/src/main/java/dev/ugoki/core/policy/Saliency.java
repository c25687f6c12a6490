package dev.ugoki.core.policy;

import dev.ugoki.sim.env.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which lidar rays drive a policy's action now, by occlusion: each ray in turn is made to see
 * nothing (its reading set to the top of its range, as if the wall were not there), and the ray's
 * weight is how far that moves the deterministic action (the sum over action channels of the
 * absolute change). A ray that already sees nothing weighs exactly 0. All the variants go through
 * the network in one batch, so a frame pays one call of {@code rays + 1} rows.
 */
public final class Saliency {
  /** The observation channels that are lidar rays: {@code lidar.NN}, in ray order. */
  private final int[] rays;

  private final GaussianPolicy policy;

  /** For {@code policy}; it has no lidar channel when {@link #rays()} is 0. */
  public Saliency(GaussianPolicy policy) {
    this.policy = policy;
    Spec obs = policy.observationSpec();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < obs.size(); i++) {
      if (obs.name(i).matches("lidar\\.\\d+")) {
        found.add(i);
      }
    }
    rays = found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** How many rays the policy reads. */
  public int rays() {
    return rays.length;
  }

  /** Each ray's weight for the observation {@code obs} (in the policy's layout), in ray order. */
  public float[] of(float[] obs) {
    Spec spec = policy.observationSpec();
    int n = obs.length;
    if (n != spec.size()) {
      throw new IllegalArgumentException(
          "an observation of " + n + " values for a policy of " + spec.size());
    }
    float[] batch = new float[(rays.length + 1) * n];
    System.arraycopy(obs, 0, batch, 0, n);
    for (int r = 0; r < rays.length; r++) {
      int row = (r + 1) * n;
      System.arraycopy(obs, 0, batch, row, n);
      batch[row + rays[r]] = (float) spec.high(rays[r]);
    }
    float[] act = policy.actDeterministic(batch, rays.length + 1);
    int a = policy.actionSpec().size();
    float[] w = new float[rays.length];
    for (int r = 0; r < rays.length; r++) {
      double d = 0;
      for (int j = 0; j < a; j++) {
        d += Math.abs(act[(r + 1) * a + j] - act[j]);
      }
      w[r] = (float) d;
    }
    return w;
  }
}
