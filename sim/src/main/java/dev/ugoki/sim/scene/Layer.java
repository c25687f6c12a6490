package dev.ugoki.sim.scene;

/**
 * What a shape is, so that each renderer picks its own colors and widths; listed in drawing order,
 * back to front.
 */
public enum Layer {
  /** The floor of a room or the grass around a track. */
  GROUND,
  /** The drivable surface of a track. */
  TRACK_SURFACE,
  /** The centerline the car is rewarded for following. */
  CENTERLINE,
  /** The start and finish line. */
  START_LINE,
  /** A track's edge: a wall the car must not touch. */
  WALL,
  /** An obstacle in a room. */
  OBSTACLE,
  /** A planned path. */
  PATH,
  /** A goal not yet reached. */
  GOAL,
  /** The goal the robot is heading for now. */
  GOAL_ACTIVE,
  /** Where the body has been. */
  TRAIL,
  /** A lidar ray, from the sensor to its hit point or its range. */
  RAY,
  /** A body's outline. */
  BODY,
  /** A mark on the body that shows its heading. */
  HEADING
}
