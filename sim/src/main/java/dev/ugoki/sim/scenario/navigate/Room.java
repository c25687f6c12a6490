package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.geom.SegmentIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * A walled rectangle with obstacles, a start pose and a sequence of goals: the world of the {@code
 * navigate} scenario. The room spans [0, width] x [0, height]; its walls (the outer rectangle and
 * any partition) and the edges of its obstacles form one {@link SegmentIndex} that the lidar, the
 * collision test and the planner share. Immutable.
 */
public final class Room {
  /** Grid cell of the segment index [m]: about the spacing of obstacles in a room. */
  public static final double INDEX_CELL_M = 1.0;

  /** Which generator made the room. */
  public enum Layout {
    /** Scattered boxes, some rotated, maybe a partition wall with a doorway. */
    ROOM,
    /** Rows of shelves with aisles between them and cross aisles through them. */
    WAREHOUSE
  }

  private final Layout layout;
  private final double widthM;
  private final double heightM;
  private final double[] wallSegments;
  private final List<double[]> obstacles;
  private final double[] obstacleBounds;
  private final SegmentIndex index;
  private final double startX;
  private final double startY;
  private final double startHeading;
  private final double[] goals;

  /**
   * @param layout the generator's layout
   * @param widthM extent along x [m]
   * @param heightM extent along y [m]
   * @param wallSegments outer walls and partitions, {@code x1, y1, x2, y2} per segment [m]
   * @param obstacles obstacle outlines, each a simple polygon {@code x0, y0, x1, y1, ...} [m]
   * @param startX start position [m]
   * @param startY start position [m]
   * @param startHeading start heading [rad]
   * @param goals goal positions in the order they are visited, {@code x0, y0, x1, y1, ...} [m]
   */
  public Room(
      Layout layout,
      double widthM,
      double heightM,
      double[] wallSegments,
      List<double[]> obstacles,
      double startX,
      double startY,
      double startHeading,
      double[] goals) {
    if (wallSegments.length == 0 || wallSegments.length % 4 != 0) {
      throw new IllegalArgumentException("wall segments must be a non-empty multiple of 4 values");
    }
    if (goals.length == 0 || goals.length % 2 != 0) {
      throw new IllegalArgumentException("goals must be a non-empty list of x, y pairs");
    }
    this.layout = layout;
    this.widthM = widthM;
    this.heightM = heightM;
    this.wallSegments = wallSegments.clone();
    List<double[]> polys = new ArrayList<>();
    for (double[] p : obstacles) {
      if (p.length < 6 || p.length % 2 != 0) {
        throw new IllegalArgumentException("an obstacle needs at least 3 points");
      }
      polys.add(p.clone());
    }
    this.obstacles = List.copyOf(polys);
    this.obstacleBounds = boundsOf(this.obstacles);
    this.index = new SegmentIndex(allSegments(this.wallSegments, this.obstacles), INDEX_CELL_M);
    this.startX = startX;
    this.startY = startY;
    this.startHeading = startHeading;
    this.goals = goals.clone();
  }

  private static double[] allSegments(double[] walls, List<double[]> polys) {
    int n = walls.length;
    for (double[] p : polys) {
      n += 2 * p.length;
    }
    double[] seg = new double[n];
    System.arraycopy(walls, 0, seg, 0, walls.length);
    int k = walls.length;
    for (double[] p : polys) {
      int points = p.length / 2;
      for (int i = 0; i < points; i++) {
        int j = (i + 1) % points;
        seg[k++] = p[2 * i];
        seg[k++] = p[2 * i + 1];
        seg[k++] = p[2 * j];
        seg[k++] = p[2 * j + 1];
      }
    }
    return seg;
  }

  /** minX, minY, maxX, maxY per obstacle, so the inside test skips most polygons at once. */
  private static double[] boundsOf(List<double[]> polys) {
    double[] b = new double[4 * polys.size()];
    for (int i = 0; i < polys.size(); i++) {
      double[] p = polys.get(i);
      b[4 * i] = Double.POSITIVE_INFINITY;
      b[4 * i + 1] = Double.POSITIVE_INFINITY;
      b[4 * i + 2] = Double.NEGATIVE_INFINITY;
      b[4 * i + 3] = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < p.length; k += 2) {
        b[4 * i] = Math.min(b[4 * i], p[k]);
        b[4 * i + 1] = Math.min(b[4 * i + 1], p[k + 1]);
        b[4 * i + 2] = Math.max(b[4 * i + 2], p[k]);
        b[4 * i + 3] = Math.max(b[4 * i + 3], p[k + 1]);
      }
    }
    return b;
  }

  public Layout layout() {
    return layout;
  }

  public double widthM() {
    return widthM;
  }

  public double heightM() {
    return heightM;
  }

  /** Length of the room's diagonal [m], the largest distance between two points inside it. */
  public double diagonalM() {
    return Math.hypot(widthM, heightM);
  }

  /** Walls and obstacle edges, for rays, collisions and clearance. Shared, immutable. */
  public SegmentIndex index() {
    return index;
  }

  /** Every segment: walls first, then obstacle edges, {@code x1, y1, x2, y2} each (a copy). */
  public double[] segments() {
    return index.segments();
  }

  /** Outer walls and partitions, {@code x1, y1, x2, y2} each (a copy). */
  public double[] wallSegments() {
    return wallSegments.clone();
  }

  public int obstacleCount() {
    return obstacles.size();
  }

  /** Outline of obstacle i, {@code x0, y0, x1, y1, ...} (a copy). */
  public double[] obstacle(int i) {
    return obstacles.get(i).clone();
  }

  /** True when (x, y) lies strictly inside the room's outer walls. */
  public boolean contains(double x, double y) {
    return x > 0 && y > 0 && x < widthM && y < heightM;
  }

  /** True when (x, y) lies inside an obstacle's outline. */
  public boolean insideObstacle(double x, double y) {
    for (int i = 0; i < obstacles.size(); i++) {
      if (x >= obstacleBounds[4 * i]
          && y >= obstacleBounds[4 * i + 1]
          && x <= obstacleBounds[4 * i + 2]
          && y <= obstacleBounds[4 * i + 3]
          && Geometry.insidePolygon(x, y, obstacles.get(i))) {
        return true;
      }
    }
    return false;
  }

  public double startX() {
    return startX;
  }

  public double startY() {
    return startY;
  }

  /** [rad] */
  public double startHeading() {
    return startHeading;
  }

  public int goalCount() {
    return goals.length / 2;
  }

  /** [m] */
  public double goalX(int i) {
    return goals[2 * i];
  }

  /** [m] */
  public double goalY(int i) {
    return goals[2 * i + 1];
  }
}
