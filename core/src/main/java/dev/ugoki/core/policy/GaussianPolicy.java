package dev.ugoki.core.policy;

import dev.ugoki.sim.env.Spec;
import java.util.SplittableRandom;

/**
 * A diagonal Gaussian policy over a scenario's action box: the network's actor gives the mean, a
 * learned state-independent log standard deviation the spread, and the critic the state value.
 * Observations are standardized by the policy's own {@link RunningNorm} first. Sampled actions may
 * leave the action box; the environment is stepped with them clipped into it (CleanRL's {@code
 * ClipAction}), while PPO uses the unclipped sample's log-probability.
 *
 * <p>Not thread-safe; {@link #copy()} gives an independent policy for another thread.
 */
public final class GaussianPolicy {
  static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private final Spec observationSpec;
  private final Spec actionSpec;
  private final PolicyNetwork network;
  private final float[] logStd;
  private final RunningNorm norm;

  public GaussianPolicy(
      Spec observationSpec,
      Spec actionSpec,
      PolicyNetwork network,
      float[] logStd,
      RunningNorm norm) {
    if (network.architecture().obsSize() != observationSpec.size()
        || network.architecture().actSize() != actionSpec.size()
        || logStd.length != actionSpec.size()
        || norm.size() != observationSpec.size()) {
      throw new IllegalArgumentException("network, log std and normalization do not fit the specs");
    }
    this.observationSpec = observationSpec;
    this.actionSpec = actionSpec;
    this.network = network;
    this.logStd = logStd.clone();
    this.norm = norm;
  }

  /** A fresh policy with seeded weights. */
  public static GaussianPolicy create(
      Spec observationSpec, Spec actionSpec, int hidden, int layers, double initLogStd, long seed) {
    Architecture arch = new Architecture(observationSpec.size(), actionSpec.size(), hidden, layers);
    float[] logStd = new float[actionSpec.size()];
    java.util.Arrays.fill(logStd, (float) initLogStd);
    return new GaussianPolicy(
        observationSpec,
        actionSpec,
        new PolicyNetwork(arch, seed),
        logStd,
        new RunningNorm(observationSpec.size()));
  }

  public Spec observationSpec() {
    return observationSpec;
  }

  public Spec actionSpec() {
    return actionSpec;
  }

  public PolicyNetwork network() {
    return network;
  }

  /** The log standard deviation of each action channel (the live array a learner trains). */
  public float[] logStd() {
    return logStd;
  }

  public RunningNorm norm() {
    return norm;
  }

  /** Standardizes a batch of raw observations with the current statistics. */
  public float[] normalize(float[] rawObs, int rows) {
    float[] out = new float[rows * observationSpec().size()];
    norm.normalize(rawObs, rows, out);
    return out;
  }

  /** A batch of sampled actions with what PPO needs to learn from them. */
  public record Sample(
      float[] normObs, float[] actions, float[] envActions, float[] logProb, float[] value) {}

  /** Samples one action per row from raw observations, with the caller's random stream. */
  public Sample sample(float[] rawObs, int rows, SplittableRandom random) {
    float[] normObs = normalize(rawObs, rows);
    PolicyNetwork.Output out = network.forward(normObs, rows);
    int a = actionSpec.size();
    float[] actions = new float[rows * a];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = (float) (out.mean()[i] + Math.exp(logStd[i % a]) * random.nextGaussian());
    }
    float[] logProb = new float[rows];
    for (int r = 0; r < rows; r++) {
      logProb[r] = (float) logProb(actions, out.mean(), logStd, r);
    }
    return new Sample(normObs, actions, clip(actions), logProb, out.value());
  }

  /** Log-density of row {@code row}'s action under N(mean, exp(logStd)^2), diagonal. */
  public static double logProb(float[] actions, float[] mean, float[] logStd, int row) {
    int a = logStd.length;
    double lp = 0;
    for (int j = 0; j < a; j++) {
      double sigma = Math.exp(logStd[j]);
      double z = (actions[row * a + j] - mean[row * a + j]) / sigma;
      lp += -0.5 * z * z - logStd[j] - HALF_LOG_2PI;
    }
    return lp;
  }

  /** The actor's mean of each row of raw observations, unclipped. */
  public float[] mean(float[] rawObs, int rows) {
    return network.mean(normalize(rawObs, rows), rows);
  }

  /** The mean action of each row, clipped into the action box: how a trained policy drives. */
  public float[] actDeterministic(float[] rawObs, int rows) {
    return clip(mean(rawObs, rows));
  }

  /** V of each row of raw observations. */
  public float[] value(float[] rawObs, int rows) {
    return network.forward(normalize(rawObs, rows), rows).value();
  }

  private float[] clip(float[] actions) {
    int a = actionSpec.size();
    float[] c = new float[actions.length];
    for (int i = 0; i < actions.length; i++) {
      c[i] = Math.max(actionSpec.low(i % a), Math.min(actionSpec.high(i % a), actions[i]));
    }
    return c;
  }

  /**
   * A policy for fine-tuning made from this one: its network through {@link PolicyNetwork#transfer}
   * (frozen layers, a new head), a copy of its observation normalization, and the log standard
   * deviation reset to {@code initLogStd}.
   */
  public GaussianPolicy fineTune(int frozenLayers, boolean newHead, double initLogStd, long seed) {
    float[] fresh = new float[actionSpec.size()];
    java.util.Arrays.fill(fresh, (float) initLogStd);
    return new GaussianPolicy(
        observationSpec,
        actionSpec,
        network.transfer(frozenLayers, newHead, seed),
        fresh,
        norm.copy());
  }

  /**
   * An independent copy with the same weights, spread and normalization, for acting on another
   * thread.
   */
  public GaussianPolicy copy() {
    return new GaussianPolicy(observationSpec, actionSpec, network.copy(), logStd, norm.copy());
  }
}
