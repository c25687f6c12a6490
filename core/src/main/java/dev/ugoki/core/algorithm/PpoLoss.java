package dev.ugoki.core.algorithm;

import dev.ugoki.core.policy.GaussianPolicy;

/**
 * PPO's clipped objective for a diagonal Gaussian policy with a state-independent log standard
 * deviation, its value loss and entropy bonus, and their gradients with respect to the network's
 * outputs (action means and values) and the log standard deviation, in plain Java so the arithmetic
 * can be read and tested against finite differences (Schulman et al., 2017, arXiv:1707.06347; names
 * as in CleanRL's {@code ppo_continuous_action.py}).
 *
 * <pre>
 * logp    = sum_j -(a_j - mu_j)^2 / (2 sigma_j^2) - log sigma_j - log(2 pi) / 2
 * ratio   = exp(logp - old_logp)
 * pg_loss = mean(max(-A ratio, -A clip(ratio, 1 - clip_coef, 1 + clip_coef)))
 * v_loss  = 0.5 mean(max((V - R)^2, (old_V + clip(V - old_V, -clip_coef, clip_coef) - R)^2))
 * entropy = sum_j log sigma_j + log(2 pi e) / 2
 * anchor  = 0.5 mean(sum_j (mu_j - anchor_mu_j)^2)
 * loss    = pg_loss - ent_coef entropy + vf_coef v_loss + anchor_coef anchor
 * </pre>
 *
 * <p>The anchor is a fine-tune's pull toward the mean actions of the policy it started from, on the
 * rollout's observations: behavior cloning of the pretrained policy beside the policy gradient, the
 * knowledge-retention term that keeps RL fine-tuning from forgetting what pretraining taught
 * (kickstarting, Schmitt et al., 2018, arXiv:1803.03835; Wolczyk et al., 2024, arXiv:2402.02868).
 */
public final class PpoLoss {
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  /** The loss and its parts for logging; the gradients are written into the caller's arrays. */
  public record Result(
      double loss,
      double pgLoss,
      double vLoss,
      double entropy,
      double approxKl,
      double clipFraction,
      double anchor) {}

  /** The coefficients of the loss. */
  public record Coefficients(
      double clipCoef, boolean clipVloss, double entCoef, double vfCoef, double anchorCoef) {}

  private PpoLoss() {}

  /**
   * Computes the loss over {@code rows} samples and writes dLoss/dMean (rows x act), dLoss/dValue
   * (rows) and dLoss/dLogStd (act). {@code anchorMean} (rows x act) is the starting policy's mean
   * actions, or null without an anchor.
   */
  public static Result compute(
      float[] mean,
      float[] value,
      float[] logStd,
      float[] actions,
      float[] oldLogProb,
      float[] advantages,
      float[] returns,
      float[] oldValues,
      float[] anchorMean,
      int rows,
      Coefficients c,
      float[] dMean,
      float[] dValue,
      float[] dLogStd) {
    int a = logStd.length;
    double[] invVar = new double[a];
    double entropy = 0;
    for (int j = 0; j < a; j++) {
      invVar[j] = Math.exp(-2.0 * logStd[j]);
      entropy += logStd[j] + 0.5 + HALF_LOG_2PI;
      dLogStd[j] = (float) -c.entCoef();
    }
    double pgLoss = 0;
    double vLoss = 0;
    double kl = 0;
    double anchor = 0;
    int clipped = 0;
    double[] dLogStdAcc = new double[a];
    for (int i = 0; i < rows; i++) {
      double logRatio = GaussianPolicy.logProb(actions, mean, logStd, i) - oldLogProb[i];
      double ratio = Math.exp(logRatio);
      kl += (ratio - 1) - logRatio;
      if (Math.abs(ratio - 1) > c.clipCoef()) {
        clipped++;
      }
      double adv = advantages[i];
      double pg1 = -adv * ratio;
      double pg2 = -adv * Math.max(1 - c.clipCoef(), Math.min(1 + c.clipCoef(), ratio));
      pgLoss += Math.max(pg1, pg2);
      // d max(pg1, pg2) / d logp: pg1 is the live branch unless the clipped one is larger
      double dLogp = pg1 >= pg2 ? -adv * ratio / rows : 0;
      for (int j = 0; j < a; j++) {
        double diff = actions[i * a + j] - mean[i * a + j];
        double d = dLogp * diff * invVar[j];
        dLogStdAcc[j] += dLogp * (diff * diff * invVar[j] - 1);
        if (anchorMean != null) {
          double off = (double) mean[i * a + j] - anchorMean[i * a + j];
          anchor += 0.5 * off * off;
          d += c.anchorCoef() * off / rows;
        }
        dMean[i * a + j] = (float) d;
      }

      double err = (double) value[i] - returns[i];
      if (c.clipVloss()) {
        // inside the clip range the clipped value is the value itself, exactly: computing it
        // as old + (value - old) would round, and could pick the wrong branch of the max
        double delta = (double) value[i] - oldValues[i];
        double vClipped =
            Math.abs(delta) <= c.clipCoef()
                ? value[i]
                : oldValues[i] + Math.copySign(c.clipCoef(), delta);
        double errClipped = vClipped - returns[i];
        boolean unclippedLive = err * err >= errClipped * errClipped;
        vLoss += 0.5 * Math.max(err * err, errClipped * errClipped);
        dValue[i] = (float) (unclippedLive ? c.vfCoef() * err / rows : 0);
      } else {
        vLoss += 0.5 * err * err;
        dValue[i] = (float) (c.vfCoef() * err / rows);
      }
    }
    for (int j = 0; j < a; j++) {
      dLogStd[j] += (float) dLogStdAcc[j];
    }
    pgLoss /= rows;
    vLoss /= rows;
    anchor /= rows;
    double loss = pgLoss - c.entCoef() * entropy + c.vfCoef() * vLoss + c.anchorCoef() * anchor;
    return new Result(loss, pgLoss, vLoss, entropy, kl / rows, clipped / (double) rows, anchor);
  }
}
