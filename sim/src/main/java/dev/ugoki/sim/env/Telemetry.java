package dev.ugoki.sim.env;

import java.util.List;

/**
 * What a body reads now, for a person and for the generic tools that show it (the window's HUD and
 * minimap, the chase camera, a screenshot's report): the scenario says it of itself, so that
 * nothing outside it needs to know a car from an arm.
 *
 * @param task the scenario whose body this is (in a multitask environment, the episode's task)
 * @param speedMps the speed a person would quote [m/s]: the car's, the robot's, the arm's tip's;
 *     NaN for none
 * @param headingRad which way the body faces [rad, counter-clockwise from +x]; NaN when it has no
 *     heading (an arm)
 * @param xM where the body is on a map [m]: the car, the robot, the arm's tip; NaN for the scene's
 *     focus
 * @param yM see {@code xM}
 * @param readings further readings of the body (a car's steering, an arm's joints), in order
 */
public record Telemetry(
    String task, double speedMps, double headingRad, double xM, double yM, List<Reading> readings) {

  public Telemetry {
    readings = List.copyOf(readings);
  }

  /** Nothing read: the scenario {@code task} says nothing of its body. */
  public static Telemetry none(String task) {
    return new Telemetry(task, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
  }

  /**
   * One reading: a named value in its unit, shown as {@code name +1.5 unit}.
   *
   * @param name what is read ({@code steer}, {@code elbow})
   * @param value its value, in {@code unit}
   * @param unit the unit a person reads it in ({@code deg})
   */
  public record Reading(String name, double value, String unit) {}
}
