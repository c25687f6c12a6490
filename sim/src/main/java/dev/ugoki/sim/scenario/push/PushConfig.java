package dev.ugoki.sim.scenario.push;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.ArmKeys;
import dev.ugoki.sim.scenario.BodyFamily;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.RewardWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code push} scenario's configuration, typed and checked once: its keys ({@link #PARAMS},
 * with defaults, ranges and meanings) and the values a config gives them.
 *
 * <p>The table is a square seen from above, in front of the arm's shoulder (at the origin); the
 * block is a T of Push-T's proportions (Chi et al. 2023): a bar of 4 x 1 units, a stem of 1 x 3
 * under its middle. With the defaults the table is 1 m wide and a unit is 30/512 of it, as Push-T's
 * 30 px on its 512 px table; the pusher's radius is 15/512 of it.
 *
 * @param arm the arm's links and joints (its keys are reach's)
 * @param tableCentreY the table's centre, straight ahead of the shoulder [m]
 * @param tableSize the table's side [m]
 * @param unit the T's unit [m]
 * @param tipRadius the pusher's radius [m]
 * @param blockMass the block's mass [kg]
 * @param blockFriction the block's Coulomb friction on the table
 * @param contactFriction the friction between the pusher and the block
 * @param successCoverage the share of the target the block must cover
 * @param family the family of bodies episodes draw from: reach's five arm dimensions, then the
 *     block's mass and friction
 */
public record PushConfig(
    ArmParams arm,
    double tableCentreY,
    double tableSize,
    double unit,
    double tipRadius,
    double blockMass,
    double blockFriction,
    double contactFriction,
    double successCoverage,
    BodyFamily family) {
  public static final String TABLE_Y = "table.y";
  public static final String TABLE_SIZE = "table.size";
  public static final String BLOCK_UNIT = "block.unit";
  public static final String BLOCK_MASS = "block.mass";
  public static final String BLOCK_FRICTION = "block.friction";
  public static final String TIP_RADIUS = "tip.radius";
  public static final String TIP_FRICTION = "tip.friction";
  public static final String SUCCESS_COVERAGE = "success.coverage";
  public static final String BODY_MASS = "body.mass";
  public static final String BODY_FRICTION = "body.friction";

  /** The reward's terms, each weighted by {@code reward.NAME}. */
  public static final List<String> TERMS = List.of("progress", "goal", "time");

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 1000));
    p.addAll(ArmKeys.ARM);
    p.add(Param.real(TABLE_Y, 1.15, 0.1, 10, "the table's centre, ahead of the shoulder [m]"));
    p.add(Param.real(TABLE_SIZE, 1.0, 0.2, 10, "the square table's side [m]"));
    p.add(
        Param.real(
            BLOCK_UNIT,
            30.0 / 512,
            0.005,
            1,
            "the T's unit: its bar is 4 x 1 units, its stem 1 x 3 [m]"));
    p.add(Param.real(BLOCK_MASS, 0.5, 0.01, 100, "the block's mass [kg]"));
    p.add(Param.real(BLOCK_FRICTION, 0.5, 0.01, 2, "the block's Coulomb friction on the table"));
    p.add(Param.real(TIP_RADIUS, 15.0 / 512, 0.005, 0.5, "the pusher's radius [m]"));
    p.add(Param.real(TIP_FRICTION, 0.3, 0, 2, "the friction between the pusher and the block"));
    p.add(
        Param.real(
            SUCCESS_COVERAGE,
            0.95,
            0.5,
            1,
            "the share of the target the block must cover (Push-T: 0.95)"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "progress",
            10,
            0,
            1000,
            "reward per metre the block's pose comes nearer the target's"));
    p.add(Param.real(RewardWeights.PREFIX + "goal", 10, 0, 1000, "reward for covering the target"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "time",
            -0.01,
            -1,
            0,
            "reward every step (a small cost of time)"));
    p.addAll(ArmKeys.SPREADS);
    p.add(BodyFamily.spread("block", BODY_MASS, 0.9, BLOCK_MASS));
    p.add(BodyFamily.spread("block", BODY_FRICTION, 0.9, BLOCK_FRICTION));
    p.addAll(BodyFamily.params());
    return List.copyOf(p);
  }

  /**
   * The values of {@code c}, checked across keys: the block fits on the table with room to turn,
   * and every point of the table is within the reach of every arm of the family.
   */
  public static PushConfig of(Config c) {
    ArmParams arm = ArmKeys.arm(c);
    double y = c.real(TABLE_Y);
    double size = c.real(TABLE_SIZE);
    double unit = c.real(BLOCK_UNIT);
    double tip = c.real(TIP_RADIUS);
    if (2 * TShape.circumradius(unit) + 4 * tip > size) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "a T of %s %.3f m cannot turn on a table of %s %.3f m: it needs %.3f m",
              BLOCK_UNIT,
              unit,
              TABLE_SIZE,
              size,
              2 * TShape.circumradius(unit) + 4 * tip));
    }
    List<BodyFamily.Dim> dims = new ArrayList<>(ArmKeys.dims(c));
    dims.add(new BodyFamily.Dim(BODY_MASS, c.real(BODY_MASS), 0x2E1F0BA84D3A9C57L));
    dims.add(new BodyFamily.Dim(BODY_FRICTION, c.real(BODY_FRICTION), 0x71C4E6F0A3B2D819L));
    BodyFamily family = BodyFamily.of(c, dims);
    // every arm of the family reaches the whole table: its far corners within the shortest of
    // the longest reaches, its near edge beyond the longest of the shortest (the corners of the
    // family's link lengths and elbow limits)
    double far = Math.hypot(size / 2, y + size / 2);
    double near = y - size / 2;
    for (ArmParams a : ArmKeys.corners(arm, family.maxFactors())) {
      if (far > a.maxReachM() - tip || near < a.minReachM() + tip) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "the table (%s %.2f m, %s %.2f m) lies %.2f to %.2f m from the shoulder, beyond"
                    + " an arm of the family that reaches %.2f to %.2f m",
                TABLE_Y,
                y,
                TABLE_SIZE,
                size,
                near,
                far,
                a.minReachM(),
                a.maxReachM()));
      }
    }
    return new PushConfig(
        arm,
        y,
        size,
        unit,
        tip,
        c.real(BLOCK_MASS),
        c.real(BLOCK_FRICTION),
        c.real(TIP_FRICTION),
        c.real(SUCCESS_COVERAGE),
        family);
  }
}
