package dev.ugoki.sim.scenario.push;

import java.util.ArrayList;
import java.util.List;

/**
 * What each push the expert may make does to the block, tried once in the table's physics and kept
 * in the block's frame. A push starts with the tip at rest a gap off a point of the T's outline,
 * goes straight along the outline's inward normal (or turned a little from it) over a length, and
 * ends with the block left to slide to rest. The table pushes a block the same way wherever it lies
 * and whichever way it faces (away from the walls), so a push tried once with the block at the
 * table's centre tells where it takes a block at any pose: the move, composed with the pose.
 */
final class PushMoves {
  /** The gap between the tip and the block before a push [m]. */
  static final double GAP_M = 0.01;

  /** The tip's speed in a push tried [m/s]. */
  static final double PUSH_MPS = 0.3;

  /** Push lengths tried [m] and turns from the outline's normal [rad]. */
  static final double[] LENGTHS_M = {0.002, 0.005, 0.015, 0.04, 0.1};

  static final double[] TURNS = {-0.4, 0, 0.4};

  /** Contact points per unit of the T's outline. */
  static final int POINTS_PER_UNIT = 2;

  /** Steps the block is left to stop after a push. */
  static final int SETTLE_STEPS = 2;

  /** The T's outline in its frame: contact points and their outward normals, x, y, nx, ny. */
  final double[][] contacts;

  /** Per contact, turn and length: the block's move x, y [m] and angle [rad], in its frame. */
  private final double[][][][] moves;

  private PushMoves(double[][] contacts, double[][][][] moves) {
    this.contacts = contacts;
    this.moves = moves;
  }

  /** Tries every push on a table of {@code cfg} with a block of this mass and friction. */
  static PushMoves tried(PushConfig cfg, double blockMass, double blockFriction, double dtS) {
    PushTable table = new PushTable(cfg, blockMass, blockFriction);
    double[][] contacts = outline(cfg.unit(), cfg.tipRadius());
    double r = cfg.tipRadius();
    double cy = cfg.tableCentreY();
    double[][][][] moves = new double[contacts.length][TURNS.length][LENGTHS_M.length][];
    for (int k = 0; k < contacts.length; k++) {
      double[] p = contacts[k];
      double px = p[0] + p[2] * (r + GAP_M);
      double py = cy + p[1] + p[3] * (r + GAP_M);
      for (int j = 0; j < TURNS.length; j++) {
        double[] d = direction(p, TURNS[j]);
        for (int l = 0; l < LENGTHS_M.length; l++) {
          double[] end = push(table, 0, cy, 0, px, py, d, GAP_M + LENGTHS_M[l], dtS);
          moves[k][j][l] = new double[] {end[0], end[1] - cy, end[2]};
        }
      }
    }
    return new PushMoves(contacts, moves);
  }

  /**
   * One push on {@code table}: the block at rest at (x, y, angle), the tip from (px, py) straight
   * along the unit {@code d} over {@code len} at {@link #PUSH_MPS}, then {@link #SETTLE_STEPS} for
   * the block to slide to rest; the block's pose at the end.
   */
  static double[] push(
      PushTable table,
      double x,
      double y,
      double angle,
      double px,
      double py,
      double[] d,
      double len,
      double dtS) {
    table.place(x, y, angle, px, py);
    int steps = (int) Math.ceil(len / (PUSH_MPS * dtS));
    for (int i = 1; i <= steps; i++) {
      double s = Math.min(len, i * PUSH_MPS * dtS);
      table.step(px + d[0] * s, py + d[1] * s, dtS);
    }
    for (int i = 0; i < SETTLE_STEPS; i++) {
      table.step(table.tipX(), table.tipY(), dtS);
    }
    return table.blockPose();
  }

  /** The push's direction in the block's frame: the inward normal at a contact, turned. */
  static double[] direction(double[] contact, double turn) {
    double c = Math.cos(turn);
    double s = Math.sin(turn);
    return new double[] {-(c * contact[2] - s * contact[3]), -(s * contact[2] + c * contact[3])};
  }

  /** Where push (contact, turn, length) takes a block at rest at {@code pose}: x, y, angle. */
  double[] after(double[] pose, int contact, int turn, int length) {
    double[] m = moves[contact][turn][length];
    double c = Math.cos(pose[2]);
    double s = Math.sin(pose[2]);
    return new double[] {
      pose[0] + c * m[0] - s * m[1], pose[1] + s * m[0] + c * m[1], pose[2] + m[2]
    };
  }

  /**
   * Points along the T's outline, in its frame, with their outward normals: the outline's eight
   * edges, {@value #POINTS_PER_UNIT} points a unit, none nearer an inner corner than the tip's
   * radius (the tip could not touch there).
   */
  static double[][] outline(double unit, double tipRadius) {
    double[][] v = TShape.corners(unit);
    boolean[] innerCorner = {false, false, true, false, false, false, false, true};
    List<double[]> out = new ArrayList<>();
    for (int e = 0; e < v.length; e++) {
      double[] a = v[e];
      double[] b = v[(e + 1) % v.length];
      double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      double nx = (b[1] - a[1]) / len;
      double ny = -(b[0] - a[0]) / len;
      int n = Math.max(1, (int) Math.round(len / unit * POINTS_PER_UNIT));
      for (int i = 0; i < n; i++) {
        double t = (i + 0.5) / n;
        double along = t * len;
        if ((innerCorner[e] && along < tipRadius)
            || (innerCorner[(e + 1) % v.length] && len - along < tipRadius)) {
          continue;
        }
        out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), nx, ny});
      }
    }
    return out.toArray(double[][]::new);
  }
}
