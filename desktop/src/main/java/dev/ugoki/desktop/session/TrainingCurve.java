package dev.ugoki.desktop.session;

import dev.ugoki.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The live training's progress for the HUD's chart: mean return and success rate against
 * environment steps, one point per update. A long run keeps its whole shape in a bounded list: past
 * {@link #MAX_POINTS} points every other point is dropped, and from then on only every second
 * (fourth, ...) update is kept.
 */
public final class TrainingCurve {
  /** Most points kept. */
  public static final int MAX_POINTS = 256;

  /** One point: the step, and the figures at it (NaN before the first finished episode). */
  public record Point(long step, double meanReturn, double successRate) {}

  private final List<Point> points = new ArrayList<>();
  private int stride = 1;
  private int seen;
  private TrainingListener.Update last;

  /** Adds an update's figures. */
  public void add(TrainingListener.Update u) {
    last = u;
    if (seen++ % stride != 0) {
      return;
    }
    points.add(new Point(u.step(), u.meanReturn(), u.successRate()));
    if (points.size() > MAX_POINTS) {
      List<Point> kept = new ArrayList<>(MAX_POINTS / 2 + 1);
      for (int i = 0; i < points.size(); i += 2) {
        kept.add(points.get(i));
      }
      points.clear();
      points.addAll(kept);
      stride *= 2;
    }
  }

  public List<Point> points() {
    return List.copyOf(points);
  }

  /** The latest update's figures, null before the first. */
  public TrainingListener.Update last() {
    return last;
  }

  /** Updates reported so far (kept as points or not). */
  public int updates() {
    return seen;
  }

  public boolean isEmpty() {
    return last == null;
  }

  /** Least and greatest finite mean return, or NaN, NaN when there is none. */
  public double[] returnRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      if (Double.isFinite(p.meanReturn())) {
        lo = Math.min(lo, p.meanReturn());
        hi = Math.max(hi, p.meanReturn());
      }
    }
    return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
  }
}
