package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.physics.Body;
import dev.ugoki.sim.physics.Disc;
import dev.ugoki.sim.physics.Polygon;
import dev.ugoki.sim.physics.World;
import dev.ugoki.sim.physics.WorldSettings;

/**
 * The table's physics: four walls round its edge, the T block on it, and the pusher (the arm's tip,
 * a kinematic disc that pushes and is not pushed). The scenario and the expert's planner each hold
 * one; the planner's is placed anew before each plan.
 */
final class PushTable {
  /** Substeps of a policy step: a tip at its top speed moves less than its radius in one. */
  static final int SUBSTEPS = 4;

  /** The walls' thickness, outside the table [m]. */
  static final double WALL_M = 0.05;

  private final World world;
  private final Body block;
  private final Body tip;
  private final double unit;

  PushTable(PushConfig cfg, double blockMass, double blockFriction) {
    this.unit = cfg.unit();
    world = new World(WorldSettings.defaults().withSubsteps(SUBSTEPS));
    double h = cfg.tableSize() / 2;
    double cy = cfg.tableCentreY();
    double w = WALL_M / 2;
    // bottom, top, left, right: each a box just outside the table's edge
    world.add(Body.fixed(Polygon.box(h + WALL_M, w, 0, cy - h - w, 0)).friction(0.3));
    world.add(Body.fixed(Polygon.box(h + WALL_M, w, 0, cy + h + w, 0)).friction(0.3));
    world.add(Body.fixed(Polygon.box(w, h + WALL_M, -h - w, cy, 0)).friction(0.3));
    world.add(Body.fixed(Polygon.box(w, h + WALL_M, h + w, cy, 0)).friction(0.3));
    double[][] boxes = TShape.boxes(unit);
    block =
        world.add(
            Body.dynamic(Polygon.of(boxes[0]), Polygon.of(boxes[1]))
                .mass(blockMass)
                .friction(cfg.contactFriction())
                .tableFriction(blockFriction));
    tip = world.add(Body.kinematic(Disc.of(cfg.tipRadius())).friction(cfg.contactFriction()));
  }

  /** Puts the block at rest at (x, y, angle) and the pusher at rest at (tipX, tipY). */
  void place(double x, double y, double angle, double tipX, double tipY) {
    block.setPose(x, y, angle);
    block.setVelocity(0, 0, 0);
    tip.setPose(tipX, tipY, 0);
    tip.setVelocity(0, 0, 0);
  }

  /**
   * One policy step of {@code dtS}: the pusher moves straight to (tipX, tipY), the block answers.
   */
  void step(double tipX, double tipY, double dtS) {
    tip.setVelocity((tipX - tip.x()) / dtS, (tipY - tip.y()) / dtS, 0);
    world.step(dtS);
    tip.setPose(tipX, tipY, 0); // exactly where the arm put it, whatever rounding did
  }

  /** The block's pose: its centre of mass and angle. */
  double[] blockPose() {
    return new double[] {block.x(), block.y(), block.angle()};
  }

  /** The block's velocity: vx, vy [m/s] and spin [rad/s]. */
  double[] blockVelocity() {
    return new double[] {block.vx(), block.vy(), block.angularVelocity()};
  }

  double tipX() {
    return tip.x();
  }

  double tipY() {
    return tip.y();
  }
}
