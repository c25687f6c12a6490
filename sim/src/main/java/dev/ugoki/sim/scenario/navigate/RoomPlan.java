package dev.ugoki.sim.scenario.navigate;

/**
 * A room with the shortest-path fields of the {@code navigate} scenario, per goal and made when
 * first needed: the reward's (at the robot's radius, finite wherever the robot can be) and the
 * route observation's (with an extra margin from walls, where the room allows it).
 */
public final class RoomPlan {
  private final Room room;
  private final RoutePlanner reward;
  private final RoutePlanner route;

  /**
   * @param cellM the planner grid's cell [m]
   * @param inflationM how far the reward's free cells keep from walls [m]
   * @param routeMarginM how much farther the route's keep [m]
   */
  public RoomPlan(Room room, double cellM, double inflationM, double routeMarginM) {
    this.room = room;
    this.reward = new RoutePlanner(room, cellM, inflationM);
    this.route = new RoutePlanner(room, cellM, inflationM + routeMarginM);
  }

  public Room room() {
    return room;
  }

  /** The reward's field to goal {@code goal}. */
  public DistanceField field(int goal) {
    return reward.field(goal);
  }

  /** The route's field to {@code goal}, or the reward's where the margin does not fit (a door). */
  public DistanceField routeField(int goal, double x, double y) {
    DistanceField f = route.field(goal);
    return f.reachable(x, y) ? f : field(goal);
  }
}
