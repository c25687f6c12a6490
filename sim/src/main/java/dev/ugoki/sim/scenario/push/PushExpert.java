package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.body.TipServo;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.geom.Geometry;
import java.util.Arrays;

/**
 * The {@code push} expert: a chooser of pushes that knows, from {@link PushMoves}, where each push
 * takes the block (privileged, as the other experts are: the moves were tried with this block's
 * mass and friction). Every step it weighs each push by its gain, the fall of the scenario's pose
 * distance, less a little for the way the tip must go to start it, and takes the best; but when the
 * tip is at the start of a push that still gains at least {@value #KEEP_SHARE} of what the best
 * would, it goes on with that one (else it would flit between pushes of nearly equal gain). At a
 * push's start it pushes along the push's line, slower as the block nears the target; elsewhere it
 * goes to the start, round the block counter-clockwise when the straight way is shut.
 *
 * <p>What it does is a function of what the scenario shows, the block's pose, the target's and the
 * tip, and it is made to be learned: it keeps no plan, so its labels (DAgger) hold wherever a
 * learner has taken the block; it goes round one way only, and slides between going straight and
 * going round, so that where two choices are nearly as good a learner that averages them still
 * moves. A first version planned a push through a copy of the physics and kept it until done: 99%
 * of seeds, but with a plan the observation does not show, and learners cloned from it covered
 * nothing. The arm follows by {@link TipServo}.
 */
public final class PushExpert implements Expert {
  /** The tip's top speed on the way to a push [m/s]. */
  static final double APPROACH_MPS = 0.8;

  /** Clearance kept from the block on the way round [m]. */
  static final double CLEAR_M = 0.015;

  /**
   * A straight way to a push's start that passes nearer the block than this is shut [m], one this
   * clear or more is open (the start's own gap is a little more), and between the two the tip's aim
   * slides from the way round to the start: a switch there would flit as the arm's turns bend the
   * way.
   */
  static final double TOUCH_M = 0.003;

  static final double OPEN_M = 0.008;

  /** The tip is at a push's start when nearer than this [m]: it is pushing from there. */
  static final double AT_START_M = 0.02;

  /** Cost of a metre of the tip's way to another push, in metres of pose distance. */
  static final double WAY_COST = 0.002;

  /**
   * The push under way goes on while it gains at least this share of what the best push would (with
   * the way to it counted); else the expert leaves it for the best.
   */
  static final double KEEP_SHARE = 0.3;

  /** How far ahead of a push's start the tip aims [m]: far enough that its speed cap holds. */
  static final double LOOK_AHEAD_M = 0.1;

  /** Nearer the target than this (pose distance) [m], pushes slow down in proportion... */
  static final double SLOW_WITHIN_M = 0.05;

  /** ...to no less than this share of the push speed (slower, a learner's pushes stall). */
  static final double SLOWEST = 0.5;

  /**
   * The tip aims at least this far ahead on its way to a push [m], so that it never creeps: a
   * learner's small commands are its least sure, and where the expert's are small a learner's stand
   * still.
   */
  static final double LEAST_AIM_M = 0.05;

  /** How far inside the arm's reach the tip's way keeps [m]. */
  static final double REACH_MARGIN_M = 0.02;

  /** The largest step round the block's circle toward a push's start [rad]. */
  private static final double ROUND_STEP_RAD = Math.toRadians(25);

  private final PushScenario scenario;
  private PushMoves moves;
  private double[] movesBody;

  public PushExpert(PushScenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public float[] act() {
    ArmState s = scenario.joints();
    if (s == null || scenario.ended()) {
      return new float[] {0, 0};
    }
    PushConfig cfg = scenario.settings();
    double[] body = scenario.blockBody();
    if (moves == null || !Arrays.equals(body, movesBody)) {
      moves = PushMoves.tried(cfg, body[0], body[1], scenario.dt());
      movesBody = body;
    }
    double[] block = scenario.block();
    double[] tip = scenario.arm().tip(s);
    double[][] boxes = TShape.placed(cfg.unit(), block[0], block[1], block[2]);
    double now = scenario.poseDistance(block);
    double[] push = choose(cfg, block, boxes, now, tip);
    if (push == null) {
      return TipServo.toward(scenario.arm(), s, tip[0], tip[1], 0, 0, APPROACH_MPS);
    }
    double[] aim;
    double speed;
    if (Math.hypot(push[0] - tip[0], push[1] - tip[1]) <= AT_START_M) {
      // along the push's line, at a speed that falls as the block nears the target
      aim = new double[] {push[0] + push[2] * LOOK_AHEAD_M, push[1] + push[3] * LOOK_AHEAD_M};
      double near = now / SLOW_WITHIN_M;
      speed = PushMoves.PUSH_MPS * Math.max(SLOWEST, Math.min(1, near));
    } else {
      aim = approach(cfg, tip, block, boxes, push);
      speed = APPROACH_MPS;
      double gx = aim[0] - tip[0];
      double gy = aim[1] - tip[1];
      double g = Math.hypot(gx, gy);
      if (g > 1e-9 && g < LEAST_AIM_M) {
        aim = new double[] {tip[0] + gx * LEAST_AIM_M / g, tip[1] + gy * LEAST_AIM_M / g};
      }
    }
    return TipServo.toward(scenario.arm(), s, aim[0], aim[1], 0, 0, speed);
  }

  /**
   * The best push now: its start x, y, direction dx, dy, and the outline's outward normal nx, ny at
   * its contact; null when no start is free.
   */
  private double[] choose(
      PushConfig cfg, double[] block, double[][] boxes, double now, double[] tip) {
    double r = cfg.tipRadius();
    double c = Math.cos(block[2]);
    double s = Math.sin(block[2]);
    double half = cfg.tableSize() / 2 - r;
    double bestGain = Double.NEGATIVE_INFINITY;
    double[] best = null;
    double keptGain = Double.NEGATIVE_INFINITY;
    double[] kept = null;
    for (int k = 0; k < moves.contacts.length; k++) {
      double[] p = moves.contacts[k];
      double nx = c * p[2] - s * p[3];
      double ny = s * p[2] + c * p[3];
      double px = block[0] + c * p[0] - s * p[1] + nx * (r + PushMoves.GAP_M);
      double py = block[1] + s * p[0] + c * p[1] + ny * (r + PushMoves.GAP_M);
      if (Math.abs(px) > half
          || Math.abs(py - cfg.tableCentreY()) > half
          || !reachable(px, py)
          || !clear(boxes, px, py, px, py, r + PushMoves.GAP_M / 2)) {
        continue;
      }
      double way = Math.hypot(px - tip[0], py - tip[1]);
      boolean here = way <= AT_START_M;
      for (int j = 0; j < PushMoves.TURNS.length; j++) {
        for (int l = 0; l < PushMoves.LENGTHS_M.length; l++) {
          double gain = now - scenario.poseDistance(moves.after(block, k, j, l));
          double net = gain - WAY_COST * way;
          if (net > bestGain) {
            bestGain = net;
            best = push(p, px, py, c, s, j, nx, ny);
          }
          if (here && gain > keptGain) {
            keptGain = gain;
            kept = push(p, px, py, c, s, j, nx, ny);
          }
        }
      }
    }
    return kept != null && keptGain > 0 && keptGain >= KEEP_SHARE * bestGain ? kept : best;
  }

  private static double[] push(
      double[] p, double px, double py, double c, double s, int j, double nx, double ny) {
    double[] d = PushMoves.direction(p, PushMoves.TURNS[j]);
    return new double[] {px, py, c * d[0] - s * d[1], s * d[0] + c * d[1], nx, ny};
  }

  /**
   * Where the tip heads for a push's start. Inside the circle that clears the block: straight there
   * when that way is clear, else straight out. Outside it, the tip goes round counter-clockwise
   * only: straight to the start when it is clear and at most a quarter turn before the start's
   * point on the circle, else along the circle to that point. One way round, so that where two
   * pushes are nearly as good the ways to them agree until one of them is reached: a learner that
   * averages the two still gets somewhere (going round the short way, the two ways part where the
   * choice flips, and their average stands still).
   */
  private double[] approach(
      PushConfig cfg, double[] tip, double[] block, double[][] boxes, double[] push) {
    double r = cfg.tipRadius();
    double px = push[0];
    double py = push[1];
    double ox = block[0];
    double oy = block[1];
    double rs = TShape.circumradius(cfg.unit()) + r + CLEAR_M;
    double a0 = Math.atan2(tip[1] - oy, tip[0] - ox);
    double[] q = rayOut(px - ox, py - oy, push[4], push[5], rs);
    double ahead = Geometry.wrapAngle(Math.atan2(q[1], q[0]) - a0);
    ahead = ahead < 0 ? ahead + 2 * Math.PI : ahead; // counter-clockwise from the tip, [0, 2 pi)
    // round: to the circle a step ahead, from inside or out alike, and no further than the start's
    double a = a0 + Math.min(ahead, ROUND_STEP_RAD);
    double[] round = inReach(ox + rs * Math.cos(a), oy + rs * Math.sin(a));
    boolean inside = Math.hypot(tip[0] - ox, tip[1] - oy) < rs - CLEAR_M / 2;
    if (!inside && ahead > Math.PI / 2) {
      return round;
    }
    // straight there as the way clears, round as it closes, and between the two in between
    double w = (clearance(boxes, tip[0], tip[1], px, py) - r - TOUCH_M) / (OPEN_M - TOUCH_M);
    w = Math.max(0, Math.min(1, w));
    return new double[] {w * px + (1 - w) * round[0], w * py + (1 - w) * round[1]};
  }

  /**
   * The point (x, y), or where the tip can be nearest it on the line to the shoulder: the way round
   * the block may pass where the arm cannot reach.
   */
  private double[] inReach(double x, double y) {
    double d = Math.hypot(x, y);
    double lo = scenario.armParams().minReachM() + REACH_MARGIN_M;
    double hi = scenario.armParams().maxReachM() - REACH_MARGIN_M;
    double k = d > hi ? hi / d : d < lo ? lo / d : 1;
    return new double[] {x * k, y * k};
  }

  private boolean reachable(double x, double y) {
    double d = Math.hypot(x, y);
    return d >= scenario.armParams().minReachM() + REACH_MARGIN_M
        && d <= scenario.armParams().maxReachM() - REACH_MARGIN_M;
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
    return clearance(boxes, ax, ay, bx, by) >= radius;
  }

  /** How near the segment from (ax, ay) to (bx, by) comes to the boxes [m]; 0 when it meets one. */
  static double clearance(double[][] boxes, double ax, double ay, double bx, double by) {
    double d2 = Double.POSITIVE_INFINITY;
    for (double[] p : boxes) {
      if (inside(p, ax, ay) || inside(p, bx, by)) {
        return 0;
      }
      for (int i = 0; i < 4; i++) {
        int j = (i + 1) % 4;
        d2 =
            Math.min(
                d2,
                Geometry.segmentSegmentDist2(
                    ax, ay, bx, by, p[2 * i], p[2 * i + 1], p[2 * j], p[2 * j + 1]));
      }
    }
    return Math.sqrt(d2);
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
}
