package dev.ugoki.core.study;

/**
 * A power law {@code y = a * x^b} fitted by least squares on {@code log y} against {@code log x},
 * the way scaling laws are fitted: {@code b} is the exponent, {@code r2} the share of the variance
 * of {@code log y} the line explains.
 */
public record PowerLaw(double prefactor, double exponent, double r2, int points) {

  /**
   * Fits the points; every x and y must be positive and finite, and at least two x must differ.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static PowerLaw fit(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("a power law needs two or more points, got " + x.length);
    }
    int n = x.length;
    double[] lx = new double[n];
    double[] ly = new double[n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      if (!(x[i] > 0 && y[i] > 0) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
        throw new IllegalArgumentException(
            "a power law fits positive values only, got (" + x[i] + ", " + y[i] + ")");
      }
      lx[i] = Math.log(x[i]);
      ly[i] = Math.log(y[i]);
      mx += lx[i] / n;
      my += ly[i] / n;
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (lx[i] - mx) * (lx[i] - mx);
      sxy += (lx[i] - mx) * (ly[i] - my);
      syy += (ly[i] - my) * (ly[i] - my);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("a power law needs two different x");
    }
    double b = sxy / sxx;
    double a = my - b * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r = ly[i] - (a + b * lx[i]);
      sse += r * r;
    }
    // a flat line explains a flat series entirely
    double r2 = syy == 0 ? 1 : 1 - sse / syy;
    return new PowerLaw(Math.exp(a), b, r2, n);
  }

  /** The fitted value at {@code x}. */
  public double at(double x) {
    return prefactor * Math.pow(x, exponent);
  }
}
