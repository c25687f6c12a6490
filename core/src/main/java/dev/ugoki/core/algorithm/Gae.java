package dev.ugoki.core.algorithm;

/**
 * Generalized advantage estimation (Schulman et al., 2016, arXiv:1506.02438), over a rollout of
 * {@code steps} x {@code envs} stored step-major: index {@code t * envs + i}.
 *
 * <p>{@code done[t]} says that the step at t ended its episode, so the value of the next
 * observation (the first of a new episode, after auto-reset) is not bootstrapped. A truncated
 * episode's bootstrap is already folded into its last reward by the rollout (reward + gamma *
 * V(final observation)), so truncation and termination are both plain ends here.
 */
public final class Gae {
  private Gae() {}

  /**
   * @param rewards r[t, i]
   * @param values V(s[t, i])
   * @param dones the step at (t, i) ended an episode
   * @param lastValues V of the observation after the last step, per env
   * @return the advantages A[t, i]; the returns (value targets) are A + V
   */
  public static float[] advantages(
      float[] rewards,
      float[] values,
      boolean[] dones,
      float[] lastValues,
      int steps,
      int envs,
      double gamma,
      double lambda) {
    float[] adv = new float[steps * envs];
    for (int i = 0; i < envs; i++) {
      double lastGaeLam = 0;
      for (int t = steps - 1; t >= 0; t--) {
        int k = t * envs + i;
        double nextValue = t == steps - 1 ? lastValues[i] : values[k + envs];
        double nextNonTerminal = dones[k] ? 0 : 1;
        double delta = rewards[k] + gamma * nextValue * nextNonTerminal - values[k];
        lastGaeLam = delta + gamma * lambda * nextNonTerminal * lastGaeLam;
        adv[k] = (float) lastGaeLam;
      }
    }
    return adv;
  }
}
