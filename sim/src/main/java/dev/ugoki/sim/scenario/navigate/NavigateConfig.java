package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.body.RobotParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.BodyFamily;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.LidarParams;
import dev.ugoki.sim.scenario.RewardWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code navigate} scenario's configuration, typed and checked once: its keys ({@link #PARAMS},
 * with defaults, ranges and meanings) and the values a config gives them. The reward weights are
 * read by {@link RewardWeights}, the lidar's by {@link LidarParams}.
 *
 * @param robot the robot's body
 * @param room the room generator's settings
 * @param goalRadiusM distance from a goal that counts as reaching it [m]
 * @param family the family of robots episodes draw from: radius, wheel separation, top speed and
 *     acceleration (in that order), each around the nominal robot
 */
public record NavigateConfig(
    RobotParams robot, RoomGenerator.Settings room, double goalRadiusM, BodyFamily family) {
  public static final String ROOM_WIDTH = "room.width";
  public static final String ROOM_HEIGHT = "room.height";
  public static final String ROOM_OBSTACLES = "room.obstacles";
  public static final String ROOM_WAREHOUSE_PROB = "room.warehouse_prob";
  public static final String ROOM_CLEARANCE = "room.clearance";
  public static final String GOALS = "goals";
  public static final String GOAL_RADIUS = "goal.radius";
  public static final String ROBOT_RADIUS = "robot.radius";
  public static final String ROBOT_MAX_SPEED = "robot.max_speed";
  public static final String ROBOT_WHEEL_SEPARATION = "robot.wheel_separation";
  public static final String ROBOT_MAX_ACCEL = "robot.max_accel";
  public static final String BODY_RADIUS = "body.radius";
  public static final String BODY_WHEEL_SEPARATION = "body.wheel_separation";
  public static final String BODY_MAX_SPEED = "body.max_speed";
  public static final String BODY_MAX_ACCEL = "body.max_accel";

  /** The reward's terms, each weighted by {@code reward.NAME}. */
  public static final List<String> TERMS = List.of("progress", "goal", "crash", "time");

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 1500));
    p.add(Param.real(ROOM_WIDTH, 20, 6, 60, "room extent along x [m]"));
    p.add(Param.real(ROOM_HEIGHT, 14, 6, 60, "room extent along y [m]"));
    p.add(
        Param.integer(
            ROOM_OBSTACLES,
            12,
            0,
            60,
            "boxes in a room layout (a warehouse adds a quarter as many pallets)"));
    p.add(Param.real(ROOM_WAREHOUSE_PROB, 0.3, 0, 1, "probability of the warehouse layout"));
    p.add(
        Param.real(
            ROOM_CLEARANCE,
            0.15,
            0,
            0.5,
            "free space beyond the robot's radius guaranteed on some path between goals [m]"));
    p.add(Param.integer(GOALS, 3, 1, 20, "goals to visit in order"));
    p.add(
        Param.real(
            GOAL_RADIUS, 0.4, 0.1, 2, "distance from a goal that counts as reaching it [m]"));
    p.add(Param.integer(LidarParams.RAYS, 32, 1, 256, "lidar rays"));
    p.add(Param.real(LidarParams.FOV_DEG, 360, 10, 360, "lidar field of view [deg]"));
    p.add(Param.real(LidarParams.RANGE, 8, 0.5, 50, "lidar range [m]"));
    p.add(
        Param.real(
            LidarParams.NOISE,
            0,
            0,
            0.2,
            "lidar range noise, standard deviation as a fraction of the range"));
    p.add(Param.real(LidarParams.DROPOUT, 0, 0, 0.5, "probability that a ray returns nothing"));
    p.add(Param.real(ROBOT_RADIUS, 0.25, 0.1, 0.6, "robot body radius [m]"));
    p.add(Param.real(ROBOT_MAX_SPEED, 1.2, 0.2, 3, "top wheel speed [m/s]"));
    p.add(Param.real(ROBOT_WHEEL_SEPARATION, 0.4, 0.1, 1.2, "distance between the wheels [m]"));
    p.add(Param.real(ROBOT_MAX_ACCEL, 3, 0.5, 20, "wheel acceleration limit [m/s^2]"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "progress",
            1,
            0,
            100,
            "reward per metre of geodesic distance to the active goal gained"));
    p.add(Param.real(RewardWeights.PREFIX + "goal", 10, 0, 1000, "reward for reaching a goal"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "crash",
            -10,
            -1000,
            0,
            "reward for a collision (ends the episode)"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "time",
            -0.005,
            -1,
            0,
            "reward every step (a small cost of time)"));
    p.add(BodyFamily.spread("robot", BODY_RADIUS, 0.5, ROBOT_RADIUS));
    p.add(BodyFamily.spread("robot", BODY_WHEEL_SEPARATION, 0.5, ROBOT_WHEEL_SEPARATION));
    p.add(BodyFamily.spread("robot", BODY_MAX_SPEED, 0.9, ROBOT_MAX_SPEED));
    p.add(BodyFamily.spread("robot", BODY_MAX_ACCEL, 0.9, ROBOT_MAX_ACCEL));
    p.addAll(BodyFamily.params());
    return List.copyOf(p);
  }

  private static Param spread(String key, double max, String nominal) {
    return Param.real(
        key,
        0,
        0,
        max,
        "robot family: each episode scales " + nominal + " by [1 - this, 1 + this]");
  }

  /** The values of {@code c}, checked across keys: the wheels fit inside the body. */
  public static NavigateConfig of(Config c) {
    double radius = c.real(ROBOT_RADIUS);
    double separation = c.real(ROBOT_WHEEL_SEPARATION);
    // the widest wheels of the family on its smallest body
    if (separation * (1 + c.real(BODY_WHEEL_SEPARATION)) > 2 * radius * (1 - c.real(BODY_RADIUS))) {
      throw new IllegalArgumentException(
          ROBOT_WHEEL_SEPARATION
              + " = "
              + separation
              + " m"
              + (c.real(BODY_WHEEL_SEPARATION) > 0 || c.real(BODY_RADIUS) > 0
                  ? " (with the family's spreads)"
                  : "")
              + " is wider than the body: it must be at most 2 * "
              + ROBOT_RADIUS
              + " = "
              + 2 * radius
              + " m");
    }
    RobotParams robot =
        new RobotParams(radius, separation, c.real(ROBOT_MAX_SPEED), c.real(ROBOT_MAX_ACCEL));
    RoomGenerator.Settings room =
        new RoomGenerator.Settings(
            c.real(ROOM_WIDTH),
            c.real(ROOM_HEIGHT),
            c.integer(ROOM_OBSTACLES),
            c.real(ROOM_WAREHOUSE_PROB),
            radius,
            c.real(ROOM_CLEARANCE),
            c.integer(GOALS));
    BodyFamily family =
        BodyFamily.of(
            c,
            List.of(
                new BodyFamily.Dim(BODY_RADIUS, c.real(BODY_RADIUS), 0x243F6A8885A308D3L),
                new BodyFamily.Dim(
                    BODY_WHEEL_SEPARATION, c.real(BODY_WHEEL_SEPARATION), 0x13198A2E03707344L),
                new BodyFamily.Dim(BODY_MAX_SPEED, c.real(BODY_MAX_SPEED), 0xA4093822299F31D0L),
                new BodyFamily.Dim(BODY_MAX_ACCEL, c.real(BODY_MAX_ACCEL), 0x082EFA98EC4E6C89L)));
    return new NavigateConfig(robot, room, c.real(GOAL_RADIUS), family);
  }

  /** The room generator's settings for {@code robot}: rooms it fits through. */
  public RoomGenerator.Settings roomFor(RobotParams robot) {
    return new RoomGenerator.Settings(
        room.widthM(),
        room.heightM(),
        room.obstacles(),
        room.warehouseProb(),
        robot.radiusM(),
        room.clearanceM(),
        room.goals());
  }

  /** The episode's robot: the nominal one with the family's factors {@code f} (in its order). */
  public static RobotParams scaled(RobotParams nominal, double[] f) {
    return new RobotParams(
        nominal.radiusM() * f[0],
        nominal.wheelSeparationM() * f[1],
        nominal.maxWheelSpeedMps() * f[2],
        nominal.maxWheelAccelMps2() * f[3]);
  }
}
