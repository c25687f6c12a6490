package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.EarClippingTriangulator;
import com.badlogic.gdx.math.Matrix4;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minimap, an opaque panel at the bottom right: the whole world from the scene the window draws
 * (the track's surface and edges, the room's floor, walls and obstacles, the arm's reach), the
 * camera's view as a white frame, and every agent as a dot in its tint, the followed one ringed in
 * white and drawn last. Its geometry is {@link MinimapFrame}'s.
 */
final class Minimap {
  /** The panel's longer side at the text size of an 800 px tall window [px]. */
  static final float SIDE_AT_16 = 200;

  private static final float PAD_AT_16 = 6;
  private static final float DOT_AT_16 = 4;

  /** Lines of the world, whatever the map's scale [px]. */
  private static final float LINE_PX = 1.5f;

  private static final Color VIEW = Palette.rgb(255, 255, 255);

  /** A dot: the agent's index and where it is drawn [px, y down]. */
  record Dot(int agent, float x, float y) {}

  private final EarClippingTriangulator triangulator = new EarClippingTriangulator();
  private final Matrix4 transform = new Matrix4();
  private final Matrix4 identity = new Matrix4();
  private List<Shape> cachedBackground;
  private final List<short[]> triangles = new ArrayList<>();
  private boolean outdoor;

  /** The camera's view on the map and the dots, as last drawn. */
  private float[] lastView = new float[4];

  private List<Dot> lastDots = List.of();

  /**
   * Where the map of {@code world} goes in a window {@code widthPx x heightPx}: at its bottom right
   * corner, {@code marginPx} in, its longer side {@link #SIDE_AT_16} times {@code scale}.
   */
  static MinimapFrame place(Scene world, int widthPx, int heightPx, float marginPx, float scale) {
    float[] size =
        MinimapFrame.size(
            world.maxX() - world.minX(), world.maxY() - world.minY(), SIDE_AT_16 * scale);
    return MinimapFrame.fit(
        world.minX(),
        world.minY(),
        world.maxX(),
        world.maxY(),
        widthPx - marginPx - size[0],
        heightPx - marginPx - size[1],
        size[0],
        size[1],
        PAD_AT_16 * scale);
  }

  /**
   * The last map drawn, for a screenshot's report: its panel, the camera's view on it and each
   * agent's dot (number, tint, pixel) in the order drawn, the followed one last.
   */
  Map<String, Object> report(Hud.Rect panel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rect", panel.toArray());
    m.put("view", lastView);
    List<Map<String, Object>> dots = new ArrayList<>();
    for (Dot d : lastDots) {
      Map<String, Object> dot = new LinkedHashMap<>();
      dot.put("agent", d.agent());
      dot.put("tint", Palette.rgb255(Palette.tint(d.agent())));
      dot.put("pixel", new float[] {d.x(), d.y()});
      dots.add(dot);
    }
    m.put("dots", dots);
    return m;
  }

  /**
   * Draws the map of {@code frame} with {@code shapes} (its projection the HUD's, not begun) in a
   * window {@code heightPx} tall, the camera's {@code view} framed on it. {@code scenes[i]} is
   * agent {@code i}'s; the world is the first's, as the scene's renderer draws it.
   */
  void draw(
      ShapeRenderer shapes,
      MinimapFrame frame,
      int heightPx,
      float scale,
      List<Agent> agents,
      List<Scene> scenes,
      Follow follow,
      float[] view) {
    List<Shape> background = scenes.get(0).background();
    prepare(background);
    float s = (float) frame.pixelsPerMetre();
    // world metres straight to the HUD's pixels (y up): the track's vertices need no copying
    transform
        .idt()
        .translate((float) frame.left(), heightPx - (float) frame.top(), 0)
        .scale(s, s, 1)
        .translate((float) -frame.minX(), (float) -frame.maxY(), 0);
    shapes.setTransformMatrix(transform);
    shapes.begin(ShapeRenderer.ShapeType.Filled);
    float line = LINE_PX / s;
    for (int i = 0; i < background.size(); i++) {
      Shape shape = background.get(i);
      Layer layer = shape.layer();
      if (shape instanceof Shape.Polygon p) {
        shapes.setColor(Palette.fill(layer, outdoor));
        fill(shapes, p.xy(), triangles.get(i));
      } else if (shape instanceof Shape.Polyline l
          && (layer == Layer.WALL || layer == Layer.PATH || layer == Layer.START_LINE)) {
        // the dashed centerline is left out: at this scale it is a blur along the track
        shapes.setColor(Palette.line(layer));
        polyline(shapes, l.xy(), l.closed(), line);
      }
    }
    shapes.end();
    shapes.setTransformMatrix(identity);

    shapes.begin(ShapeRenderer.ShapeType.Filled);
    shapes.setColor(VIEW);
    frameOf(shapes, view[0], heightPx - view[1] - view[3], view[2], view[3], Math.max(1, scale));
    List<Dot> dots = new ArrayList<>();
    int followed = follow.free() ? -1 : follow.target();
    float r = DOT_AT_16 * scale;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < agents.size(); i++) {
        if ((i == followed) != (pass == 1)) {
          continue;
        }
        double[] at = where(agents.get(i), scenes.get(i));
        float[] p = frame.toPixel(at[0], at[1]);
        float y = heightPx - p[1];
        if (i == followed) {
          shapes.setColor(VIEW);
          shapes.circle(p[0], y, r + 2.5f * Math.max(1, scale), 20);
        }
        shapes.setColor(Palette.DARK);
        shapes.circle(p[0], y, r + Math.max(1, scale), 16);
        shapes.setColor(Palette.tint(agents.get(i).index()));
        shapes.circle(p[0], y, r, 16);
        dots.add(new Dot(agents.get(i).index(), p[0], p[1]));
      }
    }
    shapes.end();
    lastView = view.clone();
    lastDots = List.copyOf(dots);
  }

  /**
   * Where an agent is on the map [m]: where its telemetry places the body (the car, the robot, an
   * arm's tip, whose scene's focus is its fixed base), or its scene's focus.
   */
  static double[] where(Agent a, Scene s) {
    Telemetry t = a.telemetry();
    return Double.isNaN(t.xM()) || Double.isNaN(t.yM())
        ? new double[] {s.focusX(), s.focusY()}
        : new double[] {t.xM(), t.yM()};
  }

  /** Triangulates the background's polygons once per background list (kept until a reset). */
  private void prepare(List<Shape> background) {
    if (background == cachedBackground) {
      return;
    }
    cachedBackground = background;
    outdoor = background.stream().anyMatch(s -> s.layer() == Layer.TRACK_SURFACE);
    triangles.clear();
    for (Shape s : background) {
      triangles.add(
          s instanceof Shape.Polygon p ? triangulator.computeTriangles(p.xy()).toArray() : null);
    }
  }

  private static void fill(ShapeRenderer shapes, float[] xy, short[] t) {
    for (int i = 0; i + 2 < t.length; i += 3) {
      int a = 2 * t[i];
      int b = 2 * t[i + 1];
      int c = 2 * t[i + 2];
      shapes.triangle(xy[a], xy[a + 1], xy[b], xy[b + 1], xy[c], xy[c + 1]);
    }
  }

  private static void polyline(ShapeRenderer shapes, float[] xy, boolean closed, float width) {
    int n = xy.length / 2;
    for (int i = 0; i + 1 < n; i++) {
      shapes.rectLine(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], width);
    }
    if (closed && n > 2) {
      shapes.rectLine(xy[2 * n - 2], xy[2 * n - 1], xy[0], xy[1], width);
    }
  }

  /** The outline of a rectangle (lower-left corner at x, y; y up), {@code t} px thick. */
  private static void frameOf(ShapeRenderer shapes, float x, float y, float w, float h, float t) {
    if (w <= 0 || h <= 0) {
      return;
    }
    shapes.rect(x, y, w, t);
    shapes.rect(x, y + h - t, w, t);
    shapes.rect(x, y, t, h);
    shapes.rect(x + w - t, y, t, h);
  }
}
