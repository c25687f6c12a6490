package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.utils.Disposable;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * G: which lidar rays drive the followed policy's action now, drawn over its rays as their
 * brightness: a ray whose blanking would move the action most is bright and wide, one that does not
 * matter stays faint ({@code Saliency}, by occlusion).
 */
public final class SaliencyOverlay implements Disposable {
  /** The overlay's colour: a bright yellow that none of the agents' tints is. */
  public static final Color COLOR = Palette.rgb(255, 255, 150);

  /** A ray's width at full weight [px]. */
  private static final float WIDTH_PX = 4;

  private final ShapeRenderer shapes = new ShapeRenderer();
  private final Color color = new Color();
  private boolean on;

  public boolean on() {
    return on;
  }

  public void toggle() {
    on = !on;
  }

  /** The rays' segments of {@code agent}'s scene, {@code x0, y0, x1, y1} each, in ray order. */
  public static List<float[]> rays(Agent agent) {
    List<float[]> out = new ArrayList<>();
    for (Shape s : agent.scene().foreground()) {
      if (s.layer() == Layer.RAY && s instanceof Shape.Polyline l && l.xy().length == 4) {
        out.add(l.xy());
      }
    }
    return out;
  }

  /** Each ray's weight over the largest (0..1); all 0 when nothing moves the action. */
  public static float[] shares(float[] weights) {
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, w);
    }
    float[] s = new float[weights.length];
    for (int i = 0; i < s.length && max > 0; i++) {
      s[i] = weights[i] / max;
    }
    return s;
  }

  /**
   * Draws the overlay for {@code agent}, whose rays weigh {@code weights}, with the rig's camera.
   */
  public void draw(Agent agent, float[] weights, CameraRig rig) {
    if (!on || weights == null) {
      return;
    }
    List<float[]> rays = rays(agent);
    float[] share = shares(weights);
    float mpp = rig.metresPerPixel();
    Gdx.gl.glEnable(GL20.GL_BLEND);
    Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
    shapes.setProjectionMatrix(rig.camera().combined);
    shapes.begin(ShapeRenderer.ShapeType.Filled);
    for (int i = 0; i < Math.min(rays.size(), share.length); i++) {
      float[] r = rays.get(i);
      float s = share[i];
      shapes.setColor(color.set(COLOR).mul(1, 1, 1, 0.08f + 0.92f * s));
      shapes.rectLine(r[0], r[1], r[2], r[3], (1 + (WIDTH_PX - 1) * s) * mpp);
    }
    shapes.end();
  }

  @Override
  public void dispose() {
    shapes.dispose();
  }
}
