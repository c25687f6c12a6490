package dev.ugoki.core.algorithm;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Behavior cloning: supervised regression of a {@link GaussianPolicy}'s action mean onto
 * demonstrated actions (Pomerleau's ALVINN, 1989; the baseline of Ross, Gordon and Bagnell, 2011).
 *
 * <pre>
 * squared:   loss = mean over rows r and channels j of (mu_rj - a*_rj)^2
 *            dLoss/dmu = 2 (mu - a*) / (rows * act)
 * absolute:  loss = mean over rows r and channels j of |mu_rj - a*_rj|      ({@link Config#l1Loss})
 *            dLoss/dmu = sign(mu - a*) / (rows * act)
 * dLoss/dV = 0   (the critic is left as it is, and not even run)
 * </pre>
 *
 * Squared error fits the mean of the labels a network cannot tell apart, absolute error their
 * median: where an expert's label jumps between two commands (push on, or leave), the mean is a
 * command between them that may stand still, the median one of the two (ACT, Zhao et al. 2023,
 * clones with L1).
 *
 * <p>Inputs: raw observations and the demonstrator's actions, row after row. The policy
 * standardizes its input with its {@link dev.ugoki.core.policy.RunningNorm}, so {@link #fit} first
 * folds the demonstrations' observations into those statistics, then trains epochs of shuffled
 * minibatches (a seeded {@link SplittableRandom}) with the learner's Adam and global gradient-norm
 * clip. Output: the loss of each epoch.
 *
 * <p>The log standard deviation: regression does not learn it, and the value it had (PPO's initial
 * e^0 = 1 by default) would make a sampled action mostly noise. With {@link Config#fitLogStd()} it
 * is set, after training, to the maximum-likelihood spread of the demonstrations around the fitted
 * mean, per channel ({@code log sqrt(mean (mu - a*)^2)}), never below {@link #MIN_STD}: the policy
 * then samples about as precisely as it imitates, and PPO fine-tuning starts from an honest, small
 * exploration noise it can grow. A cloned policy is normally driven by its mean ({@link
 * GaussianPolicy#actDeterministic}), which the spread does not touch.
 */
public final class BehaviorCloning {
  /** The fitted standard deviation is never set below this (in action units). */
  public static final double MIN_STD = 0.05;

  /** Rows per forward call when measuring the residual spread. */
  private static final int EVAL_CHUNK = 4096;

  /**
   * @param epochs passes over the data
   * @param minibatchSize rows per gradient step (the last step of an epoch may have fewer)
   * @param lrScale the factor on the learner's Adam learning rate
   * @param maxGradNorm global gradient norm clip; 0 turns it off
   * @param fitLogStd set the log standard deviation to the residual spread after training
   * @param l1Loss regress by absolute error instead of squared
   */
  public record Config(
      int epochs,
      int minibatchSize,
      double lrScale,
      double maxGradNorm,
      boolean fitLogStd,
      boolean l1Loss) {
    public Config {
      if (epochs < 0 || minibatchSize < 1 || !(lrScale > 0) || !(maxGradNorm >= 0)) {
        throw new IllegalArgumentException(
            "invalid behavior cloning config: epochs "
                + epochs
                + ", minibatch "
                + minibatchSize
                + ", lr scale "
                + lrScale
                + ", max grad norm "
                + maxGradNorm);
      }
    }

    public Config withEpochs(int e) {
      return new Config(e, minibatchSize, lrScale, maxGradNorm, fitLogStd, l1Loss);
    }
  }

  /**
   * One pass over the data.
   *
   * @param epoch 0-based
   * @param loss mean squared (or absolute) error over the epoch's minibatches, each measured before
   *     its step
   * @param gradNorm mean gradient norm before clipping
   */
  public record EpochStats(int epoch, double loss, double gradNorm) {}

  private final Learner learner;
  private final GaussianPolicy policy;
  private final Config config;
  private final SplittableRandom random;
  private java.util.function.BooleanSupplier stop = () -> false;

  /** Asked before every minibatch: true ends {@link #train} there. */
  public void setStop(java.util.function.BooleanSupplier stop) {
    this.stop = java.util.Objects.requireNonNull(stop);
  }

  public BehaviorCloning(Learner learner, Config config, long seed) {
    this.learner = learner;
    this.policy = learner.policy();
    this.config = config;
    this.random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
  }

  public Config config() {
    return config;
  }

  /** Folds the observations into the policy's normalization, then trains; see the class. */
  public List<EpochStats> fit(DemoDataset data) {
    policy.norm().update(data.observationsView(), data.rows());
    return train(data, config.epochs());
  }

  /**
   * Trains {@code epochs} passes without touching the normalization (DAgger folds in each
   * iteration's new observations itself, so the aggregate is not counted again).
   */
  public List<EpochStats> train(DemoDataset data, int epochs) {
    int rows = data.rows();
    if (rows == 0) {
      throw new IllegalArgumentException("no demonstrations to learn from");
    }
    if (data.observationSize() != policy.observationSpec().size()
        || data.actionSize() != policy.actionSpec().size()) {
      throw new IllegalArgumentException(
          "the demonstrations have "
              + data.observationSize()
              + " observation and "
              + data.actionSize()
              + " action channels, the policy "
              + policy.observationSpec().size()
              + " and "
              + policy.actionSpec().size());
    }
    int o = data.observationSize();
    int a = data.actionSize();
    // the statistics stay fixed during training: standardize once
    float[] normObs = policy.normalize(data.observationsView(), rows);
    float[] target = data.actionsView();
    int[] inds = new int[rows];
    for (int k = 0; k < rows; k++) {
      inds[k] = k;
    }
    int mb = Math.min(config.minibatchSize(), rows);
    float[] mbObs = new float[mb * o];
    float[] mbAct = new float[mb * a];
    List<EpochStats> stats = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      Shuffle.inPlace(inds, random);
      double lossSum = 0;
      double normSum = 0;
      int steps = 0;
      for (int start = 0; start < rows; start += mb) {
        if (stop.getAsBoolean()) {
          return stats; // asked to stop: the weights as the last minibatch left them
        }
        int n = Math.min(mb, rows - start);
        float[] x = n == mb ? mbObs : new float[n * o];
        float[] y = n == mb ? mbAct : new float[n * a];
        for (int m = 0; m < n; m++) {
          int k = inds[start + m];
          System.arraycopy(normObs, k * o, x, m * o, o);
          System.arraycopy(target, k * a, y, m * a, a);
        }
        double[] loss = new double[1];
        // the critic and the spread are not trained
        Learner.Step step =
            learner.stepMean(
                x,
                n,
                (mean, dMean) ->
                    loss[0] =
                        config.l1Loss()
                            ? maeGradient(mean, y, n, a, dMean)
                            : mseGradient(mean, y, n, a, dMean),
                config.maxGradNorm(),
                config.lrScale());
        lossSum += loss[0] * n;
        normSum += step.gradNorm();
        steps++;
      }
      stats.add(new EpochStats(epoch, lossSum / rows, normSum / steps));
    }
    if (config.fitLogStd()) {
      fitLogStd(normObs, target, rows);
    }
    return stats;
  }

  /**
   * The mean squared error of {@code mean} against {@code target} over {@code rows x act} values,
   * with its gradient written into {@code dMean}: 2 (mean - target) / (rows * act).
   */
  public static double mseGradient(float[] mean, float[] target, int rows, int act, float[] dMean) {
    int count = rows * act;
    double sum = 0;
    for (int k = 0; k < count; k++) {
      double d = mean[k] - target[k];
      sum += d * d;
      dMean[k] = (float) (2 * d / count);
    }
    return sum / count;
  }

  /**
   * The mean absolute error of {@code mean} against {@code target} over {@code rows x act} values,
   * with its gradient written into {@code dMean}: sign(mean - target) / (rows * act), 0 where they
   * are equal.
   */
  public static double maeGradient(float[] mean, float[] target, int rows, int act, float[] dMean) {
    int count = rows * act;
    double sum = 0;
    for (int k = 0; k < count; k++) {
      double d = mean[k] - target[k];
      sum += Math.abs(d);
      dMean[k] = (float) (Math.signum(d) / count);
    }
    return sum / count;
  }

  /** The mean squared error of the policy's mean on a dataset, without training. */
  public double loss(DemoDataset data) {
    float[] normObs = policy.normalize(data.observationsView(), data.rows());
    double[] sq = residualSquares(normObs, data.actionsView(), data.rows());
    double sum = 0;
    for (double s : sq) {
      sum += s;
    }
    return sum / sq.length;
  }

  private void fitLogStd(float[] normObs, float[] target, int rows) {
    double[] sq = residualSquares(normObs, target, rows);
    float[] logStd = policy.logStd();
    for (int j = 0; j < logStd.length; j++) {
      logStd[j] = (float) Math.log(Math.max(MIN_STD, Math.sqrt(sq[j])));
    }
  }

  /** Per action channel, the mean squared residual of the policy's mean. */
  private double[] residualSquares(float[] normObs, float[] target, int rows) {
    int o = policy.observationSpec().size();
    int a = policy.actionSpec().size();
    double[] sq = new double[a];
    for (int start = 0; start < rows; start += EVAL_CHUNK) {
      int n = Math.min(EVAL_CHUNK, rows - start);
      float[] x = java.util.Arrays.copyOfRange(normObs, start * o, (start + n) * o);
      float[] mean = policy.network().mean(x, n);
      for (int m = 0; m < n; m++) {
        for (int j = 0; j < a; j++) {
          double d = mean[m * a + j] - target[(start + m) * a + j];
          sq[j] += d * d;
        }
      }
    }
    for (int j = 0; j < a; j++) {
      sq[j] /= rows;
    }
    return sq;
  }
}
