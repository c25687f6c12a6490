package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.geom.SegmentIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes rooms and warehouses from a random stream, so that a seed always gives the same room: every
 * draw comes from the {@link SplittableRandom} passed in, in a fixed order.
 *
 * <p>The stream's first draw picks the layout: a room with scattered boxes (some rotated) and maybe
 * a partition wall with a doorway, or a warehouse with rows of shelves. Then the start and the
 * goals are drawn one by one, each free of walls and obstacles with a margin and reachable by a
 * disc of the robot's radius plus the clearance: the planner ({@link DistanceField}) searches from
 * the start on a grid whose free cells keep that disc off the walls everywhere, and since its
 * connectivity is symmetric, every goal in the start's component is reachable from every other. A
 * point that fails is drawn again; a layout where the start or a goal cannot be placed is drawn
 * again with fewer obstacles.
 */
public final class RoomGenerator {
  /** Planner cell for the reachability check [m]; the expert plans on the same grid. */
  public static final double PLANNER_CELL_M = 0.15;

  /** Extra free space around the start and the goals beyond the robot and its clearance [m]. */
  static final double POINT_MARGIN_M = 0.1;

  private static final int LAYOUT_ATTEMPTS = 40;
  private static final int POINT_ATTEMPTS = 300;
  private static final double MIN_BOX_M = 0.4;
  private static final double MAX_BOX_M = 1.6;

  /** Share of boxes turned by a random angle; the rest are axis-aligned. */
  private static final double ROTATED_SHARE = 0.35;

  private final Settings s;

  public RoomGenerator(Settings settings) {
    this.s = settings;
  }

  /**
   * What to generate.
   *
   * @param widthM room extent along x [m]
   * @param heightM room extent along y [m]
   * @param obstacles boxes in a room; a warehouse adds a quarter as many pallets to its shelves
   * @param warehouseProb probability of the warehouse layout
   * @param robotRadiusM the robot's radius [m]
   * @param clearanceM free space beyond the robot's radius on the way between goals [m]
   * @param goals number of goals
   */
  public record Settings(
      double widthM,
      double heightM,
      int obstacles,
      double warehouseProb,
      double robotRadiusM,
      double clearanceM,
      int goals) {

    public Settings {
      if (!(widthM > 0
          && heightM > 0
          && obstacles >= 0
          && warehouseProb >= 0
          && warehouseProb <= 1
          && robotRadiusM > 0
          && clearanceM >= 0
          && goals >= 1)) {
        throw new IllegalArgumentException("invalid room settings: " + this);
      }
      double need = 2 * (robotRadiusM + clearanceM + PLANNER_CELL_M + POINT_MARGIN_M) + 1;
      if (Math.min(widthM, heightM) < need) {
        throw new IllegalArgumentException(
            "a "
                + widthM
                + " x "
                + heightM
                + " m room is too small"
                + " for a robot of radius "
                + robotRadiusM
                + " m with clearance "
                + clearanceM
                + " m: both sides must be at least "
                + need
                + " m");
      }
    }

    /** A 20 m x 14 m room for the standard robot. */
    public static Settings defaults() {
      return new Settings(20, 14, 12, 0.3, 0.25, 0.15, 3);
    }

    /** Free space a path keeps from walls: the robot's radius and the clearance [m]. */
    public double pathInflationM() {
      return robotRadiusM + clearanceM;
    }

    /**
     * Inflation of the planner grid that checks reachability [m]: the path inflation plus half a
     * cell's diagonal, so that every point of a free cell, not only its center, keeps the path
     * inflation, and so does every move between free cells.
     */
    public double plannerInflationM() {
      return pathInflationM() + PLANNER_CELL_M * Math.sqrt(0.5);
    }
  }

  public Settings settings() {
    return s;
  }

  /** A room drawn from {@code random}; the same stream state gives the same room. */
  public Room generate(SplittableRandom random) {
    boolean warehouse = random.nextDouble() < s.warehouseProb();
    for (int attempt = 0; attempt < LAYOUT_ATTEMPTS; attempt++) {
      // After repeated failures, fewer obstacles: the last attempts are nearly empty rooms.
      double crowding = 1 - (double) attempt / (LAYOUT_ATTEMPTS - 1);
      Draft d =
          warehouse && attempt < LAYOUT_ATTEMPTS / 2
              ? warehouse(random, crowding)
              : room(random, crowding);
      Room room = placeStartAndGoals(d, random);
      if (room != null) {
        return room;
      }
    }
    throw new IllegalStateException(
        "could not place a start and "
            + s.goals()
            + " goals in "
            + LAYOUT_ATTEMPTS
            + " layouts of "
            + s);
  }

  /** Walls and obstacles before the start and goals are placed. */
  private record Draft(Room.Layout layout, double[] walls, List<double[]> obstacles) {}

  private static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** Least width of a doorway, aisle or gap meant to be passable [m]. */
  private double passageM() {
    return 2 * s.pathInflationM() + 0.6;
  }

  private double[] outerWalls(List<Double> extra) {
    double w = s.widthM();
    double h = s.heightM();
    double[] walls = new double[16 + extra.size()];
    double[] outer = {0, 0, w, 0, w, 0, w, h, w, h, 0, h, 0, h, 0, 0};
    System.arraycopy(outer, 0, walls, 0, 16);
    for (int i = 0; i < extra.size(); i++) {
      walls[16 + i] = extra.get(i);
    }
    return walls;
  }

  private Draft room(SplittableRandom r, double crowding) {
    double w = s.widthM();
    double h = s.heightM();
    List<Double> partition = new ArrayList<>();
    // A keep-out disc around the doorway so boxes never close it: x, y, radius [m].
    double[] door = null;
    double partitionAt = 0;
    boolean vertical = w >= h;
    double along = vertical ? h : w;
    double across = vertical ? w : h;
    double doorW = passageM() + uniform(r, 0, 0.6);
    if (r.nextDouble() < 0.5 && along >= doorW + 2 && across >= 4 * passageM()) {
      double at = uniform(r, 0.35, 0.65) * across;
      partitionAt = at;
      double doorMid = uniform(r, 0.5 + doorW / 2, along - 0.5 - doorW / 2);
      double lo = doorMid - doorW / 2;
      double hi = doorMid + doorW / 2;
      double[] seg =
          vertical
              ? new double[] {at, 0, at, lo, at, hi, at, h}
              : new double[] {0, at, lo, at, hi, at, w, at};
      for (double v : seg) {
        partition.add(v);
      }
      door =
          vertical
              ? new double[] {at, doorMid, doorW / 2 + s.pathInflationM() + 0.6}
              : new double[] {doorMid, at, doorW / 2 + s.pathInflationM() + 0.6};
    }
    List<double[]> boxes = new ArrayList<>();
    int n = (int) Math.round(s.obstacles() * crowding);
    for (int i = 0; i < n; i++) {
      for (int tries = 0; tries < 20; tries++) {
        double sx = uniform(r, MIN_BOX_M, MAX_BOX_M);
        double sy = uniform(r, MIN_BOX_M, MAX_BOX_M);
        double angle = r.nextDouble() < ROTATED_SHARE ? uniform(r, 0, Math.PI / 2) : 0;
        double cx = uniform(r, 0.5, w - 0.5);
        double cy = uniform(r, 0.5, h - 0.5);
        double halfDiag = Math.hypot(sx, sy) / 2;
        if (door != null) {
          boolean nearDoor = Math.hypot(cx - door[0], cy - door[1]) < door[2] + halfDiag;
          // Boxes stay off the partition, so it stays one clean wall.
          boolean onWall = Math.abs((vertical ? cx : cy) - partitionAt) < halfDiag + 0.05;
          if (nearDoor || onWall) {
            continue;
          }
        }
        boxes.add(box(cx, cy, sx, sy, angle));
        break;
      }
    }
    return new Draft(Room.Layout.ROOM, outerWalls(partition), boxes);
  }

  private Draft warehouse(SplittableRandom r, double crowding) {
    // Rows run along u; rows are stacked along v. Mostly along the longer side.
    boolean rowsAlongX = (r.nextDouble() < 0.75) == (s.widthM() >= s.heightM());
    double lenU = rowsAlongX ? s.widthM() : s.heightM();
    double lenV = rowsAlongX ? s.heightM() : s.widthM();
    double endAisle = uniform(r, passageM(), passageM() + 1);
    double sideAisle = uniform(r, passageM(), passageM() + 0.6);
    double depth = uniform(r, 0.6, 1.2);
    double aisle = uniform(r, passageM(), passageM() + 0.8);
    List<double[]> shelves = new ArrayList<>();
    for (double v = sideAisle; v + depth <= lenV - sideAisle; v += depth + aisle) {
      double u = endAisle;
      while (u < lenU - endAisle - 1) {
        double end = Math.min(u + uniform(r, 2.5, 6), lenU - endAisle);
        boolean keep = r.nextDouble() < crowding;
        if (end - u >= 1 && keep) {
          shelves.add(rowsAlongX ? rect(u, v, end, v + depth) : rect(v, u, v + depth, end));
        }
        u = end + uniform(r, passageM(), passageM() + 0.6);
      }
    }
    // Pallets left in the aisles: they may close one, which the reachability check then sees.
    int pallets = (int) Math.round(s.obstacles() / 4.0 * crowding);
    for (int i = 0; i < pallets; i++) {
      double size = uniform(r, 0.5, 0.9);
      double cx = uniform(r, 0.5, s.widthM() - 0.5);
      double cy = uniform(r, 0.5, s.heightM() - 0.5);
      shelves.add(box(cx, cy, size, size, 0));
    }
    return new Draft(Room.Layout.WAREHOUSE, outerWalls(List.of()), shelves);
  }

  private static double[] rect(double x0, double y0, double x1, double y1) {
    return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
  }

  /**
   * A box of size sx x sy [m] centered near (cx, cy), turned by angle [rad], counter-clockwise, and
   * pushed back inside the room where it would stick out through a wall.
   */
  private double[] box(double cx, double cy, double sx, double sy, double angle) {
    double c = Math.cos(angle);
    double sn = Math.sin(angle);
    double[] local = {-sx / 2, -sy / 2, sx / 2, -sy / 2, sx / 2, sy / 2, -sx / 2, sy / 2};
    double[] xy = new double[8];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 8; i += 2) {
      xy[i] = cx + c * local[i] - sn * local[i + 1];
      xy[i + 1] = cy + sn * local[i] + c * local[i + 1];
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    double shiftX = Math.max(0, -minX) - Math.max(0, maxX - s.widthM());
    double shiftY = Math.max(0, -minY) - Math.max(0, maxY - s.heightM());
    for (int i = 0; i < 8; i += 2) {
      xy[i] += shiftX;
      xy[i + 1] += shiftY;
    }
    return xy;
  }

  /** The room with a start and goals, or null when they cannot be placed in this layout. */
  private Room placeStartAndGoals(Draft d, SplittableRandom r) {
    // A scratch room gives the segment index and the inside-obstacle test.
    Room walls =
        new Room(
            d.layout(),
            s.widthM(),
            s.heightM(),
            d.walls(),
            d.obstacles(),
            0,
            0,
            0,
            new double[] {0, 0});
    SegmentIndex index = walls.index();
    PlannerGrid grid =
        new PlannerGrid(
            index, 0, 0, s.widthM(), s.heightM(), PLANNER_CELL_M, s.plannerInflationM());
    double[] start = freePoint(walls, grid, r, null, 0, null);
    if (start == null) {
      return null;
    }
    double heading = uniform(r, -Math.PI, Math.PI);
    DistanceField fromStart = new DistanceField(grid, start[0], start[1]);
    // Goals far enough apart that each one is a trip, but not so far that small rooms fail.
    double minSpacing = Math.min(4, 0.25 * walls.diagonalM());
    double[] goals = new double[2 * s.goals()];
    double[] prev = start;
    for (int g = 0; g < s.goals(); g++) {
      double[] p = freePoint(walls, grid, r, prev, minSpacing, fromStart);
      if (p == null) {
        return null;
      }
      goals[2 * g] = p[0];
      goals[2 * g + 1] = p[1];
      prev = p;
    }
    return new Room(
        d.layout(),
        s.widthM(),
        s.heightM(),
        d.walls(),
        d.obstacles(),
        start[0],
        start[1],
        heading,
        goals);
  }

  /**
   * A point with the path inflation plus a margin of free space around it, outside every obstacle,
   * at least {@code minSpacing} from {@code prev} when given, and reachable in {@code reach} when
   * given (reachable from the start means reachable from the previous goal: same component); null
   * after too many draws.
   */
  private double[] freePoint(
      Room walls,
      PlannerGrid grid,
      SplittableRandom r,
      double[] prev,
      double minSpacing,
      DistanceField reach) {
    double need = s.plannerInflationM() + POINT_MARGIN_M;
    for (int tries = 0; tries < POINT_ATTEMPTS; tries++) {
      double x = uniform(r, need, s.widthM() - need);
      double y = uniform(r, need, s.heightM() - need);
      if (prev != null && Math.hypot(x - prev[0], y - prev[1]) < minSpacing) {
        continue;
      }
      if (walls.index().clearance(x, y, need) >= need
          && !walls.insideObstacle(x, y)
          && grid.free(x, y)
          && (reach == null || reach.reachable(x, y))) {
        return new double[] {x, y};
      }
    }
    return null;
  }
}
