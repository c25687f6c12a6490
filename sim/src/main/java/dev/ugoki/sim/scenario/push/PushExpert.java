package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.body.TipServo;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.geom.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code push} expert: a planner of pushes that tries them in a copy of the table's physics
 * (privileged, as the other experts are: it knows the block's mass and friction). Each plan takes
 * the block where it lies, tries a straight push from points along the T's outline, pushing against
 * the outline's normal or turned a little from it, over a few lengths, and keeps the one that
 * leaves the block's pose nearest the target's (the scenario's pose distance), a little weighted by
 * the way the tip must go to start it. The tip then goes round the block to the push's start
 * (outside a circle that clears the T when the straight way does not), and pushes; then the next
 * plan. The arm follows the path by {@link TipServo}.
 */
public final class PushExpert implements Expert {
  /** Tip speeds on the way to a push and during it [m/s]. */
  static final double APPROACH_MPS = 0.8;

  static final double PUSH_MPS = 0.3;

  /** The gap between the tip and the block before a push [m]. */
  static final double GAP_M = 0.01;

  /** Clearance kept from the block on the way round [m]. */
  static final double CLEAR_M = 0.015;

  /** Push lengths tried [m] and turns from the outline's normal [rad]. */
  static final double[] PUSH_M = {0.005, 0.015, 0.04, 0.1};

  static final double[] TURNS = {-0.4, 0, 0.4};

  /** Contact points per unit of the T's outline. */
  static final int POINTS_PER_UNIT = 2;

  /** Cost of a metre of the tip's way to a push, in metres of pose distance. */
  static final double WAY_COST = 0.02;

  /** Steps the block is left to stop after a push, in a plan. */
  static final int SETTLE_STEPS = 2;

  private final PushScenario scenario;
  private PushTable planner;
  private double[] plannerBody;

  /** The path: x, y [m] and speed [m/s] per waypoint, and the tolerance to pass it [m]. */
  private final List<double[]> path = new ArrayList<>();

  private int next;
  private int pushFrom;
  private double[] targetSeen;
  private double[] blockAtPlan;

  /** The T's outline in its frame: contact points and their outward normals, x, y, nx, ny. */
  private double[][] contacts;

  public PushExpert(PushScenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public float[] act() {
    ArmState s = scenario.joints();
    if (s == null || scenario.ended()) {
      return new float[] {0, 0};
    }
    double[] target = scenario.target();
    double[] block = scenario.block();
    double[] tip = scenario.arm().tip(s);
    if (!Arrays.equals(target, targetSeen) || next >= path.size() || movedWhileApproaching(block)) {
      plan(tip);
    }
    while (next < path.size() - 1 && reached(tip, path.get(next))) {
      next++;
    }
    if (next == path.size() - 1 && reached(tip, path.get(next))) {
      plan(tip);
    }
    double[] wp = path.get(next);
    return TipServo.toward(scenario.arm(), s, wp[0], wp[1], 0, 0, wp[2]);
  }

  private static boolean reached(double[] tip, double[] wp) {
    return Math.hypot(tip[0] - wp[0], tip[1] - wp[1]) <= wp[3];
  }

  /** The block moved on the way to a push: the plan was made for where it was. */
  private boolean movedWhileApproaching(double[] block) {
    return next < pushFrom
        && (Math.hypot(block[0] - blockAtPlan[0], block[1] - blockAtPlan[1]) > 0.003
            || Math.abs(Geometry.wrapAngle(block[2] - blockAtPlan[2])) > 0.02);
  }

  private void plan(double[] tip) {
    PushConfig cfg = scenario.settings();
    double[] body = scenario.blockBody();
    if (planner == null || !Arrays.equals(body, plannerBody)) {
      planner = new PushTable(cfg, body[0], body[1]);
      plannerBody = body;
      contacts = outline(cfg.unit(), cfg.tipRadius());
    }
    targetSeen = scenario.target();
    double[] block = scenario.block();
    blockAtPlan = block;
    double r = cfg.tipRadius();
    double c = Math.cos(block[2]);
    double s = Math.sin(block[2]);
    double[][] boxes = TShape.placed(cfg.unit(), block[0], block[1], block[2]);
    double bestCost = Double.POSITIVE_INFINITY;
    double[] best = null;
    for (double[] k : contacts) {
      double nx = c * k[2] - s * k[3];
      double ny = s * k[2] + c * k[3];
      double px = block[0] + c * k[0] - s * k[1] + nx * (r + GAP_M);
      double py = block[1] + s * k[0] + c * k[1] + ny * (r + GAP_M);
      if (!clear(boxes, px, py, px, py, r + GAP_M / 2)) {
        continue;
      }
      double way = Math.hypot(px - tip[0], py - tip[1]);
      for (double turn : TURNS) {
        double dx = -(Math.cos(turn) * nx - Math.sin(turn) * ny);
        double dy = -(Math.sin(turn) * nx + Math.cos(turn) * ny);
        for (double length : PUSH_M) {
          double[] end = simulate(block, px, py, dx, dy, GAP_M + length);
          double cost = scenario.poseDistance(end) + WAY_COST * way;
          if (cost < bestCost) {
            bestCost = cost;
            best = new double[] {px, py, dx, dy, GAP_M + length, nx, ny};
          }
        }
      }
    }
    path.clear();
    next = 0;
    if (best == null) {
      path.add(new double[] {tip[0], tip[1], APPROACH_MPS, 1});
      pushFrom = 1;
      return;
    }
    approach(tip, block, boxes, best);
    pushFrom = path.size();
    path.add(
        new double[] {best[0] + best[2] * best[4], best[1] + best[3] * best[4], PUSH_MPS, 0.004});
  }

  /** The block's pose after a push from (px, py) along (dx, dy) over {@code length}, at rest. */
  private double[] simulate(
      double[] block, double px, double py, double dx, double dy, double len) {
    double dt = scenario.dt();
    planner.place(block[0], block[1], block[2], px, py);
    int steps = (int) Math.ceil(len / (PUSH_MPS * dt));
    for (int i = 1; i <= steps; i++) {
      double d = Math.min(len, i * PUSH_MPS * dt);
      planner.step(px + dx * d, py + dy * d, dt);
    }
    for (int i = 0; i < SETTLE_STEPS; i++) {
      planner.step(planner.tipX(), planner.tipY(), dt);
    }
    return planner.blockPose();
  }

  /**
   * The way from the tip to a push's start: straight when that clears the block, else out to a
   * circle round the block, along it, and in along the outline's normal.
   */
  private void approach(double[] tip, double[] block, double[][] boxes, double[] push) {
    PushConfig cfg = scenario.settings();
    double r = cfg.tipRadius();
    double px = push[0];
    double py = push[1];
    if (clear(boxes, tip[0], tip[1], px, py, r + CLEAR_M / 2)) {
      path.add(new double[] {px, py, APPROACH_MPS, 0.004});
      return;
    }
    double ox = block[0];
    double oy = block[1];
    double rs = TShape.circumradius(cfg.unit()) + r + CLEAR_M;
    double a0 = Math.atan2(tip[1] - oy, tip[0] - ox);
    if (Math.hypot(tip[0] - ox, tip[1] - oy) < rs) {
      path.add(new double[] {ox + rs * Math.cos(a0), oy + rs * Math.sin(a0), APPROACH_MPS, 0.02});
    }
    // where the normal's ray from the push's start leaves the circle
    double[] q = rayOut(px - ox, py - oy, push[5], push[6], rs);
    double a1 = Math.atan2(q[1], q[0]);
    double turn = Geometry.wrapAngle(a1 - a0);
    int n = (int) Math.ceil(Math.abs(turn) / Math.toRadians(25));
    for (int i = 1; i <= n; i++) {
      double a = a0 + turn * i / n;
      path.add(new double[] {ox + rs * Math.cos(a), oy + rs * Math.sin(a), APPROACH_MPS, 0.02});
    }
    path.add(new double[] {ox + q[0], oy + q[1], APPROACH_MPS, 0.01});
    path.add(new double[] {px, py, APPROACH_MPS, 0.004});
  }

  /** The point p + t n (t >= 0) at distance {@code rs} from the origin, relative to it. */
  private static double[] rayOut(double px, double py, double nx, double ny, double rs) {
    double b = px * nx + py * ny;
    double cc = px * px + py * py - rs * rs;
    double t = -b + Math.sqrt(Math.max(0, b * b - cc));
    t = Math.max(0, t);
    return new double[] {px + t * nx, py + t * ny};
  }

  /** True when the segment from (ax, ay) to (bx, by) keeps {@code radius} from every box. */
  static boolean clear(
      double[][] boxes, double ax, double ay, double bx, double by, double radius) {
    double r2 = radius * radius;
    for (double[] p : boxes) {
      if (inside(p, ax, ay) || inside(p, bx, by)) {
        return false;
      }
      for (int i = 0; i < 4; i++) {
        int j = (i + 1) % 4;
        if (Geometry.segmentSegmentDist2(
                ax, ay, bx, by, p[2 * i], p[2 * i + 1], p[2 * j], p[2 * j + 1])
            < r2) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean inside(double[] p, double x, double y) {
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      double ex = p[2 * j] - p[2 * i];
      double ey = p[2 * j + 1] - p[2 * i + 1];
      if (ex * (y - p[2 * i + 1]) - ey * (x - p[2 * i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Points along the T's outline, in its frame, with their outward normals: the outline's eight
   * edges, {@value #POINTS_PER_UNIT} points a unit, none nearer an inner corner than the tip's
   * radius (the tip could not touch there).
   */
  static double[][] outline(double unit, double tipRadius) {
    double c = TShape.COM_UNITS;
    // counter-clockwise from the stem's foot, in units
    double[][] v = {
      {-0.5, -c},
      {0.5, -c},
      {0.5, 3 - c},
      {2, 3 - c},
      {2, 4 - c},
      {-2, 4 - c},
      {-2, 3 - c},
      {-0.5, 3 - c}
    };
    boolean[] innerCorner = {false, false, true, false, false, false, false, true};
    List<double[]> out = new ArrayList<>();
    for (int e = 0; e < v.length; e++) {
      double[] a = v[e];
      double[] b = v[(e + 1) % v.length];
      double len = Math.hypot(b[0] - a[0], b[1] - a[1]) * unit;
      double nx = (b[1] - a[1]) * unit / len;
      double ny = -(b[0] - a[0]) * unit / len;
      int n = Math.max(1, (int) Math.round(len / unit * POINTS_PER_UNIT));
      for (int i = 0; i < n; i++) {
        double t = (i + 0.5) / n;
        double along = t * len;
        if ((innerCorner[e] && along < tipRadius)
            || (innerCorner[(e + 1) % v.length] && len - along < tipRadius)) {
          continue;
        }
        out.add(
            new double[] {
              (a[0] + t * (b[0] - a[0])) * unit, (a[1] + t * (b[1] - a[1])) * unit, nx, ny
            });
      }
    }
    return out.toArray(double[][]::new);
  }
}
