package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.geom.SegmentIndex;

/**
 * Route planning in a {@link Room}, shared by the {@code navigate} scenario (its reward and its
 * route-bearing observation) and its expert: a room's grid at one inflation with a shortest-path
 * field per goal, made when first needed, and the aim point along a path that the body reaches in a
 * straight line.
 */
public final class RoutePlanner {
  private final Room room;

  private final PlannerGrid grid;
  private final DistanceField[] fields;

  /**
   * @param cellM the grid's cell [m]
   * @param inflationM how far from every wall a free cell's center stays [m]
   */
  public RoutePlanner(Room room, double cellM, double inflationM) {
    this.room = room;
    this.grid =
        new PlannerGrid(room.index(), 0, 0, room.widthM(), room.heightM(), cellM, inflationM);
    this.fields = new DistanceField[room.goalCount()];
  }

  public Room room() {
    return room;
  }

  /** The shortest-path field to goal {@code goal}, computed on first use. */
  public DistanceField field(int goal) {
    if (fields[goal] == null) {
      fields[goal] = new DistanceField(grid, room.goalX(goal), room.goalY(goal));
    }
    return fields[goal];
  }

  /**
   * Writes to {@code aim} the farthest point along the first of {@code fields} that has a path from
   * (x, y), halving the lookahead from {@code maxAheadM} down to {@code minAheadM}, that a disc of
   * {@code bodyRadiusM} (or of the clearance the body has, when it is already nearer a wall, so
   * that it can still leave) reaches in a straight line without touching a wall; the goal itself
   * when no field has a path. The fields must share one goal.
   *
   * @return false when no field has a path from (x, y)
   */
  public static boolean aimAlongPath(
      SegmentIndex walls,
      double x,
      double y,
      double bodyRadiusM,
      double maxAheadM,
      double minAheadM,
      double[] aim,
      DistanceField... fields) {
    double lineRadius =
        Math.max(1e-6, Math.min(bodyRadiusM, walls.clearance(x, y, bodyRadiusM) - 1e-6));
    for (double ahead = maxAheadM; ahead >= minAheadM; ahead /= 2) {
      if (!lookahead(x, y, ahead, aim, fields)) {
        aim[0] = fields[fields.length - 1].goalX();
        aim[1] = fields[fields.length - 1].goalY();
        return false;
      }
      if (!walls.sweepHits(x, y, aim[0], aim[1], lineRadius)) {
        return true;
      }
    }
    return true;
  }

  private static boolean lookahead(
      double x, double y, double aheadM, double[] aim, DistanceField[] fields) {
    for (DistanceField f : fields) {
      if (f.lookahead(x, y, aheadM, aim)) {
        return true;
      }
    }
    return false;
  }
}
