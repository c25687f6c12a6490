package dev.ugoki.sim.expert;

import dev.ugoki.sim.body.RobotParams;
import dev.ugoki.sim.body.RobotState;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scenario.NavigateScenario;
import dev.ugoki.sim.world.DistanceField;
import dev.ugoki.sim.world.Room;
import dev.ugoki.sim.world.RoomGenerator;

/**
 * The {@code navigate} expert: a grid planner and a path follower. For each goal it plans a
 * {@link DistanceField} that keeps the robot's radius plus the room's clearance from every wall
 * (the same grid the room generator used to check that the goal is reachable, so a plan always
 * exists), then steers a differential drive toward a point a little way along that path: it turns
 * toward the point, and drives forward slower the larger the heading error and the nearer the
 * goal.
 *
 * <p>The point is pulled closer when the straight line to it would graze an obstacle, so the
 * robot does not cut corners; the robot can turn in place, so a short lookahead costs nothing.
 */
public final class NavigateExpert implements Expert {
  /** How far along the path the robot aims [m]. */
  private static final double LOOKAHEAD_M = 0.6;
  /** Least lookahead when the line to the point is obstructed [m]. */
  private static final double MIN_LOOKAHEAD_M = 0.15;
  /** Free space the straight line to the aim point keeps beyond the body [m]. */
  private static final double LINE_MARGIN_M = 0.05;
  /** Turn rate per radian of heading error [1/s]. */
  private static final double TURN_GAIN = 4.0;
  /** Beyond this heading error the robot turns in place [rad]. */
  private static final double TURN_IN_PLACE_RAD = Math.toRadians(50);
  /** Distance to the goal over which the robot slows down [m]. */
  private static final double SLOW_ZONE_M = 1.0;

  private final NavigateScenario scenario;
  private final double[] aim = new double[2];
  private Room plannedRoom;
  private DistanceField.Grid grid;
  private DistanceField[] fields;

  public NavigateExpert(NavigateScenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public float[] act() {
    Room room = scenario.room();
    RobotState s = scenario.robot();
    if (room == null || scenario.activeGoal() >= room.goalCount()) {
      return new float[] {0, 0};
    }
    int goal = scenario.activeGoal();
    DistanceField field = field(room, goal);
    double gx = room.goalX(goal);
    double gy = room.goalY(goal);
    RobotParams p = scenario.robotParams();
    double ax = gx;
    double ay = gy;
    // Aim at the path, shortening the lookahead until the straight line to the point is clear.
    for (double ahead = LOOKAHEAD_M; ahead >= MIN_LOOKAHEAD_M; ahead /= 2) {
      if (!field.lookahead(s.x(), s.y(), ahead, aim)) {
        break;
      }
      ax = aim[0];
      ay = aim[1];
      if (!room.index().sweepHits(s.x(), s.y(), ax, ay, p.radiusM() + LINE_MARGIN_M)) {
        break;
      }
    }
    double error = Geometry.wrapAngle(Math.atan2(ay - s.y(), ax - s.x()) - s.heading());
    double yawRate = Math.max(-p.maxYawRateRadps(), Math.min(p.maxYawRateRadps(),
        TURN_GAIN * error));
    double speedFraction = 0;
    if (Math.abs(error) < TURN_IN_PLACE_RAD) {
      double align = Math.cos(error * (Math.PI / 2) / TURN_IN_PLACE_RAD);
      double toGoal = Math.hypot(gx - s.x(), gy - s.y());
      double slow = Math.min(1, 0.3 + 0.7 * toGoal / SLOW_ZONE_M);
      speedFraction = align * slow;
    }
    // Wheel fractions: forward f and turn g give left = f - g, right = f + g. Turning wins when
    // the sum would exceed a wheel's top speed.
    double g = yawRate / p.maxYawRateRadps();
    double f = Math.min(speedFraction, 1 - Math.abs(g));
    return new float[] {clamp(f - g), clamp(f + g)};
  }

  private static float clamp(double v) {
    return (float) Math.max(-1, Math.min(1, v));
  }

  /** The plan to a goal, made when first needed and kept until the room changes. */
  private DistanceField field(Room room, int goal) {
    if (room != plannedRoom) {
      plannedRoom = room;
      grid = new DistanceField.Grid(room.index(), 0, 0, room.widthM(), room.heightM(),
          RoomGenerator.PLANNER_CELL_M, scenario.robotParams().radiusM() + scenario.clearanceM());
      fields = new DistanceField[room.goalCount()];
    }
    if (fields[goal] == null) {
      fields[goal] = new DistanceField(grid, room.goalX(goal), room.goalY(goal));
    }
    return fields[goal];
  }
}
