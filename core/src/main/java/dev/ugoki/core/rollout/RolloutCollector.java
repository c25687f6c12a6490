package dev.ugoki.core.rollout;

import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects rollouts from a vector env with the policy run on the whole batch in one call per step.
 * Episodes continue from one rollout to the next. Observation statistics are updated from every raw
 * observation before it is standardized (as Gymnasium's {@code NormalizeObservation}).
 */
public final class RolloutCollector {
  private final VectorEnv envs;
  private final GaussianPolicy policy;
  private final GaussianPolicy anchor;
  private final RewardScaler scaler;
  private final double gamma;
  private final SplittableRandom random;
  private final int n;
  private final int obsSize;
  private final int actSize;
  private final double[] episodeReturn;
  private final int[] episodeLength;
  private float[] obs;

  /**
   * @param anchor a frozen policy whose mean actions on the same observations each rollout keeps
   *     ({@link Rollout#anchorMean}: a fine-tune's starting policy); null keeps none
   * @param scaler divides rewards by the running return's spread; null leaves them as they are
   * @param seed seeds the environments and the action noise
   */
  public RolloutCollector(
      VectorEnv envs,
      GaussianPolicy policy,
      GaussianPolicy anchor,
      RewardScaler scaler,
      double gamma,
      long seed) {
    if (anchor != null
        && (!anchor.observationSpec().equals(policy.observationSpec())
            || !anchor.actionSpec().equals(policy.actionSpec()))) {
      throw new IllegalArgumentException("the anchor policy's layout is not the policy's");
    }
    this.envs = envs;
    this.policy = policy;
    this.anchor = anchor;
    this.scaler = scaler;
    this.gamma = gamma;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.n = envs.numEnvs();
    this.obsSize = envs.observationSpec().size();
    this.actSize = envs.actionSpec().size();
    this.episodeReturn = new double[n];
    this.episodeLength = new int[n];
    this.obs = envs.reset(seed).clone();
  }

  public int numEnvs() {
    return n;
  }

  /** Steps every env {@code steps} times; {@code learnNorm} updates the observation statistics. */
  public Rollout collect(int steps, boolean learnNorm) {
    int b = steps * n;
    float[] bObs = new float[b * obsSize];
    float[] bAct = new float[b * actSize];
    float[] bLogProb = new float[b];
    float[] bValues = new float[b];
    float[] bRewards = new float[b];
    boolean[] bDones = new boolean[b];
    float[] bAnchor = anchor == null ? null : new float[b * actSize];
    List<EpisodeStats> episodes = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      if (learnNorm) {
        policy.norm().update(obs, n);
      }
      GaussianPolicy.Sample s = policy.sample(obs, n, random);
      System.arraycopy(s.normObs(), 0, bObs, t * n * obsSize, n * obsSize);
      System.arraycopy(s.actions(), 0, bAct, t * n * actSize, n * actSize);
      System.arraycopy(s.logProb(), 0, bLogProb, t * n, n);
      System.arraycopy(s.value(), 0, bValues, t * n, n);
      if (anchor != null) {
        System.arraycopy(anchor.mean(obs, n), 0, bAnchor, t * n * actSize, n * actSize);
      }

      envs.step(s.envActions());
      float[] rewards = envs.rewards().clone();
      boolean[] done = new boolean[n];
      for (int i = 0; i < n; i++) {
        done[i] = envs.terminated()[i] || envs.truncated()[i];
        episodeReturn[i] += rewards[i];
        episodeLength[i]++;
        if (done[i]) {
          Info info = envs.infos()[i];
          episodes.add(
              new EpisodeStats(
                  episodeReturn[i],
                  episodeLength[i],
                  info.success(),
                  info.crashed(),
                  info.progress(),
                  info.episodeTimeS()));
          episodeReturn[i] = 0;
          episodeLength[i] = 0;
        }
      }
      if (scaler != null) {
        scaler.scale(rewards, done);
      }
      bootstrapTruncated(rewards);
      System.arraycopy(rewards, 0, bRewards, t * n, n);
      System.arraycopy(done, 0, bDones, t * n, n);
      obs = envs.observations().clone();
    }
    float[] lastValues = policy.value(obs, n);
    return new Rollout(
        steps,
        n,
        obsSize,
        actSize,
        bObs,
        bAct,
        bLogProb,
        bValues,
        bRewards,
        bDones,
        lastValues,
        bAnchor,
        List.copyOf(episodes));
  }

  /** A time limit is not the task's end: add gamma V(final observation) to the last reward. */
  private void bootstrapTruncated(float[] rewards) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (envs.truncated()[i] && !envs.terminated()[i]) {
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    float[] finals = new float[count * obsSize];
    int[] which = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (envs.truncated()[i] && !envs.terminated()[i]) {
        System.arraycopy(envs.finalObservations(), i * obsSize, finals, k * obsSize, obsSize);
        which[k++] = i;
      }
    }
    float[] v = policy.value(finals, count);
    for (int j = 0; j < count; j++) {
      rewards[which[j]] += (float) (gamma * v[j]);
    }
  }
}
