package dev.ugoki.sim.scenario;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A family of bodies: each episode's body drawn from its seed, every parameter at its nominal value
 * times {@code 1 + spread * u}, with {@code u} in [-1, 1] and {@code spread} the config key of the
 * parameter ({@code body.max_speed = 0.6}: top speed from 40% to 160% of nominal). A spread of 0
 * keeps the parameter nominal, so a family of spreads 0 is the one nominal body.
 *
 * <p>A held-out split that training never draws from ({@code body.split}):
 *
 * <ul>
 *   <li>{@code 0} (training): {@code u} inside the inner box {@code |u_i| <= 1 - body.edge}, and
 *       outside a ball (max-norm radius {@link #HOLDOUT_RADIUS}) around each held-out body;
 *   <li>{@code 1} (held-out interpolation): one of {@code body.holdout} bodies drawn once, from a
 *       fixed seed, inside the inner box ({@code body.index}, or the episode seed, picks which);
 *   <li>{@code 2} (edge band): an inner-box body with one parameter, picked by the seed, pushed
 *       into the band {@code 1 - body.edge <= |u| <= 1}, beyond what training saw (extrapolation).
 * </ul>
 *
 * With {@code body.pool = N}, training draws one of N bodies fixed once (from a fixed seed, outside
 * the held-out balls like every training body), the episode seed picking which: the number of
 * distinct bodies a policy trains on, the axis of a scaling study.
 *
 * <p>Each parameter draws from its own stream, the episode seed xor the parameter's salt, so adding
 * a parameter does not change the others' draws, and none touches the episode's main stream.
 */
public final class BodyFamily {
  public static final String SPLIT = "body.split";
  public static final String EDGE = "body.edge";
  public static final String HOLDOUT = "body.holdout";
  public static final String INDEX = "body.index";
  public static final String OBSERVE = "body.observe";
  public static final String POOL = "body.pool";
  public static final String TOLD_NOISE = "body.told_noise";

  public static final int TRAIN = 0;
  public static final int HELD_OUT = 1;
  public static final int EDGE_BAND = 2;

  /** How near a training body may come to a held-out one, in u (max-norm). */
  public static final double HOLDOUT_RADIUS = 0.15;

  /** The seed of the held-out bodies: the same set for every run. */
  private static final long HOLDOUT_SEED = 0x5DEECE66DL;

  /** The seed of the pool's bodies: body k of a pool is the training draw of seed POOL_SEED + k. */
  private static final long POOL_SEED = 0x7F4A7C159E3779B9L;

  /** Training draws redrawn at most this many times to leave the held-out balls. */
  private static final int MAX_ATTEMPTS = 10_000;

  /** One parameter of the family: its spread key, the spread it has, its stream's salt. */
  public record Dim(String key, double spread, long salt) {
    /** The parameter's name: its key without the section ({@code max_speed}). */
    public String name() {
      return key.substring(key.indexOf('.') + 1);
    }
  }

  /** The key of one parameter's spread, {@code [0, max]}, 0 by default: the nominal body. */
  public static Param spread(String body, String key, double max, String nominal) {
    return Param.real(
        key,
        0,
        0,
        max,
        body + " family: each episode scales " + nominal + " by [1 - this, 1 + this]");
  }

  /** The keys of the split, common to every family. */
  public static List<Param> params() {
    return List.of(
        Param.integer(
            SPLIT,
            TRAIN,
            TRAIN,
            EDGE_BAND,
            "bodies drawn: 0 training, 1 held-out interpolation bodies, 2 the edge band"),
        Param.real(
            EDGE, 0, 0, 0.5, "width of each range's outer band that training never draws (in u)"),
        Param.integer(
            HOLDOUT, 0, 0, 1000, "held-out bodies inside the ranges that training never draws"),
        Param.integer(
            INDEX, -1, -1, 999, "with body.split=1: the held-out body; -1 picks by the seed"),
        Param.integer(
            POOL,
            0,
            0,
            1_000_000,
            "training draws one of this many distinct bodies, fixed once (0: a new body each"
                + " episode)"),
        Param.bool(
            OBSERVE,
            false,
            "observe the body: one channel per family parameter, its u in [-1, 1] (0: nominal)"),
        Param.real(
            TOLD_NOISE,
            0,
            0,
            1,
            "with body.observe: each body channel off by a Gaussian error of this spread (in u),"
                + " drawn per episode, so that a policy told its body does not lean on it"
                + " blindly; the body itself is as drawn"));
  }

  private final List<Dim> dims;
  private final int split;
  private final double edge;
  private final int index;
  private final int pool;
  private final double[][] heldOut;

  private BodyFamily(List<Dim> dims, int split, double edge, int holdout, int index, int pool) {
    this.dims = List.copyOf(dims);
    this.split = split;
    this.edge = edge;
    this.index = index;
    this.pool = pool;
    this.heldOut = new double[holdout][];
    for (int k = 0; k < holdout; k++) {
      SplittableRandom r = new SplittableRandom(HOLDOUT_SEED + k);
      double[] u = new double[dims.size()];
      for (int i = 0; i < u.length; i++) {
        u[i] = (1 - edge) * (2 * r.nextDouble() - 1);
      }
      heldOut[k] = u;
    }
  }

  /**
   * The family of {@code dims} with the split {@code c} asks for.
   *
   * @throws IllegalArgumentException for a split that has no bodies (no held-out bodies, no band)
   */
  public static BodyFamily of(Config c, List<Dim> dims) {
    int split = c.integer(SPLIT);
    int holdout = c.integer(HOLDOUT);
    int index = c.integer(INDEX);
    if (split == HELD_OUT && holdout == 0) {
      throw new IllegalArgumentException(SPLIT + "=1 draws held-out bodies: give " + HOLDOUT);
    }
    if (split == EDGE_BAND && c.real(EDGE) == 0) {
      throw new IllegalArgumentException(SPLIT + "=2 draws the edge band: give " + EDGE);
    }
    if (index >= holdout) {
      throw new IllegalArgumentException(
          INDEX + " = " + index + " is no held-out body (there are " + holdout + ")");
    }
    return new BodyFamily(dims, split, c.real(EDGE), holdout, index, c.integer(POOL));
  }

  public List<Dim> dims() {
    return dims;
  }

  /** The held-out bodies, in u. */
  public List<double[]> heldOut() {
    List<double[]> out = new ArrayList<>();
    for (double[] u : heldOut) {
      out.add(u.clone());
    }
    return out;
  }

  /** The episode's body in u, one value in [-1, 1] per parameter. */
  public double[] draw(long seed) {
    if (split == HELD_OUT) {
      return heldOut[index >= 0 ? index : (int) Math.floorMod(seed, (long) heldOut.length)].clone();
    }
    if (split == TRAIN && pool > 0) {
      int k = new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL).nextInt(pool);
      return drawFresh(POOL_SEED + k);
    }
    return drawFresh(seed);
  }

  private double[] drawFresh(long seed) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      double[] u = new double[dims.size()];
      for (int i = 0; i < u.length; i++) {
        long stream = seed ^ dims.get(i).salt() ^ (attempt * 0x9E3779B97F4A7C15L);
        u[i] = (1 - edge) * (2 * new SplittableRandom(stream).nextDouble() - 1);
      }
      if (split == EDGE_BAND) {
        pushIntoTheBand(seed, u);
        return u;
      }
      if (!nearHeldOut(u)) {
        return u;
      }
    }
    throw new IllegalStateException("no training body outside the held-out ones: fewer, please");
  }

  /** The episode's factor on each parameter's nominal value: {@code 1 + spread * u}. */
  public double[] factors(long seed) {
    return factors(draw(seed));
  }

  /** The factors of the body {@code u}. */
  public double[] factors(double[] u) {
    double[] f = new double[u.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = 1 + dims.get(i).spread() * u[i];
    }
    return f;
  }

  /** The largest factor each parameter reaches in the family: {@code 1 + spread}. */
  public double[] maxFactors() {
    double[] f = new double[dims.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = 1 + dims.get(i).spread();
    }
    return f;
  }

  /** True when {@code u} is within {@link #HOLDOUT_RADIUS} of a held-out body. */
  public boolean nearHeldOut(double[] u) {
    if (!varies()) {
      return false; // one body: nothing is near anything
    }
    for (double[] h : heldOut) {
      double d = 0;
      for (int i = 0; i < u.length; i++) {
        if (dims.get(i).spread() > 0) {
          d = Math.max(d, Math.abs(u[i] - h[i]));
        }
      }
      if (d < HOLDOUT_RADIUS) {
        return true;
      }
    }
    return false;
  }

  /** True when some parameter has a spread. */
  public boolean varies() {
    return dims.stream().anyMatch(d -> d.spread() > 0);
  }

  private void pushIntoTheBand(long seed, double[] u) {
    List<Integer> varying = new ArrayList<>();
    for (int i = 0; i < u.length; i++) {
      if (dims.get(i).spread() > 0) {
        varying.add(i);
      }
    }
    if (varying.isEmpty()) {
      return;
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    int j = varying.get(r.nextInt(varying.size()));
    double magnitude = 1 - edge + edge * r.nextDouble();
    u[j] = r.nextBoolean() ? magnitude : -magnitude;
  }
}
