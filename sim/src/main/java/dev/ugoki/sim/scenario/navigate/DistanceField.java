package dev.ugoki.sim.scenario.navigate;

import java.util.Arrays;

/**
 * The geodesic distance to one goal over a room's free space, and the shortest path to it: a
 * Dijkstra search from the goal over the free cells of an occupancy {@link PlannerGrid}.
 *
 * <p>Moves go to the 8 neighbours and to the 8 knight's-move cells (2, 1), each costing its
 * Euclidean length. With 8 neighbours only, the grid metric is the octile distance, up to 8% longer
 * than the straight line (at 22.5 degrees); the knight's moves bring that under 3%, so the distance
 * is a good progress measure and the descent path runs straight in every direction, not in
 * 45-degree zig-zags. A move is allowed only when every cell its segment passes through is free.
 *
 * <p>Every cell keeps its next cell toward the goal, so a path is read by following those links (an
 * exact descent of the field) without allocating. Reachability is symmetric: from two points in
 * free cells, each field says the other is reachable exactly when their cells are connected.
 * Immutable after construction.
 */
public final class DistanceField {
  /** Cell offsets of the 16 moves: 4 straight, 4 diagonal, 8 knight's moves. */
  static final int[] MOVE_DX = {1, 0, -1, 0, 1, -1, -1, 1, 2, 1, -1, -2, -2, -1, 1, 2};

  static final int[] MOVE_DY = {0, 1, 0, -1, 1, 1, -1, -1, 1, 2, 2, 1, -1, -2, -2, -1};
  private static final int NO_CELL = -1;

  /** Buckets in the ring of the search queue: more than the longest move, in cells. */
  private static final int RING = 4;

  /** Radius around the goal seeded with straight distances [cells]; under {@link #RING}. */
  private static final int SEED_CELLS = 2;

  /** Least radius of a straight-way test: sweepHits counts only contacts closer than it. */
  private static final double TINY_RADIUS_M = 1e-6;

  /** The first moves are the 8 neighbours: 4 straight, then 4 diagonal. */
  private static final int NEIGHBOUR_MOVES = 8;

  private final PlannerGrid grid;
  private final double goalX;
  private final double goalY;

  /** Geodesic distance from each cell center to the goal [m]; infinite when unreachable. */
  private final double[] dist;

  /** The next cell on the shortest path from each cell to the goal, or {@link #NO_CELL}. */
  private final int[] next;

  /**
   * Searches the whole grid from the goal. A goal in a blocked cell is unreachable from everywhere.
   *
   * @param grid the free cells
   * @param goalX goal [m]
   * @param goalY goal [m]
   */
  public DistanceField(PlannerGrid grid, double goalX, double goalY) {
    this.grid = grid;
    this.goalX = goalX;
    this.goalY = goalY;
    int n = grid.blocked.length;
    dist = new double[n];
    next = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(next, NO_CELL);
    int gc = grid.colOf(goalX);
    int gr = grid.rowOf(goalY);
    if (gc >= 0 && gr >= 0 && !grid.blocked[grid.index(gc, gr)]) {
      search(grid.index(gc, gr));
    }
  }

  /**
   * Dijkstra with buckets one cell wide (Dial's queue; exact here because no move is shorter than a
   * bucket, so a cell's label is final once its bucket comes up). A move is at most sqrt(5) cells
   * long, so four buckets in a ring suffice; a stale entry is skipped when its cell is done.
   */
  private void search(int goalCell) {
    boolean[] blocked = grid.blocked;
    double cell = grid.cellM;
    int[] step = grid.moveStep;
    int[] sideA = grid.moveSideA;
    int[] sideB = grid.moveSideB;
    double[] moveCost = new double[MOVE_DX.length];
    for (int m = 0; m < moveCost.length; m++) {
      moveCost[m] = cell * Math.hypot(MOVE_DX[m], MOVE_DY[m]);
    }
    boolean[] done = new boolean[blocked.length];
    int[][] buckets = new int[RING][Math.max(64, 4 * (grid.cols + grid.rows))];
    int[] sizes = new int[RING];
    // Cells near the goal joined to it by a straight line through free cells start at their
    // straight distance, so the field is exact around the goal instead of detouring through the
    // goal's cell center. The line's cells form a chain of free cells, so no seed joins a part of
    // the grid that the moves could not reach.
    int gc = goalCell % grid.stride;
    int gr = goalCell / grid.stride;
    for (int r = gr - SEED_CELLS; r <= gr + SEED_CELLS; r++) {
      for (int c = gc - SEED_CELLS; c <= gc + SEED_CELLS; c++) {
        int i = r * grid.stride + c;
        if (r < 0 || c < 0 || c >= grid.stride || i >= blocked.length || blocked[i]) {
          continue;
        }
        double d = Math.hypot(grid.centerXOf(i) - goalX, grid.centerYOf(i) - goalY);
        if (d <= SEED_CELLS * cell
            && grid.freeSegment(grid.centerXOf(i), grid.centerYOf(i), goalX, goalY)) {
          dist[i] = d;
          int b = (int) (Math.floor(d / cell) % RING);
          buckets[b][sizes[b]++] = i;
        }
      }
    }
    long current = 0;
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
        for (int m = 0; m < step.length; m++) {
          int n = c + step[m];
          // The blocked border keeps n inside the arrays; a finished cell is never improved.
          if (blocked[n] || done[n] || blocked[c + sideA[m]] || blocked[c + sideB[m]]) {
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

  public PlannerGrid grid() {
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
   * <p>In a free cell it is the least {@code dist(cell) + |p - center(cell)|} over that cell and
   * the neighbours a move reaches from it: a minimum of terms that change no faster than the point
   * moves, with a small step (well under a cell) where the point crosses into the next cell and the
   * set changes. A progress reward made of its differences is a potential difference, so such steps
   * cancel over any loop. Two points in free cells thus reach each other exactly when their cells
   * are connected: the answer is the same in both directions. A point in a blocked cell (in the
   * inflated band along a wall) joins the nearest free cells it can move to in a straight line.
   * Near the goal, along free cells, the straight distance is used, so the distance at the goal is
   * 0.
   */
  public double distance(double x, double y) {
    int cell = entryCell(x, y);
    double best = cell == NO_CELL ? Double.POSITIVE_INFINITY : viaCell(cell, x, y);
    double toGoal = Math.hypot(goalX - x, goalY - y);
    if (toGoal < best
        && toGoal <= SEED_CELLS * grid.cellM
        && grid.freeSegment(x, y, goalX, goalY)) {
      return toGoal;
    }
    return best;
  }

  /** True when the goal can be reached from (x, y). */
  public boolean reachable(double x, double y) {
    return distance(x, y) < Double.POSITIVE_INFINITY;
  }

  /**
   * The point {@code aheadM} along the shortest path from (x, y) to the goal, or the goal when the
   * path is shorter, written to {@code out[0], out[1]}.
   *
   * @return false, leaving {@code out} untouched, when the goal cannot be reached
   */
  public boolean lookahead(double x, double y, double aheadM, double[] out) {
    double toGoal = Math.hypot(goalX - x, goalY - y);
    if (toGoal <= SEED_CELLS * grid.cellM && grid.freeSegment(x, y, goalX, goalY)) {
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
      double cx = grid.centerXOf(c);
      double cy = grid.centerYOf(c);
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
    if (len <= left) {
      out[0] = goalX;
      out[1] = goalY;
    } else {
      out[0] = px + left / len * (goalX - px);
      out[1] = py + left / len * (goalY - py);
    }
    return true;
  }

  /**
   * The shortest path from (x, y) to the goal as {@code x0, y0, x1, y1, ...}, starting at the point
   * and ending at the goal, with at most {@code maxPoints} points (the rest is cut off); an empty
   * array when the goal cannot be reached. For drawing; it allocates.
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
      xy[n++] = grid.centerXOf(c);
      xy[n++] = grid.centerYOf(c);
      c = next[c];
    }
    if (n < xy.length) {
      xy[n++] = goalX;
      xy[n++] = goalY;
    }
    return Arrays.copyOf(xy, n);
  }

  private double viaCell(int c, double x, double y) {
    return dist[c] + Math.hypot(grid.centerXOf(c) - x, grid.centerYOf(c) - y);
  }

  /**
   * The cell through which (x, y) joins the field, minimizing {@code dist + distance to it}, or
   * {@link #NO_CELL} when the goal cannot be reached. From a free cell: that cell or a neighbour a
   * move reaches from it, so the point stays in its cell's component. From a blocked cell: the
   * nearest ring of cells, out to just beyond the inflation band, holding a reachable cell that the
   * point can move to straight with as much clearance as it has now, so that a point against a wall
   * never joins the field on the wall's other side or past a corner a body there could not pass.
   */
  private int entryCell(double x, double y) {
    int col = grid.clampCol(x);
    int row = grid.clampRow(y);
    int own = grid.index(col, row);
    int best = NO_CELL;
    double bestD = Double.POSITIVE_INFINITY;
    if (grid.free(x, y)) {
      for (int m = -1; m < NEIGHBOUR_MOVES; m++) {
        int c = m < 0 ? own : own + grid.moveStep[m];
        if (dist[c] == Double.POSITIVE_INFINITY
            || (m >= 0
                && (grid.blocked[own + grid.moveSideA[m]]
                    || grid.blocked[own + grid.moveSideB[m]]))) {
          continue;
        }
        double d = viaCell(c, x, y);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      return best;
    }
    double lineRadius = Math.max(TINY_RADIUS_M, grid.walls.clearance(x, y, grid.inflationM) - 1e-9);
    int maxRing = 1 + (int) Math.ceil(grid.inflationM / grid.cellM) + 1;
    for (int ring = 1; ring <= maxRing; ring++) {
      for (int r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= grid.rows) {
          continue;
        }
        boolean edgeRow = r == row - ring || r == row + ring;
        // Inner rows were searched in earlier rings: visit only the ring's two end cells there.
        int step = edgeRow ? 1 : 2 * ring;
        for (int cc = col - ring; cc <= col + ring; cc += step) {
          if (cc < 0 || cc >= grid.cols) {
            continue;
          }
          int c = grid.index(cc, r);
          if (dist[c] == Double.POSITIVE_INFINITY) {
            continue;
          }
          double d = viaCell(c, x, y);
          if (d < bestD
              && !grid.walls.sweepHits(x, y, grid.centerX(cc), grid.centerY(r), lineRadius)) {
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
}
