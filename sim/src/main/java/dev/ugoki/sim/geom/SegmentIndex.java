package dev.ugoki.sim.geom;

import java.util.Arrays;

/**
 * Wall segments in a uniform grid, so that a ray or a moving body tests only the segments in the
 * cells it crosses instead of every segment in the world.
 *
 * <p>Segments are stored flat as {@code x1, y1, x2, y2} per segment; each cell lists the segments
 * whose distance to the cell is zero (compressed rows: {@code cellStart}, {@code items}). Rays walk
 * the grid cell by cell (Amanatides and Woo, 1987) and stop as soon as the nearest hit lies before
 * the next cell boundary. Immutable after construction and safe to share between threads.
 */
public final class SegmentIndex {
  private final double[] seg;
  private final double originX;
  private final double originY;
  private final double cell;
  private final double invCell;
  private final int cols;
  private final int rows;
  private final int[] cellStart;
  private final int[] items;

  /**
   * @param segments {@code x1, y1, x2, y2} per segment [m]
   * @param cellSize grid cell edge [m]; about the typical distance between walls works well
   */
  public SegmentIndex(double[] segments, double cellSize) {
    if (segments.length == 0 || segments.length % 4 != 0) {
      throw new IllegalArgumentException(
          "segments must be a non-empty multiple of 4 values, was " + segments.length);
    }
    if (!(cellSize > 0)) {
      throw new IllegalArgumentException("cell size must be positive, was " + cellSize);
    }
    this.seg = segments.clone();
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < seg.length; i += 2) {
      minX = Math.min(minX, seg[i]);
      maxX = Math.max(maxX, seg[i]);
      minY = Math.min(minY, seg[i + 1]);
      maxY = Math.max(maxY, seg[i + 1]);
    }
    this.cell = cellSize;
    this.invCell = 1 / cellSize;
    // One empty cell of margin on every side, so rays that start near the edge stay in the grid.
    this.originX = minX - cellSize;
    this.originY = minY - cellSize;
    this.cols = (int) Math.floor((maxX - originX) * invCell) + 2;
    this.rows = (int) Math.floor((maxY - originY) * invCell) + 2;

    int n = seg.length / 4;
    int[] counts = new int[cols * rows + 1];
    int[][] cellsOf = new int[n][];
    int[] scratch = new int[64];
    double halfDiag2 = 0.5 * cellSize * cellSize + 1e-9;
    for (int s = 0; s < n; s++) {
      int k = 4 * s;
      int c0 = col(Math.min(seg[k], seg[k + 2]));
      int c1 = col(Math.max(seg[k], seg[k + 2]));
      int r0 = row(Math.min(seg[k + 1], seg[k + 3]));
      int r1 = row(Math.max(seg[k + 1], seg[k + 3]));
      int m = 0;
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          double cx = originX + (c + 0.5) * cellSize;
          double cy = originY + (r + 0.5) * cellSize;
          // Conservative: a cell is listed when the segment passes within its circumcircle.
          if (Geometry.pointSegmentDist2(cx, cy, seg[k], seg[k + 1], seg[k + 2], seg[k + 3])
              <= halfDiag2) {
            if (m == scratch.length) {
              scratch = Arrays.copyOf(scratch, 2 * m);
            }
            scratch[m++] = r * cols + c;
          }
        }
      }
      cellsOf[s] = Arrays.copyOf(scratch, m);
      for (int i = 0; i < m; i++) {
        counts[scratch[i]]++;
      }
    }
    cellStart = new int[cols * rows + 1];
    for (int c = 0; c < cols * rows; c++) {
      cellStart[c + 1] = cellStart[c] + counts[c];
    }
    items = new int[cellStart[cols * rows]];
    int[] fill = Arrays.copyOf(cellStart, cols * rows);
    for (int s = 0; s < n; s++) {
      for (int c : cellsOf[s]) {
        items[fill[c]++] = s;
      }
    }
  }

  public int size() {
    return seg.length / 4;
  }

  /** The segments, {@code x1, y1, x2, y2} each (a copy). */
  public double[] segments() {
    return seg.clone();
  }

  private int col(double x) {
    return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - originX) * invCell)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - originY) * invCell)));
  }

  /**
   * Distance from o along the unit direction d to the nearest segment, or {@code maxDist} when
   * nothing is hit within it.
   */
  public double raycast(double ox, double oy, double dx, double dy, double maxDist) {
    double fx = (ox - originX) * invCell;
    double fy = (oy - originY) * invCell;
    int cx = (int) Math.floor(fx);
    int cy = (int) Math.floor(fy);
    if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) {
      return bruteForceRay(ox, oy, dx, dy, maxDist);
    }
    int stepX = dx > 0 ? 1 : -1;
    int stepY = dy > 0 ? 1 : -1;
    double tMaxX = dx != 0 ? ((cx + (dx > 0 ? 1 : 0)) - fx) * cell / dx : Double.POSITIVE_INFINITY;
    double tMaxY = dy != 0 ? ((cy + (dy > 0 ? 1 : 0)) - fy) * cell / dy : Double.POSITIVE_INFINITY;
    double tDeltaX = dx != 0 ? cell / Math.abs(dx) : Double.POSITIVE_INFINITY;
    double tDeltaY = dy != 0 ? cell / Math.abs(dy) : Double.POSITIVE_INFINITY;
    double best = maxDist;
    while (true) {
      int c = cy * cols + cx;
      for (int i = cellStart[c], end = cellStart[c + 1]; i < end; i++) {
        int k = 4 * items[i];
        double t = Geometry.raySegment(ox, oy, dx, dy, seg[k], seg[k + 1], seg[k + 2], seg[k + 3]);
        if (t < best) {
          best = t;
        }
      }
      double tNext = Math.min(tMaxX, tMaxY);
      if (best <= tNext || tNext >= maxDist) {
        return best;
      }
      if (tMaxX < tMaxY) {
        cx += stepX;
        tMaxX += tDeltaX;
        if (cx < 0 || cx >= cols) {
          return best;
        }
      } else {
        cy += stepY;
        tMaxY += tDeltaY;
        if (cy < 0 || cy >= rows) {
          return best;
        }
      }
    }
  }

  private double bruteForceRay(double ox, double oy, double dx, double dy, double maxDist) {
    double best = maxDist;
    for (int k = 0; k < seg.length; k += 4) {
      best =
          Math.min(
              best,
              Geometry.raySegment(ox, oy, dx, dy, seg[k], seg[k + 1], seg[k + 2], seg[k + 3]));
    }
    return best;
  }

  /**
   * True when a disc of {@code radius} moving in a straight line from (x0, y0) to (x1, y1) touches
   * any segment on the way: an exact swept test, so no speed or step size can tunnel through a
   * wall. With radius 0 it is a line-of-sight test: true when the path crosses a segment.
   */
  public boolean sweepHits(double x0, double y0, double x1, double y1, double radius) {
    double r2 = radius * radius;
    int c0 = col(Math.min(x0, x1) - radius);
    int c1 = col(Math.max(x0, x1) + radius);
    int r0 = row(Math.min(y0, y1) - radius);
    int r1 = row(Math.max(y0, y1) + radius);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cellIndex = r * cols + c;
        for (int i = cellStart[cellIndex], end = cellStart[cellIndex + 1]; i < end; i++) {
          int k = 4 * items[i];
          double d2 =
              Geometry.segmentSegmentDist2(
                  x0, y0, x1, y1, seg[k], seg[k + 1], seg[k + 2], seg[k + 3]);
          if (d2 < r2 || d2 == 0) { // d2 == 0: the path crosses the wall, even with radius 0
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Distance from a point to the nearest segment, or {@code maxDist} if none is nearer. */
  public double clearance(double x, double y, double maxDist) {
    double best2 = maxDist * maxDist;
    int c0 = col(x - maxDist);
    int c1 = col(x + maxDist);
    int r0 = row(y - maxDist);
    int r1 = row(y + maxDist);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cellIndex = r * cols + c;
        for (int i = cellStart[cellIndex], end = cellStart[cellIndex + 1]; i < end; i++) {
          int k = 4 * items[i];
          best2 =
              Math.min(
                  best2,
                  Geometry.pointSegmentDist2(x, y, seg[k], seg[k + 1], seg[k + 2], seg[k + 3]));
        }
      }
    }
    return Math.sqrt(best2);
  }
}
