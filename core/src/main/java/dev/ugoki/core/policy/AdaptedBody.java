package dev.ugoki.core.policy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.ObservationHistory;
import dev.ugoki.sim.env.ObservationWrapper;
import dev.ugoki.sim.env.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * An environment as a body-aware policy sees it when a {@link BodyAdapter} tells it its body: the
 * base policy's channels, with every body channel overwritten by the adapter's estimate from the
 * recent past. The environment below presents the base policy's layout (its own, or a foundation's
 * shared one); this wrapper keeps the history the adapter reads itself ({@link ObservationHistory},
 * as in training), and whatever the environment says of the body is never passed on, so the policy
 * drives on what it infers, not on what it is told. The environment need not observe its body at
 * all ({@code body.observe: false}): the body channels are the adapter's alone.
 */
public final class AdaptedBody extends ObservationWrapper {
  private final BodyAdapter adapter;
  private final Spec spec;
  private final int[] inputIndex;
  private final int[] baseIndex;
  private final int[] bodyIndex;
  private float[] estimate;

  /**
   * @param base the base policy's observation channels
   * @throws IllegalArgumentException naming what {@code env} lacks
   */
  public AdaptedBody(Env env, Spec base, BodyAdapter adapter) {
    super(new ObservationHistory(env, adapter.historySteps()));
    Spec have = this.env.observationSpec();
    Spec reads = adapter.network().observationSpec();
    List<String> missing = new ArrayList<>();
    this.inputIndex = indices(have, reads.names(), missing);
    // the body channels are the adapter's to write: the environment need not have them
    List<String> fromEnv = new ArrayList<>(base.names());
    fromEnv.replaceAll(n -> adapter.bodyChannels().contains(n) ? null : n);
    this.baseIndex = indices(have, fromEnv, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the adapter reads "
              + missing.get(0)
              + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more channels" : "")
              + ", which this environment lacks");
    }
    this.bodyIndex = new int[adapter.bodyChannels().size()];
    for (int k = 0; k < bodyIndex.length; k++) {
      bodyIndex[k] = base.indexOf(adapter.bodyChannels().get(k));
      if (bodyIndex[k] < 0) {
        throw new IllegalArgumentException(
            "the base policy has no channel " + adapter.bodyChannels().get(k));
      }
    }
    this.spec = base;
    this.adapter = adapter;
    this.estimate = new float[bodyIndex.length];
  }

  private static int[] indices(Spec have, List<String> names, List<String> missing) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      if (names.get(i) == null) {
        out[i] = -1; // not read
        continue;
      }
      out[i] = have.indexOf(names.get(i));
      if (out[i] < 0) {
        missing.add(names.get(i));
      }
    }
    return out;
  }

  @Override
  public Spec observationSpec() {
    return spec;
  }

  /** The body the adapter inferred for the last observation, in u ([-1, 1] per channel). */
  public float[] estimate() {
    return estimate.clone();
  }

  /**
   * What the adapter infers of one body, in u: the estimates of the channels {@code
   * body.<scenario>.*}, in their order (one per parameter of that body's family).
   */
  public double[] estimateOf(String scenario) {
    List<String> own = adapter.bodyChannelsOf(scenario);
    double[] out = new double[own.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = estimate[adapter.bodyChannels().indexOf(own.get(j))];
    }
    return out;
  }

  /** The adapter this environment runs. */
  public BodyAdapter adapter() {
    return adapter;
  }

  @Override
  protected float[] observation(float[] raw) {
    float[] in = new float[inputIndex.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = raw[inputIndex[i]];
    }
    estimate = adapter.estimate(in, 1);
    float[] out = new float[baseIndex.length];
    for (int i = 0; i < out.length; i++) {
      if (baseIndex[i] >= 0) {
        out[i] = raw[baseIndex[i]];
      }
    }
    for (int k = 0; k < bodyIndex.length; k++) {
      out[bodyIndex[k]] = estimate[k];
    }
    return out;
  }
}
