package dev.ugoki.sim.world;

import dev.ugoki.sim.geom.SegmentIndex;
import java.util.Arrays;

/**
 * The geodesic distance to one goal over a room's free space, and the shortest path to it: a
 * Dijkstra search from the goal over the free cells of an occupancy {@link Grid}.
 *
 * <p>Moves go to the 8 neighbours and to the 8 knight's-move cells (2, 1), each costing its
 * Euclidean length. With 8 neighbours only, the grid metric is the octile distance, up to 8%
 * longer than the straight line (at 22.5 degrees); the knight's moves bring that under 3%, so the
 * distance is a good progress measure and the descent path runs straight in every direction, not
 * in 45-degree zig-zags. A move is allowed only when every cell its segment passes through is free.
 *
 * <p>Every cell keeps its next cell toward the goal, so a path is read by following those links
 * (an exact descent of the field) without allocating. Immutable after construction.
 */
public final class DistanceField {
  /** Cell offsets of the 16 moves: 4 straight, 4 diagonal, 8 knight's moves. */
  private static final int[] MOVE_DX = {1, 0, -1, 0, 1, -1, -1, 1, 2, 1, -1, -2, -2, -1, 1, 2};
  private static final int[] MOVE_DY = {0, 1, 0, -1, 1, 1, -1, -1, 1, 2, 2, 1, -1, -2, -2, -1};
  private static final int NO_CELL = -1;
  /** Buckets in the ring of the search queue: more than the longest move, in cells. */
  private static final int RING = 4;

  private final Grid grid;
  private final double goalX;
  private final double goalY;
  /** Geodesic distance from each cell center to the goal [m]; infinite when unreachable. */
  private final double[] dist;
  /** The next cell on the shortest path from each cell to the goal, or {@link #NO_CELL}. */
  private final int[] next;

  /**
   * Searches the whole grid from the goal. A goal in a blocked cell makes every distance infinite
   * except near the goal itself.
   *
   * @param grid the free cells
   * @param goalX goal [m]
   * @param goalY goal [m]
   */
  public DistanceField(Grid grid, double goalX, double goalY) {
    this.grid = grid;
    this.goalX = goalX;
    this.goalY = goalY;
    int n = grid.cols * grid.rows;
    dist = new double[n];
    next = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(next, NO_CELL);
    int gc = grid.colOf(goalX);
    int gr = grid.rowOf(goalY);
    if (gc >= 0 && gr >= 0 && !grid.blocked[gr * grid.cols + gc]) {
      search(gr * grid.cols + gc);
    }
  }

  /**
   * Dijkstra with buckets one cell wide (Dial's queue; exact here because no move is shorter than
   * a bucket, so a cell's label is final once its bucket comes up). A move is at most sqrt(5)
   * cells long, so four buckets in a ring suffice; a stale entry is skipped when its cell is done.
   */
  private void search(int goalCell) {
    int cols = grid.cols;
    int rows = grid.rows;
    boolean[] blocked = grid.blocked;
    double cell = grid.cellM;
    double[] moveCost = new double[MOVE_DX.length];
    for (int m = 0; m < moveCost.length; m++) {
      moveCost[m] = cell * Math.hypot(MOVE_DX[m], MOVE_DY[m]);
    }
    boolean[] done = new boolean[cols * rows];
    int[][] buckets = new int[RING][Math.max(16, 4 * (cols + rows))];
    int[] sizes = new int[RING];
    dist[goalCell] = Math.hypot(grid.centerX(goalCell % cols) - goalX,
        grid.centerY(goalCell / cols) - goalY);
    long current = (long) Math.floor(dist[goalCell] / cell);
    buckets[(int) (current % RING)][sizes[(int) (current % RING)]++] = goalCell;
    int empty = 0;
    while (empty < RING) {
      int b = (int) (current % RING);
      if (sizes[b] == 0) {
        empty++;
        current++;
        continue;
      }
      empty = 0;
      int[] bucket = buckets[b];
      int size = sizes[b];
      sizes[b] = 0;
      for (int k = 0; k < size; k++) {
        int c = bucket[k];
        if (done[c]) {
          continue;
        }
        done[c] = true;
        double d = dist[c];
        int col = c % cols;
        int row = c / cols;
        for (int m = 0; m < MOVE_DX.length; m++) {
          int dx = MOVE_DX[m];
          int dy = MOVE_DY[m];
          int nc = col + dx;
          int nr = row + dy;
          if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) {
            continue;
          }
          int n = nr * cols + nc;
          if (blocked[n] || done[n] || !passable(col, row, dx, dy)) {
            continue;
          }
          double nd = d + moveCost[m];
          if (nd < dist[n]) {
            dist[n] = nd;
            next[n] = c;
            // At least the next bucket: guards against rounding putting it into this one.
            long nb = Math.max(current + 1, (long) Math.floor(nd / cell));
            int ring = (int) (nb % RING);
            if (sizes[ring] == buckets[ring].length) {
              buckets[ring] = Arrays.copyOf(buckets[ring], 2 * sizes[ring]);
            }
            buckets[ring][sizes[ring]++] = n;
          }
        }
      }
      current++;
    }
  }

  /**
   * True when the cells a move's segment passes through, besides its ends, are free: for a
   * diagonal move the two cells beside it, for a knight's move the two cells it crosses.
   */
  private boolean passable(int col, int row, int dx, int dy) {
    int adx = Math.abs(dx);
    int ady = Math.abs(dy);
    if (adx + ady == 1) {
      return true;
    }
    int sx = Integer.signum(dx);
    int sy = Integer.signum(dy);
    int cols = grid.cols;
    boolean[] blocked = grid.blocked;
    if (adx == 1 && ady == 1) {
      return !blocked[row * cols + col + sx] && !blocked[(row + sy) * cols + col];
    }
    if (adx == 2) {
      return !blocked[row * cols + col + sx] && !blocked[(row + sy) * cols + col + sx];
    }
    return !blocked[(row + sy) * cols + col] && !blocked[(row + sy) * cols + col + sx];
  }

  public Grid grid() {
    return grid;
  }

  public double goalX() {
    return goalX;
  }

  public double goalY() {
    return goalY;
  }

  /**
   * Geodesic distance from (x, y) to the goal [m], or infinity when the goal cannot be reached.
   *
   * <p>It is the least {@code dist(cell) + |p - center(cell)|} over the 3 x 3 cells around the
   * point, a minimum of continuous functions and so continuous itself: a progress reward made of
   * its differences has no jumps. When all those cells are blocked (the point lies in the inflated
   * band along a wall) the search widens ring by ring to the nearest free cells. Near the goal,
   * with a clear line to it, the straight distance is used, so the distance at the goal is 0.
   */
  public double distance(double x, double y) {
    int cell = entryCell(x, y);
    double best = cell == NO_CELL ? Double.POSITIVE_INFINITY : viaCell(cell, x, y);
    double toGoal = Math.hypot(goalX - x, goalY - y);
    if (toGoal < best && toGoal <= 2 * grid.cellM && clearLine(x, y, goalX, goalY)) {
      return toGoal;
    }
    return best;
  }

  /** True when the goal can be reached from (x, y). */
  public boolean reachable(double x, double y) {
    return distance(x, y) < Double.POSITIVE_INFINITY;
  }

  /**
   * The point {@code aheadM} along the shortest path from (x, y) to the goal, or the goal when
   * the path is shorter, written to {@code out[0], out[1]}.
   *
   * @return false, leaving {@code out} untouched, when the goal cannot be reached
   */
  public boolean lookahead(double x, double y, double aheadM, double[] out) {
    double toGoal = Math.hypot(goalX - x, goalY - y);
    if (toGoal <= 2 * grid.cellM && clearLine(x, y, goalX, goalY)) {
      out[0] = goalX;
      out[1] = goalY;
      return true;
    }
    int c = entryCell(x, y);
    if (c == NO_CELL) {
      return false;
    }
    double px = x;
    double py = y;
    double left = aheadM;
    while (c != NO_CELL) {
      double cx = grid.centerX(c % grid.cols);
      double cy = grid.centerY(c / grid.cols);
      double len = Math.hypot(cx - px, cy - py);
      if (len >= left) {
        double t = left / len;
        out[0] = px + t * (cx - px);
        out[1] = py + t * (cy - py);
        return true;
      }
      left -= len;
      px = cx;
      py = cy;
      c = next[c];
    }
    double len = Math.hypot(goalX - px, goalY - py);
    double t = len > left ? left / len : 1;
    out[0] = px + t * (goalX - px);
    out[1] = py + t * (goalY - py);
    return true;
  }

  /**
   * The shortest path from (x, y) to the goal as {@code x0, y0, x1, y1, ...}, starting at the
   * point and ending at the goal, with at most {@code maxPoints} points (the rest is cut off); an
   * empty array when the goal cannot be reached. For drawing; it allocates.
   */
  public double[] path(double x, double y, int maxPoints) {
    int c = entryCell(x, y);
    if (c == NO_CELL || maxPoints < 2) {
      return new double[0];
    }
    double[] xy = new double[2 * maxPoints];
    int n = 0;
    xy[n++] = x;
    xy[n++] = y;
    while (c != NO_CELL && n < xy.length) {
      xy[n++] = grid.centerX(c % grid.cols);
      xy[n++] = grid.centerY(c / grid.cols);
      c = next[c];
    }
    if (n < xy.length) {
      xy[n++] = goalX;
      xy[n++] = goalY;
    }
    return Arrays.copyOf(xy, n);
  }

  private double viaCell(int c, double x, double y) {
    return dist[c] + Math.hypot(grid.centerX(c % grid.cols) - x, grid.centerY(c / grid.cols) - y);
  }

  /**
   * The cell through which (x, y) joins the field: the one minimizing {@code dist + distance to
   * it} among the 3 x 3 cells around the point, else among the nearest ring of cells that holds a
   * reachable one, out to just beyond the inflation band; {@link #NO_CELL} when none is reachable.
   * Outside a free cell, a candidate also needs a clear line from the point, so that a point
   * against a thin wall never joins the field on the wall's other side.
   */
  private int entryCell(double x, double y) {
    int col = grid.clampCol(x);
    int row = grid.clampRow(y);
    boolean ownCellFree = grid.free(x, y);
    int maxRing = 1 + (int) Math.ceil(grid.inflationM / grid.cellM) + 1;
    int best = NO_CELL;
    double bestD = Double.POSITIVE_INFINITY;
    for (int ring = 1; ring <= maxRing; ring++) {
      for (int r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= grid.rows) {
          continue;
        }
        boolean edgeRow = ring == 1 || r == row - ring || r == row + ring;
        // Inner rows were searched in earlier rings: visit only the ring's two end cells there.
        int step = edgeRow ? 1 : 2 * ring;
        for (int cc = col - ring; cc <= col + ring; cc += step) {
          if (cc < 0 || cc >= grid.cols) {
            continue;
          }
          int c = r * grid.cols + cc;
          if (dist[c] == Double.POSITIVE_INFINITY) {
            continue;
          }
          double d = viaCell(c, x, y);
          if (d < bestD && ((ring == 1 && ownCellFree)
              || clearLine(x, y, grid.centerX(cc), grid.centerY(r)))) {
            bestD = d;
            best = c;
          }
        }
      }
      if (best != NO_CELL) {
        return best;
      }
    }
    return NO_CELL;
  }

  private boolean clearLine(double x0, double y0, double x1, double y1) {
    // A tiny radius: sweepHits counts only contacts strictly closer than the radius.
    return !grid.walls.sweepHits(x0, y0, x1, y1, 1e-6);
  }

  /**
   * Free and blocked cells over a rectangle: a cell is blocked when its center is closer than the
   * inflation radius to a wall segment, so a disc of that radius centered in any free cell clears
   * the walls. Build one per room and inflation and share it between the goals' fields; immutable.
   *
   * <p>The inflation is at least 0.75 cell: every point of a free cell then stays off the walls
   * (a cell's corner is 0.71 cell from its center), so no move between free cells can cross a
   * zero-thickness wall.
   */
  public static final class Grid {
    final SegmentIndex walls;
    final double minX;
    final double minY;
    final double cellM;
    final double inflationM;
    final int cols;
    final int rows;
    final boolean[] blocked;

    /**
     * @param walls wall and obstacle segments
     * @param minX left edge of the area [m]
     * @param minY bottom edge [m]
     * @param maxX right edge [m]
     * @param maxY top edge [m]
     * @param cellM cell edge [m]
     * @param inflationM least clearance from a free cell's center to any wall [m]
     */
    public Grid(SegmentIndex walls, double minX, double minY, double maxX, double maxY,
        double cellM, double inflationM) {
      if (!(cellM > 0) || !(maxX - minX >= cellM) || !(maxY - minY >= cellM)
          || !(inflationM >= 0)) {
        throw new IllegalArgumentException("invalid grid: [" + minX + ", " + maxX + "] x ["
            + minY + ", " + maxY + "], cell " + cellM + ", inflation " + inflationM);
      }
      this.walls = walls;
      this.minX = minX;
      this.minY = minY;
      this.cellM = cellM;
      this.inflationM = Math.max(inflationM, 0.75 * cellM);
      this.cols = (int) Math.ceil((maxX - minX) / cellM - 1e-9);
      this.rows = (int) Math.ceil((maxY - minY) / cellM - 1e-9);
      this.blocked = new boolean[cols * rows];
      for (int r = 0; r < rows; r++) {
        double y = centerY(r);
        for (int c = 0; c < cols; c++) {
          blocked[r * cols + c] = walls.clearance(centerX(c), y, this.inflationM)
              < this.inflationM;
        }
      }
    }

    public double cellM() {
      return cellM;
    }

    /** The inflation in use, after the 0.75-cell floor [m]. */
    public double inflationM() {
      return inflationM;
    }

    public int cols() {
      return cols;
    }

    public int rows() {
      return rows;
    }

    /** True when the cell holding (x, y) is free; false outside the grid. */
    public boolean free(double x, double y) {
      int c = colOf(x);
      int r = rowOf(y);
      return c >= 0 && r >= 0 && !blocked[r * cols + c];
    }

    double centerX(int col) {
      return minX + (col + 0.5) * cellM;
    }

    double centerY(int row) {
      return minY + (row + 0.5) * cellM;
    }

    /** Column of x, or -1 outside the grid. */
    int colOf(double x) {
      int c = (int) Math.floor((x - minX) / cellM);
      return c >= 0 && c < cols ? c : -1;
    }

    int rowOf(double y) {
      int r = (int) Math.floor((y - minY) / cellM);
      return r >= 0 && r < rows ? r : -1;
    }

    int clampCol(double x) {
      return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - minX) / cellM)));
    }

    int clampRow(double y) {
      return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cellM)));
    }
  }
}
