package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.EarClippingTriangulator;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.ShortArray;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a {@link Session} with one {@link ShapeRenderer} (SuperJumper's {@code WorldRenderer}: it
 * reads the model and never changes it). The background (track or room) comes from the first agent,
 * since every agent is on the same track, and is drawn once per frame; then each agent's foreground
 * (trail, rays, body) in its own tint, the followed agent last so that it is on top.
 *
 * <p>Everything is drawn as filled triangles in world units: polygons through triangulations that
 * are computed once per background list (the scene keeps that list until the next reset), lines as
 * thin quads whose width is given in pixels and converted with the current zoom.
 */
public final class SessionRenderer implements Disposable {
  private static final Comparator<Shape> BY_LAYER =
      Comparator.comparingInt(s -> s.layer().ordinal());

  /** A background shape ready to draw: triangles of a polygon, dashes of a centerline. */
  private record Prepared(Shape shape, short[] triangles, float[] dashes) {}

  private final ShapeRenderer shapes = new ShapeRenderer(8000);
  private final EarClippingTriangulator triangulator = new EarClippingTriangulator();
  private final Color color = new Color();
  private List<Shape> cachedBackground;
  private List<Prepared> background = List.of();
  private boolean outdoor;

  /** Every agent's scene of this moment, in agent order. */
  public static List<Scene> scenes(Session session) {
    List<Agent> agents = session.agents();
    List<Scene> scenes = new ArrayList<>(agents.size());
    for (Agent a : agents) {
      scenes.add(a.scene());
    }
    return scenes;
  }

  /**
   * Draws the agents' scenes (from {@link #scenes}) with the rig's camera, which is applied here;
   * returns where each agent's body is on the screen (x right, y down), in agent order.
   */
  public List<float[]> render(Session session, Follow follow, List<Scene> scenes, CameraRig rig) {
    prepare(scenes.get(0).background());
    Color clear = Palette.clear(outdoor);
    Gdx.gl.glClearColor(clear.r, clear.g, clear.b, 1);
    Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
    rig.apply();
    float mpp = rig.metresPerPixel();
    Gdx.gl.glEnable(GL20.GL_BLEND);
    Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
    shapes.setProjectionMatrix(rig.camera().combined);
    shapes.begin(ShapeRenderer.ShapeType.Filled);
    for (Prepared p : background) {
      drawBackground(p, mpp);
    }
    // positions in the list (an agent that sits out leaves a gap in the numbers); the tints are
    // the agents' numbers', as the HUD's table, tags and minimap draw them
    List<Agent> agents = session.agents();
    int followed = follow.target();
    int focus = follow.free() ? 0 : followed;
    for (int i = 0; i < scenes.size(); i++) {
      if (i != followed) {
        drawForeground(scenes.get(i), Palette.tint(agents.get(i).index()), mpp, i == focus);
      }
    }
    if (!follow.free()) {
      drawForeground(scenes.get(followed), Palette.tint(agents.get(followed).index()), mpp, true);
    }
    // where each body is on the screen, with the camera as applied for this frame
    List<float[]> pixels = new ArrayList<>(scenes.size());
    for (Scene s : scenes) {
      pixels.add(rig.toPixel(s.focusX(), s.focusY()));
    }
    ghostRings(scenes, pixels, agents, mpp);
    shapes.end();
    return pixels;
  }

  /** A ring in each colour around bodies that sit on one spot ({@link GhostRings}). */
  private void ghostRings(List<Scene> scenes, List<float[]> pixels, List<Agent> agents, float mpp) {
    int[] rank = GhostRings.ranks(pixels);
    for (int i = 0; i < scenes.size(); i++) {
      if (rank[i] > 0) {
        Scene s = scenes.get(i);
        float r = bodyRadius(s) + (GhostRings.STEP_PX * rank[i]) * mpp;
        shapes.setColor(Palette.tint(agents.get(i).index()));
        ring(new Shape.Circle((float) s.focusX(), (float) s.focusY(), r, Layer.BODY), 2 * mpp, mpp);
      }
    }
  }

  /** Half the diagonal of the box around a scene's body shapes [m]. */
  private static float bodyRadius(Scene s) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (Shape sh : s.foreground()) {
      if (sh.layer() != Layer.BODY) {
        continue;
      }
      float[] xy =
          sh instanceof Shape.Polygon p
              ? p.xy()
              : sh instanceof Shape.Circle c
                  ? new float[] {
                    c.x() - c.radius(), c.y() - c.radius(), c.x() + c.radius(), c.y() + c.radius()
                  }
                  : new float[0];
      for (int k = 0; k + 1 < xy.length; k += 2) {
        minX = Math.min(minX, xy[k]);
        maxX = Math.max(maxX, xy[k]);
        minY = Math.min(minY, xy[k + 1]);
        maxY = Math.max(maxY, xy[k + 1]);
      }
    }
    return minX > maxX ? 0.5f : (float) Math.hypot(maxX - minX, maxY - minY) / 2;
  }

  /** Whether the current background is a track (grass) rather than a room. */
  public boolean outdoor() {
    return outdoor;
  }

  private void prepare(List<Shape> shapes) {
    if (shapes == cachedBackground) {
      return;
    }
    cachedBackground = shapes;
    outdoor = shapes.stream().anyMatch(s -> s.layer() == Layer.TRACK_SURFACE);
    List<Shape> sorted = new ArrayList<>(shapes);
    sorted.sort(BY_LAYER);
    List<Prepared> out = new ArrayList<>(sorted.size());
    for (Shape s : sorted) {
      short[] tris = s instanceof Shape.Polygon p ? triangulate(p.xy()) : null;
      float[] dashes =
          s instanceof Shape.Polyline l && s.layer() == Layer.CENTERLINE
              ? dashes(l.xy(), l.closed())
              : null;
      out.add(new Prepared(s, tris, dashes));
    }
    background = out;
  }

  private short[] triangulate(float[] xy) {
    ShortArray t = triangulator.computeTriangles(xy); // reused by the triangulator: copy it
    return t.toArray();
  }

  private void drawBackground(Prepared p, float mpp) {
    Shape s = p.shape();
    Layer layer = s.layer();
    if (s instanceof Shape.Polygon poly) {
      shapes.setColor(Palette.fill(layer, outdoor));
      fillTriangles(poly.xy(), p.triangles());
      if (layer == Layer.OBSTACLE) {
        shapes.setColor(Palette.line(layer));
        polyline(poly.xy(), true, Palette.widthPx(layer) * mpp);
      }
    } else if (s instanceof Shape.Polyline line) {
      shapes.setColor(Palette.line(layer));
      float w = Palette.widthPx(layer) * mpp;
      if (p.dashes() != null) {
        float[] d = p.dashes();
        for (int i = 0; i + 3 < d.length; i += 4) {
          shapes.rectLine(d[i], d[i + 1], d[i + 2], d[i + 3], w);
        }
      } else {
        polyline(line.xy(), line.closed(), w);
      }
    } else if (s instanceof Shape.Circle c) {
      shapes.setColor(Palette.fill(layer, outdoor));
      circle(c, mpp);
    }
  }

  /**
   * One agent's moment: trail, rays and body in its tint; its goals and planned path only when it
   * is the agent the HUD describes ({@code withGoals}), since each agent has its own next goal.
   */
  private void drawForeground(Scene scene, Color tint, float mpp, boolean withGoals) {
    List<Shape> fg = new ArrayList<>(scene.foreground());
    fg.sort(BY_LAYER);
    for (Shape s : fg) {
      Layer layer = s.layer();
      if (!withGoals
          && (layer == Layer.GOAL || layer == Layer.GOAL_ACTIVE || layer == Layer.PATH)) {
        continue;
      }
      float w = Palette.widthPx(layer) * mpp;
      switch (layer) {
        case TRAIL -> shapes.setColor(color.set(tint).mul(1, 1, 1, Palette.TRAIL_ALPHA));
        case RAY -> shapes.setColor(color.set(tint).mul(1, 1, 1, Palette.RAY_ALPHA));
        case BODY -> shapes.setColor(tint);
        case HEADING -> shapes.setColor(Palette.DARK);
        default ->
            shapes.setColor(
                s instanceof Shape.Polyline ? Palette.line(layer) : Palette.fill(layer, outdoor));
      }
      if (s instanceof Shape.Polygon poly) {
        fillTriangles(poly.xy(), triangulate(poly.xy()));
        if (layer == Layer.BODY) {
          shapes.setColor(Palette.DARK);
          polyline(poly.xy(), true, Palette.OUTLINE_PX * mpp);
        }
      } else if (s instanceof Shape.Polyline line) {
        polyline(line.xy(), line.closed(), w);
      } else if (s instanceof Shape.Circle c) {
        circle(c, mpp);
        if (layer == Layer.BODY) {
          shapes.setColor(Palette.DARK);
          ring(c, Palette.OUTLINE_PX * mpp, mpp);
        }
      }
    }
  }

  private void fillTriangles(float[] xy, short[] t) {
    for (int i = 0; i + 2 < t.length; i += 3) {
      int a = 2 * t[i];
      int b = 2 * t[i + 1];
      int c = 2 * t[i + 2];
      shapes.triangle(xy[a], xy[a + 1], xy[b], xy[b + 1], xy[c], xy[c + 1]);
    }
  }

  private void polyline(float[] xy, boolean closed, float width) {
    int n = xy.length / 2;
    for (int i = 0; i + 1 < n; i++) {
      shapes.rectLine(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], width);
    }
    if (closed && n > 2) {
      shapes.rectLine(xy[2 * n - 2], xy[2 * n - 1], xy[0], xy[1], width);
    }
  }

  private void circle(Shape.Circle c, float mpp) {
    shapes.circle(c.x(), c.y(), c.radius(), segments(c.radius(), mpp));
  }

  private void ring(Shape.Circle c, float width, float mpp) {
    int n = segments(c.radius(), mpp);
    float px = c.x() + c.radius();
    float py = c.y();
    for (int i = 1; i <= n; i++) {
      double a = 2 * Math.PI * i / n;
      float x = c.x() + c.radius() * (float) Math.cos(a);
      float y = c.y() + c.radius() * (float) Math.sin(a);
      shapes.rectLine(px, py, x, y, width);
      px = x;
      py = y;
    }
  }

  /** Enough segments for a smooth circle at this zoom, few for a tiny one. */
  private static int segments(float radiusM, float mpp) {
    return Math.max(10, Math.min(64, (int) (radiusM / mpp / 2)));
  }

  /** The dashes of a polyline as segments {@code x0, y0, x1, y1, ...} [m]. */
  static float[] dashes(float[] xy, boolean closed) {
    int n = xy.length / 2;
    List<Float> out = new ArrayList<>();
    float along = 0; // position within the current dash+gap period [m]
    int segments = closed ? n : n - 1;
    for (int i = 0; i < segments; i++) {
      int j = (i + 1) % n;
      float x0 = xy[2 * i];
      float y0 = xy[2 * i + 1];
      float dx = xy[2 * j] - x0;
      float dy = xy[2 * j + 1] - y0;
      float len = (float) Math.hypot(dx, dy);
      float t = 0;
      while (t < len) {
        float period = Palette.DASH_M + Palette.GAP_M;
        float phase = along % period;
        boolean on = phase < Palette.DASH_M;
        // at least 0.1 mm, so that float rounding can never stall the walk
        float step = Math.min(len - t, Math.max(1e-4f, (on ? Palette.DASH_M : period) - phase));
        if (on && step > 0) {
          out.add(x0 + dx * t / len);
          out.add(y0 + dy * t / len);
          out.add(x0 + dx * (t + step) / len);
          out.add(y0 + dy * (t + step) / len);
        }
        t += step;
        along += step;
      }
    }
    float[] d = new float[out.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = out.get(i);
    }
    return d;
  }

  @Override
  public void dispose() {
    shapes.dispose();
  }
}
