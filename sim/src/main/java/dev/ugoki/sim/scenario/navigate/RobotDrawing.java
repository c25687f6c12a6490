package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.body.RobotParams;
import dev.ugoki.sim.body.RobotState;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.List;

/** A differential-drive robot as shapes: its round body and a line along its heading. */
public final class RobotDrawing {
  private RobotDrawing() {}

  /** Adds the robot's shapes at state {@code s} to {@code out}. */
  public static void add(List<Shape> out, RobotParams robot, RobotState s) {
    float x = (float) s.x();
    float y = (float) s.y();
    float r = (float) robot.radiusM();
    out.add(new Shape.Circle(x, y, r, Layer.BODY));
    out.add(
        new Shape.Polyline(
            new float[] {
              x, y, x + r * (float) Math.cos(s.heading()), y + r * (float) Math.sin(s.heading())
            },
            false,
            Layer.HEADING));
  }
}
