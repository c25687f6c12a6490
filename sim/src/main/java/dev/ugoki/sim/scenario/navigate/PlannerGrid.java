package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.geom.SegmentIndex;
import java.util.Arrays;

/**
 * Free and blocked cells over a rectangle: a cell is blocked when its center is closer than the
 * inflation radius to a wall segment, so a disc of that radius centered in any free cell clears the
 * walls. Build one per room and inflation and share it between the goals' fields; immutable.
 *
 * <p>The inflation is at least 0.75 cell: every point of a free cell then stays off the walls (a
 * cell's corner is 0.71 cell from its center), so no move between free cells can cross a
 * zero-thickness wall.
 *
 * <p>Cells are stored row by row with a border of {@link #PAD} blocked cells around the area, so
 * that the search's moves never leave the arrays and need no bounds checks.
 */
public final class PlannerGrid {
  /** Blocked cells around the area: the longest move reaches 2 cells. */
  private static final int PAD = 2;

  final SegmentIndex walls;
  final double minX;
  final double minY;
  final double cellM;
  final double inflationM;
  final int cols;
  final int rows;

  /** Row length of the padded arrays. */
  final int stride;

  final boolean[] blocked;

  /** Per move: array offset to the target cell and to the two cells its segment crosses. */
  final int[] moveStep = new int[DistanceField.MOVE_DX.length];

  final int[] moveSideA = new int[DistanceField.MOVE_DX.length];
  final int[] moveSideB = new int[DistanceField.MOVE_DX.length];

  /**
   * @param walls wall and obstacle segments
   * @param minX left edge of the area [m]
   * @param minY bottom edge [m]
   * @param maxX right edge [m]
   * @param maxY top edge [m]
   * @param cellM cell edge [m]
   * @param inflationM least clearance from a free cell's center to any wall [m]
   */
  public PlannerGrid(
      SegmentIndex walls,
      double minX,
      double minY,
      double maxX,
      double maxY,
      double cellM,
      double inflationM) {
    if (!(cellM > 0) || !(maxX - minX >= cellM) || !(maxY - minY >= cellM) || !(inflationM >= 0)) {
      throw new IllegalArgumentException(
          "invalid grid: ["
              + minX
              + ", "
              + maxX
              + "] x ["
              + minY
              + ", "
              + maxY
              + "], cell "
              + cellM
              + ", inflation "
              + inflationM);
    }
    this.walls = walls;
    this.minX = minX;
    this.minY = minY;
    this.cellM = cellM;
    this.inflationM = Math.max(inflationM, 0.75 * cellM);
    this.cols = (int) Math.ceil((maxX - minX) / cellM - 1e-9);
    this.rows = (int) Math.ceil((maxY - minY) / cellM - 1e-9);
    this.stride = cols + 2 * PAD;
    this.blocked = new boolean[stride * (rows + 2 * PAD)];
    Arrays.fill(blocked, true);
    for (int r = 0; r < rows; r++) {
      double y = centerY(r);
      for (int c = 0; c < cols; c++) {
        blocked[index(c, r)] = walls.clearance(centerX(c), y, this.inflationM) < this.inflationM;
      }
    }
    for (int m = 0; m < DistanceField.MOVE_DX.length; m++) {
      int dx = DistanceField.MOVE_DX[m];
      int dy = DistanceField.MOVE_DY[m];
      int sx = Integer.signum(dx);
      int sy = Integer.signum(dy);
      moveStep[m] = dy * stride + dx;
      if (Math.abs(dx) + Math.abs(dy) == 1) {
        // A straight move crosses no other cell: test the start cell, which is free.
        moveSideA[m] = 0;
        moveSideB[m] = 0;
      } else if (Math.abs(dx) == 1 && Math.abs(dy) == 1) {
        moveSideA[m] = sx;
        moveSideB[m] = sy * stride;
      } else if (Math.abs(dx) == 2) {
        moveSideA[m] = sx;
        moveSideB[m] = sy * stride + sx;
      } else {
        moveSideA[m] = sy * stride;
        moveSideB[m] = sy * stride + sx;
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
    return c >= 0 && r >= 0 && !blocked[index(c, r)];
  }

  /**
   * True when every cell the segment from (x0, y0) to (x1, y1) passes through is free: a chain of
   * edge-adjacent free cells, so both ends lie in one component. Walks the cells (Amanatides and
   * Woo, 1987).
   */
  boolean freeSegment(double x0, double y0, double x1, double y1) {
    int c = colOf(x0);
    int r = rowOf(y0);
    int c1 = colOf(x1);
    int r1 = rowOf(y1);
    if (c < 0 || r < 0 || c1 < 0 || r1 < 0) {
      return false;
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    int stepX = dx > 0 ? 1 : -1;
    int stepY = dy > 0 ? 1 : -1;
    double fx = (x0 - minX) / cellM;
    double fy = (y0 - minY) / cellM;
    // Parameter t in [0, 1] along the segment at the next column and row boundaries.
    double tMaxX = dx != 0 ? ((c + (dx > 0 ? 1 : 0)) - fx) * cellM / dx : Double.POSITIVE_INFINITY;
    double tMaxY = dy != 0 ? ((r + (dy > 0 ? 1 : 0)) - fy) * cellM / dy : Double.POSITIVE_INFINITY;
    double tDeltaX = dx != 0 ? cellM / Math.abs(dx) : Double.POSITIVE_INFINITY;
    double tDeltaY = dy != 0 ? cellM / Math.abs(dy) : Double.POSITIVE_INFINITY;
    int guard = Math.abs(c1 - c) + Math.abs(r1 - r) + 2;
    while (true) {
      if (blocked[index(c, r)]) {
        return false;
      }
      if ((c == c1 && r == r1) || guard-- == 0) {
        return c == c1 && r == r1;
      }
      if (tMaxX < tMaxY) {
        c += stepX;
        tMaxX += tDeltaX;
      } else {
        r += stepY;
        tMaxY += tDeltaY;
      }
      if (c < 0 || r < 0 || c >= cols || r >= rows) {
        return false;
      }
    }
  }

  /** Array index of the cell at column c, row r of the area. */
  int index(int c, int r) {
    return (r + PAD) * stride + c + PAD;
  }

  double centerX(int col) {
    return minX + (col + 0.5) * cellM;
  }

  double centerY(int row) {
    return minY + (row + 0.5) * cellM;
  }

  double centerXOf(int index) {
    return centerX(index % stride - PAD);
  }

  double centerYOf(int index) {
    return centerY(index / stride - PAD);
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
