package dev.ugoki.sim.body;

import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.List;

/** The shapes of a car for the scene description. */
public final class CarDrawing {
  private CarDrawing() {}

  /** Adds the body outline and a heading mark: the front axle's line at the wheel angle. */
  public static void add(List<Shape> out, CarParams car, CarState s) {
    double c = Math.cos(s.heading());
    double sn = Math.sin(s.heading());
    double back = -car.rearOverhangM();
    double front = car.lengthM() - car.rearOverhangM();
    double half = car.widthM() / 2;
    double[][] corners = {{back, -half}, {front, -half}, {front, half}, {back, half}};
    float[] xy = new float[8];
    for (int i = 0; i < 4; i++) {
      xy[2 * i] = (float) (s.x() + corners[i][0] * c - corners[i][1] * sn);
      xy[2 * i + 1] = (float) (s.y() + corners[i][0] * sn + corners[i][1] * c);
    }
    out.add(new Shape.Polygon(xy, Layer.BODY));
    double fx = s.x() + car.wheelbaseM() * c;
    double fy = s.y() + car.wheelbaseM() * sn;
    double wheel = s.heading() + s.steerRad();
    double reach = half * 0.9;
    out.add(new Shape.Polyline(new float[] {(float) fx, (float) fy,
        (float) (fx + Math.cos(wheel) * reach * 1.5), (float) (fy + Math.sin(wheel) * reach * 1.5)},
        false, Layer.HEADING));
  }
}
