package dev.ugoki.sim.scenario.navigate;

import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A room as shapes: the floor, the obstacles and the walls (the scene's background). */
public final class RoomDrawing {
  private RoomDrawing() {}

  /** The floor, every obstacle and every wall segment. */
  public static List<Shape> background(Room room) {
    List<Shape> bg = new ArrayList<>();
    float w = (float) room.widthM();
    float h = (float) room.heightM();
    bg.add(new Shape.Polygon(new float[] {0, 0, w, 0, w, h, 0, h}, Layer.GROUND));
    for (int i = 0; i < room.obstacleCount(); i++) {
      bg.add(new Shape.Polygon(toFloats(room.obstacle(i)), Layer.OBSTACLE));
    }
    double[] walls = room.wallSegments();
    for (int k = 0; k < walls.length; k += 4) {
      bg.add(
          new Shape.Polyline(
              toFloats(new double[] {walls[k], walls[k + 1], walls[k + 2], walls[k + 3]}),
              false,
              Layer.WALL));
    }
    return Collections.unmodifiableList(bg);
  }

  /** Coordinates as floats, for shapes. */
  public static float[] toFloats(double[] xy) {
    float[] f = new float[xy.length];
    for (int i = 0; i < xy.length; i++) {
      f[i] = (float) xy[i];
    }
    return f;
  }

  /** Adds the goals still to reach to {@code out}: the active one marked, the others after it. */
  public static void goals(List<Shape> out, Room room, int active, double radiusM) {
    float gr = (float) radiusM;
    for (int g = active + 1; g < room.goalCount(); g++) {
      out.add(new Shape.Circle((float) room.goalX(g), (float) room.goalY(g), gr, Layer.GOAL));
    }
    if (active < room.goalCount()) {
      out.add(
          new Shape.Circle(
              (float) room.goalX(active), (float) room.goalY(active), gr, Layer.GOAL_ACTIVE));
    }
  }
}
