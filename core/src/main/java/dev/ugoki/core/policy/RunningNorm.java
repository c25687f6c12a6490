package dev.ugoki.core.policy;

import java.util.Arrays;

/**
 * Running mean and variance of each observation channel (the parallel algorithm of Chan et al., as
 * in Stable-Baselines3's {@code RunningMeanStd}), used to feed the network standardized inputs
 * clipped to +-{@link #CLIP}. Its statistics belong to the saved policy: a policy only works with
 * the normalization it was trained with.
 */
public final class RunningNorm {
  /** Standardized inputs are clipped to this many standard deviations. */
  public static final float CLIP = 10;

  /** Added to the variance before its square root. */
  public static final double EPSILON = 1e-8;

  private final double[] mean;
  private final double[] var;
  private double count;

  public RunningNorm(int size) {
    mean = new double[size];
    var = new double[size];
    Arrays.fill(var, 1);
    count = 1e-4; // as SB3: the first batch dominates at once
  }

  public RunningNorm(double[] mean, double[] var, double count) {
    if (mean.length != var.length || !(count > 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("normalization statistics are inconsistent");
    }
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i]) || !(var[i] >= 0) || !Double.isFinite(var[i])) {
        throw new IllegalArgumentException("normalization statistics hold a non-finite value");
      }
    }
    this.mean = mean.clone();
    this.var = var.clone();
    this.count = count;
  }

  public int size() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] var() {
    return var.clone();
  }

  public double count() {
    return count;
  }

  public RunningNorm copy() {
    return new RunningNorm(mean, var, count);
  }

  /** Folds in {@code rows} observations stored row after row in {@code x}. */
  public void update(float[] x, int rows) {
    int d = mean.length;
    double[] bMean = new double[d];
    double[] bVar = new double[d];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < d; i++) {
        bMean[i] += x[r * d + i];
      }
    }
    for (int i = 0; i < d; i++) {
      bMean[i] /= rows;
    }
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < d; i++) {
        double diff = x[r * d + i] - bMean[i];
        bVar[i] += diff * diff;
      }
    }
    double total = count + rows;
    for (int i = 0; i < d; i++) {
      bVar[i] /= rows;
      double delta = bMean[i] - mean[i];
      double m2 = var[i] * count + bVar[i] * rows + delta * delta * count * rows / total;
      mean[i] += delta * rows / total;
      var[i] = m2 / total;
    }
    count = total;
  }

  /** Standardizes {@code rows} observations into {@code out}. */
  public void normalize(float[] x, int rows, float[] out) {
    int d = mean.length;
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < d; i++) {
        double z = (x[r * d + i] - mean[i]) / Math.sqrt(var[i] + EPSILON);
        out[r * d + i] = (float) Math.max(-CLIP, Math.min(CLIP, z));
      }
    }
  }
}
