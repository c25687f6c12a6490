package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.List;

/** The shapes of a car for the scene description. */
public final class CarDrawing {
  private CarDrawing() {}

  /** Points on each rounded end of the capsule outline. */
  private static final int ARC_POINTS = 8;

  /**
   * Adds the body, drawn as the capsule its collision discs form, and a heading mark: the front
   * wheels' direction.
   */
  public static void add(List<Shape> out, CarParams car, CarState s) {
    double c = Math.cos(s.heading());
    double sn = Math.sin(s.heading());
    double r = car.discRadiusM();
    double[] ends = {car.lengthM() - car.rearOverhangM() - r, -car.rearOverhangM() + r};
    float[] xy = new float[4 * (ARC_POINTS + 1)];
    int k = 0;
    for (int e = 0; e < 2; e++) {
      for (int i = 0; i <= ARC_POINTS; i++) {
        // front end: from -90 to +90 degrees around its centre; rear end: from +90 to +270
        double a = -Math.PI / 2 + Math.PI * i / ARC_POINTS + e * Math.PI;
        double along = ends[e] + r * Math.cos(a);
        double side = r * Math.sin(a);
        xy[k++] = (float) (s.x() + along * c - side * sn);
        xy[k++] = (float) (s.y() + along * sn + side * c);
      }
    }
    out.add(new Shape.Polygon(xy, Layer.BODY));
    double fx = s.x() + car.wheelbaseM() * c;
    double fy = s.y() + car.wheelbaseM() * sn;
    double wheel = s.heading() + s.steerRad();
    double reach = car.widthM() * 0.7;
    out.add(
        new Shape.Polyline(
            new float[] {
              (float) fx,
              (float) fy,
              (float) (fx + Math.cos(wheel) * reach),
              (float) (fy + Math.sin(wheel) * reach)
            },
            false,
            Layer.HEADING));
  }
}
