package dev.ugoki.core.algorithm;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.rollout.Rollout;
import java.util.SplittableRandom;

/**
 * Proximal policy optimization's update, in the paper's order (Schulman et al., 2017; CleanRL's
 * {@code ppo_continuous_action.py}): advantages by GAE over a rollout, then several epochs of
 * shuffled minibatches, each a step on the clipped surrogate, the value loss and the entropy bonus,
 * with advantage normalization, a global gradient-norm clip and an optional KL early stop. Rollouts
 * come from {@link dev.ugoki.core.rollout.RolloutCollector}; the training loop, with checkpoints
 * and logging, is {@link dev.ugoki.core.train.Trainer}.
 */
public final class Ppo {

  /** What one update did, for the logs. */
  public record UpdateStats(
      double pgLoss,
      double vLoss,
      double entropy,
      double approxKl,
      double clipFraction,
      double explainedVariance,
      double gradNorm,
      int epochs,
      double anchor) {}

  private final PpoConfig config;
  private final Learner learner;
  private final SplittableRandom random;
  private final PpoLoss.Coefficients coefficients;

  public Ppo(PpoConfig config, Learner learner, long seed) {
    this.config = config;
    this.learner = learner;
    this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    this.coefficients =
        new PpoLoss.Coefficients(
            config.clipCoef(),
            config.clipVloss(),
            config.entCoef(),
            config.vfCoef(),
            config.anchorCoef());
  }

  /** Learns from one rollout; {@code lrScale} is the learning-rate schedule's factor. */
  public UpdateStats update(Rollout r, double lrScale) {
    // 1. advantages and value targets
    float[] advantages =
        Gae.advantages(
            r.rewards(),
            r.values(),
            r.dones(),
            r.lastValues(),
            r.steps(),
            r.envs(),
            config.gamma(),
            config.gaeLambda());
    int b = r.size();
    float[] returns = new float[b];
    for (int k = 0; k < b; k++) {
      returns[k] = advantages[k] + r.values()[k];
    }

    // 2. epochs of shuffled minibatches
    int mbSize = b / config.numMinibatches();
    int[] inds = new int[b];
    for (int k = 0; k < b; k++) {
      inds[k] = k;
    }
    int o = r.obsSize();
    int a = r.actSize();
    float[] mbObs = new float[mbSize * o];
    float[] mbAct = new float[mbSize * a];
    float[] mbLogProb = new float[mbSize];
    float[] mbAdv = new float[mbSize];
    float[] mbRet = new float[mbSize];
    float[] mbVal = new float[mbSize];
    float[] mbAnchor = r.anchorMean() == null ? null : new float[mbSize * a];
    double pg = 0;
    double vl = 0;
    double ent = 0;
    double kl = 0;
    double clipFrac = 0;
    double gradNorm = 0;
    double anchor = 0;
    int steps = 0;
    int epochsRun = 0;
    for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
      Shuffle.inPlace(inds, random);
      double epochKl = 0;
      int epochSteps = 0;
      for (int start = 0; start + mbSize <= b; start += mbSize) {
        for (int m = 0; m < mbSize; m++) {
          int k = inds[start + m];
          System.arraycopy(r.obs(), k * o, mbObs, m * o, o);
          System.arraycopy(r.actions(), k * a, mbAct, m * a, a);
          mbLogProb[m] = r.logProb()[k];
          mbAdv[m] = advantages[k];
          mbRet[m] = returns[k];
          mbVal[m] = r.values()[k];
          if (mbAnchor != null) {
            System.arraycopy(r.anchorMean(), k * a, mbAnchor, m * a, a);
          }
        }
        if (config.normAdv()) {
          standardize(mbAdv);
        }
        PpoLoss.Result[] result = new PpoLoss.Result[1];
        Learner.Step step =
            learner.step(
                mbObs,
                mbSize,
                (mean, value, dMean, dValue, dLogStd) ->
                    result[0] =
                        PpoLoss.compute(
                            mean,
                            value,
                            learner.policy().logStd(),
                            mbAct,
                            mbLogProb,
                            mbAdv,
                            mbRet,
                            mbVal,
                            mbAnchor,
                            mbSize,
                            coefficients,
                            dMean,
                            dValue,
                            dLogStd),
                config.maxGradNorm(),
                lrScale);
        pg += result[0].pgLoss();
        vl += result[0].vLoss();
        ent += result[0].entropy();
        kl += result[0].approxKl();
        clipFrac += result[0].clipFraction();
        anchor += result[0].anchor();
        gradNorm += step.gradNorm();
        epochKl += result[0].approxKl();
        steps++;
        epochSteps++;
      }
      epochsRun++;
      if (config.targetKl() > 0 && epochKl / epochSteps > config.targetKl()) {
        break;
      }
    }
    return new UpdateStats(
        pg / steps,
        vl / steps,
        ent / steps,
        kl / steps,
        clipFrac / steps,
        explainedVariance(r.values(), returns),
        gradNorm / steps,
        epochsRun,
        anchor / steps);
  }

  static void standardize(float[] x) {
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    for (float v : x) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(var / Math.max(1, x.length - 1)) + 1e-8;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ((x[i] - mean) / std);
    }
  }

  /** 1 - Var(returns - values) / Var(returns): how much of the return the critic explains. */
  static double explainedVariance(float[] values, float[] returns) {
    double mr = 0;
    double md = 0;
    for (int i = 0; i < values.length; i++) {
      mr += returns[i];
      md += returns[i] - values[i];
    }
    mr /= values.length;
    md /= values.length;
    double vr = 0;
    double vd = 0;
    for (int i = 0; i < values.length; i++) {
      vr += (returns[i] - mr) * (returns[i] - mr);
      double d = returns[i] - values[i] - md;
      vd += d * d;
    }
    return vr == 0 ? Double.NaN : 1 - vd / vr;
  }
}
