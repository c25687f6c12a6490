package dev.ugoki.core.rollout;

/**
 * Divides rewards by the running standard deviation of the discounted return (Gymnasium's {@code
 * NormalizeReward}, as CleanRL's PPO uses it), one running return per environment. Only training
 * sees scaled rewards; episode returns are reported unscaled.
 */
public final class RewardScaler {
  private final double gamma;
  private final double[] running;
  private double mean;
  private double var = 1;
  private double count = 1e-4;

  public RewardScaler(int envs, double gamma) {
    this.gamma = gamma;
    this.running = new double[envs];
  }

  /** Scales one step's rewards in place; {@code done[i]} restarts env i's running return. */
  public void scale(float[] rewards, boolean[] done) {
    int n = rewards.length;
    double bMean = 0;
    for (int i = 0; i < n; i++) {
      running[i] = running[i] * gamma + rewards[i];
      bMean += running[i];
    }
    bMean /= n;
    double bVar = 0;
    for (int i = 0; i < n; i++) {
      bVar += (running[i] - bMean) * (running[i] - bMean);
    }
    bVar /= n;
    double total = count + n;
    double delta = bMean - mean;
    mean += delta * n / total;
    var = (var * count + bVar * n + delta * delta * count * n / total) / total;
    count = total;
    double std = Math.sqrt(var + 1e-8);
    for (int i = 0; i < n; i++) {
      rewards[i] = (float) (rewards[i] / std);
      if (done[i]) {
        running[i] = 0;
      }
    }
  }

  /** The divisor the next step will use. */
  public double std() {
    return Math.sqrt(var + 1e-8);
  }
}
