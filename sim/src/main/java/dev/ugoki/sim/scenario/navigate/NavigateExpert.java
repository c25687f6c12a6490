package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.body.DiffDrive;
import dev.ugoki.sim.body.RobotParams;
import dev.ugoki.sim.body.RobotState;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.geom.Geometry;

/**
 * The {@code navigate} expert: a grid planner, a path follower and a safety check. For each goal it
 * plans a {@link DistanceField} that keeps the robot's radius plus a comfortable margin from every
 * wall, or, where that closes the way, just the radius plus the room's clearance (the grid the room
 * generator checked the goal on, so a plan always exists). It steers toward a point along that
 * path: it turns toward the point and drives forward slower the larger the heading error, the
 * nearer the goal and the shorter the clear stretch ahead.
 *
 * <p>The point is pulled closer when the straight line to it would graze an obstacle, so the robot
 * does not cut corners. Before a command is sent, the expert rolls the robot forward with its own
 * {@link DiffDrive}: one step of the command, then braking to a stop. If that would touch anything,
 * it tries gentler commands (half the forward speed, turning in place, stopping), so a fast robot
 * with weak brakes never runs into a wall it saw too late.
 */
public final class NavigateExpert implements Expert {
  /** Farthest distance along the path the robot aims at [m]. */
  private static final double MAX_LOOKAHEAD_M = 2.4;

  /** Least lookahead when the line to the point is obstructed [m]. */
  private static final double MIN_LOOKAHEAD_M = 0.15;

  /** Free space the straight line to the aim point keeps beyond the body [m]. */
  private static final double LINE_MARGIN_M = 0.05;

  /** Distance from walls the preferred plan keeps beyond the body, when the room allows [m]. */
  private static final double COMFORT_MARGIN_M = 0.25;

  /**
   * Free space the braking rollout keeps beyond the body [m]; never more than half the room's
   * clearance (or a guaranteed passage could look unsafe) nor than the robot has now (or it could
   * not move away).
   */
  private static final double SAFETY_MARGIN_M = 0.02;

  /** Wheel speed fraction for backing off a wall. */
  private static final double REVERSE_FRACTION = 0.25;

  /** Clear path left in front of the body after braking to a stop [m]. */
  private static final double STOP_MARGIN_M = 0.1;

  /** Turn rate per radian of heading error [1/s]. */
  private static final double TURN_GAIN = 4.0;

  /** Beyond this heading error the robot turns in place [rad]. */
  private static final double TURN_IN_PLACE_RAD = Math.toRadians(50);

  /** Distance to the goal over which the robot slows down [m]. */
  private static final double SLOW_ZONE_M = 1.0;

  private final NavigateScenario scenario;
  private DiffDrive drive;
  private final double[] aim = new double[2];
  private Room plannedRoom;
  private RoutePlanner comfortable;
  private RoutePlanner guaranteed;

  public NavigateExpert(NavigateScenario scenario) {
    this.scenario = scenario;
    this.drive = new DiffDrive(scenario.robotParams());
  }

  @Override
  public float[] act() {
    if (drive.params() != scenario.robotParams()) {
      // a new episode's robot, drawn from the family: plan with its body
      drive = new DiffDrive(scenario.robotParams());
      plannedRoom = null;
    }
    Room room = scenario.room();
    RobotState s = scenario.robot();
    if (room == null || scenario.activeGoal() >= room.goalCount()) {
      return new float[] {0, 0};
    }
    int goal = scenario.activeGoal();
    RobotParams p = scenario.robotParams();
    double clearAheadM = aimAlongPath(room, field(room, goal, s.x(), s.y()), s, p);
    double error = Geometry.wrapAngle(Math.atan2(aim[1] - s.y(), aim[0] - s.x()) - s.heading());
    // Proportional, but never faster than the wheels can stop the turn at the aim (with half
    // their acceleration, the rest left for the forward speed): no overshoot at any top speed.
    double yawDecel = p.maxWheelAccelMps2() / p.wheelSeparationM();
    double yawRate =
        Math.copySign(
            Math.min(
                p.maxYawRateRadps(),
                Math.min(TURN_GAIN * Math.abs(error), Math.sqrt(2 * yawDecel * Math.abs(error)))),
            error);
    double speedFraction = 0;
    if (Math.abs(error) < TURN_IN_PLACE_RAD) {
      double align = Math.cos(error * (Math.PI / 2) / TURN_IN_PLACE_RAD);
      double toGoal = Math.hypot(room.goalX(goal) - s.x(), room.goalY(goal) - s.y());
      double slow = Math.min(1, 0.3 + 0.7 * toGoal / SLOW_ZONE_M);
      // Slow enough to stop within the clear stretch of path.
      double brake =
          Math.sqrt(2 * p.maxWheelAccelMps2() * Math.max(0, clearAheadM - STOP_MARGIN_M))
              / p.maxWheelSpeedMps();
      speedFraction = Math.min(align * slow, brake);
    }
    // Wheel fractions: forward f and turn g give left = f - g, right = f + g. Turning wins when
    // the sum would exceed a wheel's top speed.
    double g = yawRate / p.maxYawRateRadps();
    double f = Math.min(speedFraction, 1 - Math.abs(g));
    return firstSafe(
        room,
        s,
        p,
        new double[][] {
          {f - g, f + g}, {f / 2 - g, f / 2 + g}, {-g, g}, {-REVERSE_FRACTION, -REVERSE_FRACTION}
        });
  }

  /**
   * Writes to {@link #aim} the farthest point along the path, up to {@link #MAX_LOOKAHEAD_M}, that
   * the body reaches in a straight line without grazing an obstacle, or the goal when the field has
   * no path; returns its distance [m].
   */
  private double aimAlongPath(Room room, DistanceField field, RobotState s, RobotParams p) {
    RoutePlanner.aimAlongPath(
        room.index(),
        s.x(),
        s.y(),
        p.radiusM() + LINE_MARGIN_M,
        MAX_LOOKAHEAD_M,
        MIN_LOOKAHEAD_M,
        aim,
        field);
    return Math.hypot(aim[0] - s.x(), aim[1] - s.y());
  }

  /**
   * The first command, from the preferred to the gentlest, that passes the braking check; a stop
   * when none does. Backing off frees a robot that faces a wall square on with nowhere to turn.
   */
  private float[] firstSafe(Room room, RobotState s, RobotParams p, double[][] candidates) {
    double margin =
        Math.max(
            0,
            Math.min(
                Math.min(SAFETY_MARGIN_M, scenario.clearanceM() / 2),
                room.index().clearance(s.x(), s.y(), p.radiusM() + SAFETY_MARGIN_M)
                    - p.radiusM()
                    - 1e-6));
    for (double[] c : candidates) {
      if (Math.abs(c[0]) + Math.abs(c[1]) > 1e-3 && safe(s, c[0], c[1], margin)) {
        return new float[] {Geometry.clamp(c[0], -1, 1), Geometry.clamp(c[1], -1, 1)};
      }
    }
    return new float[] {0, 0};
  }

  /**
   * True when one step of the command followed by braking to a stop keeps the body, grown by {@code
   * margin} [m], off every wall: the check that catches a turn begun too fast.
   */
  private boolean safe(RobotState s, double left, double right, double margin) {
    double dt = scenario.dt();
    RobotState cur = s;
    RobotState next = drive.step(cur, left, right, dt);
    // Braking takes at most top speed / acceleration; a few steps more cover rounding.
    int brakeSteps =
        3
            + (int)
                Math.ceil(
                    scenario.robotParams().maxWheelSpeedMps()
                        / (scenario.robotParams().maxWheelAccelMps2() * dt));
    for (int k = 0; k <= brakeSteps; k++) {
      if (scenario
          .room()
          .index()
          .sweepHits(
              cur.x(), cur.y(), next.x(), next.y(), drive.sweptRadiusM(cur, next, dt) + margin)) {
        return false;
      }
      if (next.leftMps() == 0 && next.rightMps() == 0) {
        return true;
      }
      cur = next;
      next = drive.step(cur, 0, 0, dt);
    }
    return true;
  }

  /**
   * The plan to a goal: the comfortable one when it reaches the robot, else the one with the room's
   * guaranteed clearance. Plans are made when first needed and kept until the room changes.
   */
  private DistanceField field(Room room, int goal, double x, double y) {
    if (room != plannedRoom) {
      plannedRoom = room;
      double r = scenario.robotParams().radiusM();
      double c = scenario.clearanceM();
      // The generator's grid, so the goal is reachable; and a roomier one where the way allows.
      double cellSlack = RoomGenerator.PLANNER_CELL_M * Math.sqrt(0.5);
      guaranteed = new RoutePlanner(room, RoomGenerator.PLANNER_CELL_M, r + c + cellSlack);
      comfortable =
          c < COMFORT_MARGIN_M
              ? new RoutePlanner(
                  room, RoomGenerator.PLANNER_CELL_M, r + COMFORT_MARGIN_M + cellSlack)
              : guaranteed;
    }
    DistanceField preferred = comfortable.field(goal);
    return preferred.reachable(x, y) ? preferred : guaranteed.field(goal);
  }
}
