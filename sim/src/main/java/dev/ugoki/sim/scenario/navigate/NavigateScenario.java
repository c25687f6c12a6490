package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.body.DiffDrive;
import dev.ugoki.sim.body.RobotParams;
import dev.ugoki.sim.body.RobotState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scenario.LidarParams;
import dev.ugoki.sim.scenario.ScenarioBase;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import dev.ugoki.sim.scene.Trail;
import dev.ugoki.sim.sensor.Lidar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A differential-drive robot visits a sequence of goals in a room or a warehouse, seeing only its
 * lidar, its odometry and where the goal lies.
 *
 * <h2>Action space</h2>
 *
 * Two channels in [-1, 1]: {@code left} and {@code right}, each wheel's speed command as a fraction
 * of {@code robot.max_speed}. The wheels reach their commands at {@code robot.max_accel}.
 *
 * <h2>Observation space</h2>
 *
 * <ul>
 *   <li>{@code lidar.00 ..} in [0, 1]: {@code lidar.rays} ranges over {@code lidar.fov_deg}
 *       centered on the heading (the first ray points backward with a full circle), as a fraction
 *       of {@code lidar.range}, with optional noise and dropout;
 *   <li>{@code odom.v} in [-1, 1]: forward speed / {@code robot.max_speed};
 *   <li>{@code odom.w} in [-1, 1]: yaw rate / the top yaw rate (2 max_speed / wheel_separation);
 *   <li>{@code goal.dist} in [0, 1]: straight distance to the active goal / the room's diagonal;
 *   <li>{@code goal.cos}, {@code goal.sin} in [-1, 1]: bearing of the active goal from the heading;
 *   <li>{@code route.cos}, {@code route.sin} in [-1, 1]: bearing of a point up to 1 m along the
 *       shortest path to the active goal that keeps {@link #ROUTE_MARGIN_M} of extra clearance from
 *       walls where it can: the farthest such point, at 1, 1/2, 1/4 .. m, that the body reaches in
 *       a straight line without touching anything (a planner's hint, like a phone's navigation
 *       arrow, that never points across a corner).
 * </ul>
 *
 * <h2>Rewards</h2>
 *
 * The sum of four named terms, each already weighted (see {@link Info#rewardTerms()}): {@code
 * progress} = {@code reward.progress} x the decrease of the geodesic distance to the active goal
 * this step [m] (going around obstacles, so driving at a wall that stands between the robot and the
 * goal earns nothing); {@code goal} = {@code reward.goal} when a goal is reached; {@code crash} =
 * {@code reward.crash} on a collision; {@code time} = {@code reward.time} every step.
 *
 * <h2>Starting state</h2>
 *
 * The seed draws the room (a layout with boxes and maybe a partition with a doorway, or a warehouse
 * with shelves, see {@link RoomGenerator}), the start pose and the goals. The robot starts at rest;
 * every goal is reachable from the previous one with {@code room.clearance} to spare beyond the
 * robot's radius.
 *
 * <h2>Episode end</h2>
 *
 * Terminated when the robot touches a wall or an obstacle (it stays at its pose before the step,
 * stopped; a failure) or when it has reached every goal (a success). Truncated after {@code
 * max_steps} policy steps by the registry's time limit; the scenario itself never truncates. {@link
 * Info#progress()} counts the goals reached.
 *
 * <h2>Version history</h2>
 *
 * <ul>
 *   <li>v1: first version.
 *   <li>v2: the route keeps a margin from walls; in v1 it ran at the robot's radius from them, so
 *       following it closely grazed every corner.
 *   <li>v3: the route point is pulled in along the path until the straight line to it is clear of
 *       walls; in v2 the line to a point 1 m ahead cut across corners, and a policy that followed
 *       it clipped them (every failure of a trained policy on seeds 1-50 was one).
 * </ul>
 */
public final class NavigateScenario extends ScenarioBase<NavigateScenario> {
  public static final String NAME = "navigate";
  public static final int VERSION = 3;

  /** How far along the shortest path the route observation looks at most [m]. */
  static final double ROUTE_LOOKAHEAD_M = 1.0;

  /** Nearest route point, when even short straight lines along the path touch a wall [m]. */
  static final double ROUTE_MIN_LOOKAHEAD_M = 0.125;

  /** Free space the straight line to the route point keeps beyond the body [m]. */
  static final double ROUTE_LINE_MARGIN_M = 0.05;

  /** Extra clearance the route observation keeps from walls where the room allows it [m]. */
  public static final double ROUTE_MARGIN_M = 0.25;

  /** Trail points kept for drawing, and the distance between them [m]. */
  private static final int TRAIL_POINTS = 400;

  private static final double TRAIL_SPACING_M = 0.1;

  /** Rooms (with their distance fields) kept by seed, for evaluations that replay seeds. */
  private static final int ROOM_CACHE_SIZE = 4;

  private static final int PATH_POINTS_DRAWN = 400;

  private final NavigateConfig cfg;

  /** This episode's robot, drawn from the family (the nominal one before the first reset). */
  private RobotParams robotParams;

  private DiffDrive drive;

  /** The wheel speed that scales the odometry observations: the family's fastest robot's [m/s]. */
  private final double odomScaleMps;

  private final Lidar lidar;
  private RoomGenerator generator;
  private final int odomIndex;
  private final RoomPlanCache plans = new RoomPlanCache(ROOM_CACHE_SIZE);

  // Episode state.
  private SplittableRandom random;
  private RoomPlan plan;
  private RobotState state;
  private int activeGoal;

  /** Geodesic distance to the active goal after the last step [m]. */
  private double lastDistanceM;

  private final double[] lookahead = new double[2];
  private final Trail trail = new Trail(TRAIL_POINTS, TRAIL_SPACING_M);

  /** The defaults, without an expert. */
  public NavigateScenario() {
    this(Config.defaults(NAME, NavigateConfig.PARAMS));
  }

  /** A scenario without an expert (its {@link #expert()} is refused): for tests of the world. */
  public NavigateScenario(Config config) {
    this(config, null);
  }

  /**
   * @param expert makes the expert of this scenario (the registry's, {@link
   *     dev.ugoki.sim.registry.Scenarios}); null for none
   */
  public NavigateScenario(
      Config config, Function<? super NavigateScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, NavigateConfig.TERMS, expert);
    this.cfg = NavigateConfig.of(config);
    this.robotParams = cfg.robot();
    this.drive = new DiffDrive(robotParams);
    this.lidar = LidarParams.lidar(config);
    this.generator = new RoomGenerator(cfg.room());
    this.odomScaleMps =
        NavigateConfig.scaled(robotParams, cfg.family().maxFactors()).maxWheelSpeedMps();
    Spec observation =
        Spec.builder()
            .addSeries("lidar", lidar.rays(), 0, 1)
            .add("odom.v", -1, 1)
            .add("odom.w", -1, 1)
            .add("goal.dist", 0, 1)
            .add("goal.cos", -1, 1)
            .add("goal.sin", -1, 1)
            .add("route.cos", -1, 1)
            .add("route.sin", -1, 1)
            .build();
    this.odomIndex = lidar.rays();
    specs(observation, Spec.builder().add("left", -1, 1).add("right", -1, 1).build(), cfg.family());
  }

  /**
   * Cell of the reward's planner grid [m]: the generator's, or finer for a small robot so that the
   * gaps it fits through stay open on the grid.
   */
  private double rewardCellM() {
    return Math.min(RoomGenerator.PLANNER_CELL_M, 0.6 * robotParams.radiusM());
  }

  /**
   * Inflation of the reward's planner grid [m]: the radius less one cell (the grid raises it to
   * 0.75 cell at least). Every cell the robot's center passes through is then free (its center lies
   * within 0.71 cell of a pose that clears the walls by the radius), so the cells along any drive
   * form a chain of free cells: the distance is finite wherever the robot can be.
   */
  private double rewardInflationM() {
    return robotParams.radiusM() - rewardCellM();
  }

  /** The current room; null before the first reset. */
  public Room room() {
    return plan == null ? null : plan.room();
  }

  /** The robot's current state; null before the first reset. */
  public RobotState robot() {
    return state;
  }

  /** This episode's robot: the family's draw for its seed (the nominal one before a reset). */
  public RobotParams robotParams() {
    return robotParams;
  }

  /** Index of the goal the robot is heading for; equal to the goal count when all are reached. */
  public int activeGoal() {
    return activeGoal;
  }

  /** Free space beyond the robot's radius that the room guarantees between goals [m]. */
  public double clearanceM() {
    return generator.settings().clearanceM();
  }

  public double goalRadiusM() {
    return cfg.goalRadiusM();
  }

  /** The point the last observation's route bearing points at, x and y [m]. */
  double[] routePoint() {
    return lookahead.clone();
  }

  @Override
  public float[] reset(long seed) {
    random = new SplittableRandom(seed);
    // The room gets its own split stream: the main stream is then in the same state whether the
    // room was generated or taken from the cache.
    SplittableRandom roomRandom = random.split();
    if (cfg.family().varies()) {
      // a room the episode's robot fits through, planned at its radius
      robotParams = NavigateConfig.scaled(cfg.robot(), drawBody(seed));
      drive = new DiffDrive(robotParams);
      generator = new RoomGenerator(cfg.roomFor(robotParams));
    }
    plan =
        plans.get(
            seed,
            s ->
                new RoomPlan(
                    generator.generate(roomRandom),
                    rewardCellM(),
                    rewardInflationM(),
                    ROUTE_MARGIN_M));
    Room room = plan.room();
    state = RobotState.at(room.startX(), room.startY(), room.startHeading());
    activeGoal = 0;
    beginEpisode();
    lastDistanceM = plan.field(0).distance(state.x(), state.y());
    trail.clear();
    trail.add(state.x(), state.y());
    return observe();
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    RobotState prev = state;
    RobotState next = drive.step(prev, action[0], action[1], dt());
    boolean crashed = collides(prev, next);
    double progressM = 0;
    boolean reachedGoal = false;
    boolean success = false;
    if (crashed) {
      state = prev.stopped();
    } else {
      state = next;
      double d = plan.field(activeGoal).distance(next.x(), next.y());
      progressM = Double.isFinite(d) && Double.isFinite(lastDistanceM) ? lastDistanceM - d : 0;
      lastDistanceM = d;
      Room room = plan.room();
      // Tested along the step, so no speed can pass over a goal between two steps.
      double gx = room.goalX(activeGoal);
      double gy = room.goalY(activeGoal);
      if (Geometry.pointSegmentDist2(gx, gy, prev.x(), prev.y(), next.x(), next.y())
          <= cfg.goalRadiusM() * cfg.goalRadiusM()) {
        reachedGoal = true;
        activeGoal++;
        success = activeGoal == room.goalCount();
        if (!success) {
          lastDistanceM = plan.field(activeGoal).distance(next.x(), next.y());
        }
      }
      trail.add(state.x(), state.y());
    }
    boolean ended = crashed || success;
    episode.stepped(ended);
    RewardTerms terms = rewards.terms(progressM, reachedGoal ? 1 : 0, crashed ? 1 : 0, 1);
    Info info = info(terms, crashed, success, activeGoal);
    return new StepResult(observe(), terms.total(), ended, false, info);
  }

  /** True when the body touches a wall anywhere on its way from one state to the next. */
  private boolean collides(RobotState from, RobotState to) {
    return plan.room()
        .index()
        .sweepHits(from.x(), from.y(), to.x(), to.y(), drive.sweptRadiusM(from, to, dt()));
  }

  private float[] observe() {
    float[] obs = new float[observationSpec().size()];
    Room room = plan.room();
    double x = state.x();
    double y = state.y();
    double h = state.heading();
    lidar.scan(room.index(), null, x, y, h, random, obs, 0);
    double vmax = odomScaleMps;
    int i = odomIndex;
    obs[i++] = Geometry.clamp(state.speedMps() / vmax, -1, 1);
    obs[i++] = Geometry.clamp((state.rightMps() - state.leftMps()) / (2 * vmax), -1, 1);
    int g = Math.min(activeGoal, room.goalCount() - 1);
    double gx = room.goalX(g);
    double gy = room.goalY(g);
    obs[i++] = Geometry.clamp(Math.hypot(gx - x, gy - y) / room.diagonalM(), 0, 1);
    i = Geometry.writeBearing(obs, i, gx - x, gy - y, h);
    aimRoute(g, x, y);
    Geometry.writeBearing(obs, i, lookahead[0] - x, lookahead[1] - y, h);
    return withBody(obs);
  }

  /**
   * Writes to {@link #lookahead} the route point from (x, y) toward goal {@code g}: along the
   * route's path (or the reward's, where the route's margin does not fit), at most {@link
   * #ROUTE_LOOKAHEAD_M} ahead, that the body grown by {@link #ROUTE_LINE_MARGIN_M} reaches in a
   * straight line; the goal itself when no path reaches it.
   */
  private void aimRoute(int g, double x, double y) {
    RoutePlanner.aimAlongPath(
        plan.room().index(),
        x,
        y,
        robotParams.radiusM() + ROUTE_LINE_MARGIN_M,
        ROUTE_LOOKAHEAD_M,
        ROUTE_MIN_LOOKAHEAD_M,
        lookahead,
        plan.routeField(g, x, y),
        plan.field(g));
  }

  @Override
  public Telemetry telemetry() {
    episode.requireStarted();
    return new Telemetry(
        NAME, state.speedMps(), state.heading(), state.x(), state.y(), java.util.List.of());
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    Room room = plan.room();
    List<Shape> fg = new ArrayList<>();
    RoomDrawing.goals(fg, room, activeGoal, cfg.goalRadiusM());
    if (activeGoal < room.goalCount()) {
      double[] path = plan.field(activeGoal).path(state.x(), state.y(), PATH_POINTS_DRAWN);
      if (path.length >= 4) {
        fg.add(new Shape.Polyline(RoomDrawing.toFloats(path), false, Layer.PATH));
      }
    }
    Shape path = trail.shape();
    if (path != null) {
      fg.add(path);
    }
    lidar.drawRays(fg, state.x(), state.y(), state.heading());
    RobotDrawing.add(fg, robotParams, state);
    return new Scene(
        0,
        0,
        room.widthM(),
        room.heightM(),
        background(() -> RoomDrawing.background(room)),
        Collections.unmodifiableList(fg),
        state.x(),
        state.y());
  }

  /**
   * Puts the robot at a pose mid-episode, for tests that probe collisions from chosen poses.
   * Package-private: not part of the scenario's contract.
   */
  void placeRobot(RobotState pose) {
    if (plan == null) {
      throw new IllegalStateException("placeRobot() before reset()");
    }
    state = pose;
    lastDistanceM =
        plan.field(Math.min(activeGoal, plan.room().goalCount() - 1)).distance(pose.x(), pose.y());
  }
}
