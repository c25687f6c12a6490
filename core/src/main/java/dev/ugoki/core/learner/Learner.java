package dev.ugoki.core.learner;

import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.PolicyNetwork;

/**
 * What training holds, as one value (Brax's {@code TrainingState}): the policy being trained (its
 * weights, log standard deviation and observation normalization), the Adam state of its network and
 * of its log standard deviation, and the environment steps and updates trained so far. A checkpoint
 * saves exactly this (the counts in its metadata) and a resume restores it; the policy alone, which
 * eval, render, the rollouts and the window use, carries no optimizer.
 *
 * <p>{@link #step} is the one gradient step of every algorithm here (PPO, behavior cloning,
 * DAgger): the caller's loss gradient with respect to the network's outputs and the log standard
 * deviation, back-propagation, one global gradient-norm clip over both, and an Adam step on each.
 * Not thread-safe.
 */
public final class Learner {
  /** Both optimizers' moments and step counts. */
  public record State(Adam.State network, Adam.State logStd) {}

  /** The loss gradient with respect to the network's outputs and the log standard deviation. */
  @FunctionalInterface
  public interface Loss {
    /**
     * @param mean the actor's outputs, rows x act
     * @param value the critic's outputs, rows
     * @param dMean to fill: dLoss/dMean
     * @param dValue to fill: dLoss/dValue
     * @param dLogStd to fill: dLoss/dLogStd (left at zero, the spread does not move)
     */
    void fill(float[] mean, float[] value, float[] dMean, float[] dValue, float[] dLogStd);
  }

  /** What a step did to the gradient: its norm before clipping and the factor it was scaled by. */
  public record Step(double gradNorm, double clipScale) {}

  private final GaussianPolicy policy;
  private final Adam network;
  private final Adam logStd;
  private final float[] dLogStd;
  private long steps;
  private int updates;

  /** A learner that starts training {@code policy} with fresh optimizers. */
  public static Learner fresh(GaussianPolicy policy, double learningRate) {
    return new Learner(
        policy,
        new State(
            Adam.State.zero(policy.network().numParams()), Adam.State.zero(policy.logStd().length)),
        learningRate,
        0,
        0);
  }

  /**
   * A learner that goes on from a checkpoint: its policy, optimizer state, and the steps and
   * updates it had trained.
   */
  public Learner(GaussianPolicy policy, State state, double learningRate, long steps, int updates) {
    if (steps < 0 || updates < 0) {
      throw new IllegalArgumentException(
          "a learner cannot have trained " + steps + " steps in " + updates + " updates");
    }
    this.steps = steps;
    this.updates = updates;
    if (state.network().m().length != policy.network().numParams()
        || state.logStd().m().length != policy.logStd().length) {
      throw new IllegalArgumentException(
          "optimizer state for "
              + state.network().m().length
              + " weights and "
              + state.logStd().m().length
              + " log stds does not fit a policy with "
              + policy.network().numParams()
              + " and "
              + policy.logStd().length);
    }
    this.policy = policy;
    this.network = new Adam(state.network(), learningRate);
    this.logStd = new Adam(state.logStd(), learningRate);
    this.dLogStd = new float[policy.logStd().length];
  }

  public GaussianPolicy policy() {
    return policy;
  }

  public State state() {
    return new State(network.state(), logStd.state());
  }

  /** Environment steps trained on so far. */
  public long steps() {
    return steps;
  }

  /** Updates (rollouts learned from, or cloning fits) so far. */
  public int updates() {
    return updates;
  }

  /** Counts one update that learned from {@code samples} environment steps. */
  public void countUpdate(long samples) {
    steps = Math.addExact(steps, samples);
    updates = Math.addExact(updates, 1);
  }

  /**
   * One training step on {@code rows} standardized observations: see the class. {@code lrScale}
   * multiplies Adam's step (a learning-rate schedule); {@code maxGradNorm} 0 turns the clip off.
   */
  public Step step(float[] obs, int rows, Loss loss, double maxGradNorm, double lrScale) {
    java.util.Arrays.fill(dLogStd, 0);
    float[] g =
        policy
            .network()
            .gradient(
                obs,
                rows,
                (mean, value, dMean, dValue) -> loss.fill(mean, value, dMean, dValue, dLogStd));
    return apply(g, maxGradNorm, lrScale);
  }

  /**
   * {@link #step} for a loss of the action means alone (behavior cloning, DAgger): the critic is
   * not run, its weights get a zero gradient and the spread none, the same update as {@link #step}
   * with dLoss/dValue and dLoss/dLogStd zero, at half the cost.
   */
  public Step stepMean(
      float[] obs, int rows, PolicyNetwork.MeanGradient loss, double maxGradNorm, double lrScale) {
    java.util.Arrays.fill(dLogStd, 0);
    return apply(policy.network().meanGradient(obs, rows, loss), maxGradNorm, lrScale);
  }

  /** Clips the gradient {@code g} with {@link #dLogStd} by their global norm, then steps Adam. */
  private Step apply(float[] g, double maxGradNorm, double lrScale) {
    double sq = 0;
    for (float x : g) {
      sq += (double) x * x;
    }
    for (float x : dLogStd) {
      sq += (double) x * x;
    }
    double norm = Math.sqrt(sq);
    double scale = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / norm : 1;
    if (scale != 1) {
      float s = (float) scale;
      for (int k = 0; k < g.length; k++) {
        g[k] *= s;
      }
      for (int j = 0; j < dLogStd.length; j++) {
        dLogStd[j] *= s;
      }
    }
    policy.network().subtract(network.step(g, lrScale));
    float[] sigma = policy.logStd();
    float[] ds = logStd.step(dLogStd, lrScale);
    for (int j = 0; j < sigma.length; j++) {
      sigma[j] -= ds[j];
    }
    return new Step(norm, scale);
  }
}
