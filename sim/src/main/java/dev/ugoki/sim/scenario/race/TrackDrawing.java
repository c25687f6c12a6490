package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.ArrayList;
import java.util.List;

/** The shapes of a track for the scene description. */
public final class TrackDrawing {
  /** Grass shown around the track [m]. */
  private static final double MARGIN_M = 15;

  private TrackDrawing() {}

  /** {minX, minY, maxX, maxY} of the track with a margin of grass [m]. */
  public static double[] bounds(Track track) {
    double[] right = track.rightEdge();
    double[] b = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (int i = 0; i < right.length; i += 2) {
      b[0] = Math.min(b[0], right[i]);
      b[1] = Math.min(b[1], right[i + 1]);
      b[2] = Math.max(b[2], right[i]);
      b[3] = Math.max(b[3], right[i + 1]);
    }
    return new double[] {b[0] - MARGIN_M, b[1] - MARGIN_M, b[2] + MARGIN_M, b[3] + MARGIN_M};
  }

  /**
   * Grass, the surface as convex quads between consecutive samples (any renderer can fill them),
   * the centerline, the start line at {@code startS} and both edges.
   */
  public static List<Shape> background(Track track, double startS) {
    List<Shape> shapes = new ArrayList<>();
    double[] b = bounds(track);
    shapes.add(
        new Shape.Polygon(
            new float[] {
              (float) b[0],
              (float) b[1],
              (float) b[2],
              (float) b[1],
              (float) b[2],
              (float) b[3],
              (float) b[0],
              (float) b[3]
            },
            Layer.GROUND));
    double[] left = track.leftEdge();
    double[] right = track.rightEdge();
    int n = track.samples();
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      shapes.add(
          new Shape.Polygon(
              new float[] {
                (float) right[2 * i],
                (float) right[2 * i + 1],
                (float) right[2 * j],
                (float) right[2 * j + 1],
                (float) left[2 * j],
                (float) left[2 * j + 1],
                (float) left[2 * i],
                (float) left[2 * i + 1]
              },
              Layer.TRACK_SURFACE));
    }
    float[] center = new float[2 * n];
    for (int i = 0; i < n; i++) {
      center[2 * i] = (float) track.x(i);
      center[2 * i + 1] = (float) track.y(i);
    }
    shapes.add(new Shape.Polyline(center, true, Layer.CENTERLINE));
    double[] p = track.pointAt(startS);
    double h = track.headingAt(startS);
    double hw = track.halfWidth(track.sampleAt(startS));
    double nx = -Math.sin(h) * hw;
    double ny = Math.cos(h) * hw;
    shapes.add(
        new Shape.Polyline(
            new float[] {
              (float) (p[0] - nx), (float) (p[1] - ny), (float) (p[0] + nx), (float) (p[1] + ny)
            },
            false,
            Layer.START_LINE));
    shapes.add(new Shape.Polyline(toFloat(left), true, Layer.WALL));
    shapes.add(new Shape.Polyline(toFloat(right), true, Layer.WALL));
    return List.copyOf(shapes);
  }

  private static float[] toFloat(double[] xy) {
    float[] f = new float[xy.length];
    for (int i = 0; i < xy.length; i++) {
      f[i] = (float) xy[i];
    }
    return f;
  }
}
