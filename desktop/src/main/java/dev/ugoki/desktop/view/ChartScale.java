package dev.ugoki.desktop.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training chart's axes, without graphics: ranges that end on round numbers with a tick every
 * 1, 2 or 5 times a power of ten (Heckbert's "nice numbers", Graphics Gems, 1990), and their
 * labels.
 *
 * <p>The return axis spans at least {@link #MIN_SPAN_SHARE} of the return's magnitude (and at least
 * {@link #MIN_SPAN}), centred on the data: a mean return that drifts from -15.8 to -17.0 is noise
 * next to a run that goes from -17 to 58, and must not fill the chart's height as if it were that
 * run.
 */
final class ChartScale {
  /** The smallest span of the return axis, for returns near zero. */
  static final double MIN_SPAN = 1;

  /** The smallest span of the return axis as a share of the largest |return| shown. */
  static final double MIN_SPAN_SHARE = 0.5;

  /** About this many intervals between ticks (the nice step makes it 3 to 7). */
  static final int INTERVALS = 4;

  private ChartScale() {}

  /** An axis from {@code lo} to {@code hi} with a tick every {@code step}, lo and hi included. */
  record Axis(double lo, double hi, double step) {
    /** The tick values, lo first. */
    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      long n = Math.round((hi - lo) / step);
      for (long i = 0; i <= n; i++) {
        // from lo by multiples of the step: no rounding error piles up along the axis
        out.add(lo + i * step);
      }
      return out;
    }

    /** Where {@code v} lies on the axis, 0 at lo and 1 at hi, held within the axis. */
    double fraction(double v) {
      return Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    }
  }

  /**
   * The return axis for mean returns from {@code min} to {@code max} (NaN when there is none yet:
   * -1 to 1): at least the minimum span, centred on the data, widened to nice ends.
   */
  static Axis returns(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      return covering(-MIN_SPAN, MIN_SPAN);
    }
    double magnitude = Math.max(Math.abs(min), Math.abs(max));
    double span = Math.max(max - min, Math.max(MIN_SPAN, MIN_SPAN_SHARE * magnitude));
    double mid = (min + max) / 2;
    return covering(mid - span / 2, mid + span / 2);
  }

  /** The step axis from 0 to the latest step {@code lastStep}, ending on a nice number. */
  static Axis steps(long lastStep) {
    double step = nice(Math.max(lastStep, 1) / (double) INTERVALS, true);
    double hi = Math.max(step, Math.ceil(lastStep / step) * step);
    return new Axis(0, hi, step);
  }

  /** The success axis: 0 to 100% with a tick at the half. */
  static Axis success() {
    return new Axis(0, 1, 0.5);
  }

  /** The smallest nice axis that holds {@code lo..hi}. */
  static Axis covering(double lo, double hi) {
    double step = nice(nice(hi - lo, false) / INTERVALS, true);
    return new Axis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
  }

  /**
   * A nice number near {@code x > 0}: 1, 2, 5 or 10 times a power of ten, the nearest ({@code
   * round}) or the next one up.
   */
  static double nice(double x, boolean round) {
    double exp = Math.floor(Math.log10(x));
    double power = Math.pow(10, exp);
    double f = x / power;
    double n;
    if (round) {
      n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    } else {
      n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    }
    return n * power;
  }

  /** A step count for the x axis: 0, 500, 10k, 2.5k, 1.5M. */
  static String stepLabel(double v) {
    if (Math.abs(v) >= 1e6) {
      return trim(v / 1e6) + "M";
    }
    if (Math.abs(v) >= 1e3) {
      return trim(v / 1e3) + "k";
    }
    return trim(v);
  }

  /** A return tick's label, with as many decimals as the axis' step needs (-20, 0.4, 2.5). */
  static String returnLabel(double v, double step) {
    int decimals = (int) Math.max(0, Math.min(3, Math.ceil(-Math.log10(step) - 1e-9)));
    if (decimals == 0 && Math.abs(step - Math.rint(step)) > 1e-9) {
      decimals = 1; // a step of 2.5
    }
    // + 0.0 turns -0.0 into 0.0, so that the zero tick reads "0"
    return String.format(Locale.ROOT, "%." + decimals + "f", round(v, decimals) + 0.0);
  }

  /** A success tick's label: 0%, 50%, 100%. */
  static String percentLabel(double v) {
    return Math.round(100 * v) + "%";
  }

  /** Up to one decimal, none when it is zero: 2, 2.5. */
  private static String trim(double v) {
    double r = round(v, 1) + 0.0;
    return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }

  private static double round(double v, int decimals) {
    double p = Math.pow(10, decimals);
    return Math.round(v * p) / p;
  }
}
