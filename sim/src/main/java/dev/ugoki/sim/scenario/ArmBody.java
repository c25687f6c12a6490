package dev.ugoki.sim.scenario;

import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.body.TwoLinkArm;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.List;

/**
 * The two-link arm as the scenarios that have it ({@code reach}, {@code push}) show it, written
 * once: its eight observation channels and their values (so that a policy, and the foundation,
 * reads an arm the same way in each), its action channels, and its drawing.
 */
public final class ArmBody {
  /** The arm's observation channels, in order. */
  public static final List<String> CHANNELS =
      List.of(
          "joint.shoulder.cos",
          "joint.shoulder.sin",
          "joint.elbow.cos",
          "joint.elbow.sin",
          "joint.shoulder.speed",
          "joint.elbow.speed",
          "tip.x",
          "tip.y");

  private ArmBody() {}

  /** Adds the arm's channels, each in [-1, 1], to {@code b}. */
  public static Spec.Builder channels(Spec.Builder b) {
    for (String c : CHANNELS) {
      b.add(c, -1, 1);
    }
    return b;
  }

  /** The arm's actions: each joint's speed command, a fraction of its top speed. */
  public static Spec actions() {
    return Spec.builder().add("shoulder", -1, 1).add("elbow", -1, 1).build();
  }

  /**
   * Writes the arm's channels into {@code obs} from {@code i}; the joint speeds over {@code
   * speedScale} [rad/s], the tip over {@code reachScale} [m]. Returns the next index.
   */
  public static int observe(
      float[] obs, int i, TwoLinkArm arm, ArmState s, double reachScale, double speedScale) {
    double[] tip = arm.tip(s);
    obs[i++] = (float) Math.cos(s.shoulderRad());
    obs[i++] = (float) Math.sin(s.shoulderRad());
    obs[i++] = (float) Math.cos(s.elbowRad());
    obs[i++] = (float) Math.sin(s.elbowRad());
    obs[i++] = Geometry.clamp(s.shoulderRadps() / speedScale, -1, 1);
    obs[i++] = Geometry.clamp(s.elbowRadps() / speedScale, -1, 1);
    obs[i++] = Geometry.clamp(tip[0] / reachScale, -1, 1);
    obs[i++] = Geometry.clamp(tip[1] / reachScale, -1, 1);
    return i;
  }

  /** The arm drawn: both links {@code width} wide, the shoulder, the elbow, the tip's disc. */
  public static void draw(
      List<Shape> into, TwoLinkArm arm, ArmState s, float width, float tipRadius) {
    double[] elbow = arm.elbow(s);
    double[] tip = arm.tip(s);
    into.add(link(0, 0, elbow[0], elbow[1], width));
    into.add(link(elbow[0], elbow[1], tip[0], tip[1], width));
    into.add(new Shape.Circle(0, 0, 1.2f * width, Layer.BODY));
    into.add(new Shape.Circle((float) elbow[0], (float) elbow[1], 0.8f * width, Layer.BODY));
    into.add(new Shape.Circle((float) tip[0], (float) tip[1], tipRadius, Layer.BODY));
  }

  /** A link drawn as a rectangle {@code width} wide from (x0, y0) to (x1, y1). */
  private static Shape link(double x0, double y0, double x1, double y1, float width) {
    double len = Math.max(1e-9, Math.hypot(x1 - x0, y1 - y0));
    float nx = (float) (-(y1 - y0) / len * width / 2);
    float ny = (float) ((x1 - x0) / len * width / 2);
    return new Shape.Polygon(
        new float[] {
          (float) x0 + nx,
          (float) y0 + ny,
          (float) x1 + nx,
          (float) y1 + ny,
          (float) x1 - nx,
          (float) y1 - ny,
          (float) x0 - nx,
          (float) y0 - ny
        },
        Layer.BODY);
  }
}
