package dev.ugoki.core.algorithm;

import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.SharedSpace;
import java.util.Arrays;
import java.util.List;

/**
 * Labeled states for imitation: raw observations, row after row, each with the action a
 * demonstrator chose (or, in DAgger, would have chosen) there. Grows as data is aggregated.
 */
public final class DemoDataset {
  private final int obsSize;
  private final int actSize;
  private float[] obs;
  private float[] actions;
  private int rows;

  public DemoDataset(int obsSize, int actSize) {
    this(obsSize, actSize, 0);
  }

  /**
   * A dataset with room for {@code capacityRows} rows before it grows: a caller that knows how many
   * rows it will add reserves them once, instead of holding up to twice as many while it grows.
   */
  public DemoDataset(int obsSize, int actSize, int capacityRows) {
    if (obsSize < 1 || actSize < 1 || capacityRows < 0) {
      throw new IllegalArgumentException(
          "sizes must be positive: " + obsSize + ", " + actSize + ", " + capacityRows);
    }
    if ((long) capacityRows * obsSize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a dataset of " + capacityRows + " rows does not fit in an array");
    }
    this.obsSize = obsSize;
    this.actSize = actSize;
    this.obs = new float[capacityRows * obsSize];
    this.actions = new float[capacityRows * actSize];
  }

  /**
   * A dataset of demonstration files, recorded in their scenario's own layout, in the layout of
   * {@code env}: as they are for the scenario's own environment, each row mapped into the shared
   * layout when {@code env} is a {@link SharedSpace} (a foundation policy being fine-tuned).
   */
  public static DemoDataset of(List<Demonstrations> files, Env env) {
    DemoDataset data = new DemoDataset(env.observationSpec().size(), env.actionSpec().size());
    for (Demonstrations d : files) {
      if (!(env instanceof SharedSpace shared)) {
        data.add(d.observations(), d.actions(), d.rows());
        continue;
      }
      int ow = d.observationSize();
      int aw = d.actionSize();
      float[] obs = new float[d.rows() * data.obsSize];
      float[] act = new float[d.rows() * data.actSize];
      for (int r = 0; r < d.rows(); r++) {
        float[] o = shared.toShared(Arrays.copyOfRange(d.observations(), r * ow, (r + 1) * ow));
        float[] a = shared.actionToShared(Arrays.copyOfRange(d.actions(), r * aw, (r + 1) * aw));
        System.arraycopy(o, 0, obs, r * data.obsSize, data.obsSize);
        System.arraycopy(a, 0, act, r * data.actSize, data.actSize);
      }
      data.add(obs, act, d.rows());
    }
    return data;
  }

  public int observationSize() {
    return obsSize;
  }

  public int actionSize() {
    return actSize;
  }

  public int rows() {
    return rows;
  }

  /** Appends the first {@code count} rows of {@code newObs} and {@code newActions}. */
  public void add(float[] newObs, float[] newActions, int count) {
    if (newObs.length < count * obsSize || newActions.length < count * actSize) {
      throw new IllegalArgumentException("fewer values than " + count + " rows");
    }
    int need = rows + count;
    if (need * (long) obsSize > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a dataset of " + need + " rows does not fit in an array");
    }
    if (need * obsSize > obs.length) {
      int cap =
          Math.max(
              need,
              Math.max(
                  1024,
                  (int) Math.min(Integer.MAX_VALUE / obsSize - 8, 2L * obs.length / obsSize)));
      obs = Arrays.copyOf(obs, cap * obsSize);
      actions = Arrays.copyOf(actions, cap * actSize);
    }
    System.arraycopy(newObs, 0, obs, rows * obsSize, count * obsSize);
    System.arraycopy(newActions, 0, actions, rows * actSize, count * actSize);
    rows = need;
  }

  /** A copy of the observations, {@code rows x observationSize}. */
  public float[] observations() {
    return Arrays.copyOf(obs, rows * obsSize);
  }

  /** A copy of the action labels, {@code rows x actionSize}. */
  public float[] actions() {
    return Arrays.copyOf(actions, rows * actSize);
  }

  /** The observations without a copy; rows beyond {@link #rows()} are unused space. */
  float[] observationsView() {
    return obs;
  }

  /** The labels without a copy; rows beyond {@link #rows()} are unused space. */
  float[] actionsView() {
    return actions;
  }
}
