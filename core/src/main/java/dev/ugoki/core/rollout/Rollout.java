package dev.ugoki.core.rollout;

import java.util.List;

/**
 * One rollout of {@code steps} x {@code envs} samples, stored step-major (sample {@code t * envs +
 * i}): standardized observations, the sampled (unclipped) actions with their log-probabilities and
 * values, the rewards PPO learns from (scaled, with truncated episodes' bootstrap folded in), and
 * where episodes ended; for a fine-tune held near its start, the starting policy's mean actions on
 * the same observations ({@code anchorMean}, null otherwise).
 */
public record Rollout(
    int steps,
    int envs,
    int obsSize,
    int actSize,
    float[] obs,
    float[] actions,
    float[] logProb,
    float[] values,
    float[] rewards,
    boolean[] dones,
    float[] lastValues,
    float[] anchorMean,
    List<EpisodeStats> episodes) {

  public int size() {
    return steps * envs;
  }
}
