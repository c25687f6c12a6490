package dev.ugoki.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders real scenes and reads pixels back at world points projected with the renderer's own
 * camera: asphalt on the track, grass far from it, the body's colour on the car.
 */
class SceneRendererTest {
  private static final int SIZE = 1000;
  private static Scene race;

  @BeforeAll
  static void driveALittle() {
    System.setProperty("java.awt.headless", "true");
    Env env = Scenarios.make("race", Map.of());
    env.reset(1);
    Expert expert = env.unwrapped().expert();
    for (int i = 0; i < 40; i++) {
      env.step(expert.act());
    }
    race = env.scene();
  }

  @Test
  void worldViewPutsAsphaltOnTheTrackGrassAroundItAndTheBodyOnTheCar() {
    SceneRenderer renderer = new SceneRenderer(SIZE, SIZE, SceneRenderer.View.world());
    BufferedImage img = renderer.render(race, List.of());
    SceneRenderer.Camera cam = renderer.camera(race);
    float[] center = centerline(race);

    // Asphalt 2 m to the side of the centerline (clear of its dashes, inside the 9-14 m wide
    // track), away from the car's rays and from the start line.
    Color asphalt = LayerStyle.of(Layer.TRACK_SURFACE, true).fill();
    int checked = 0;
    int n = center.length / 2;
    for (int i = 0; i < n; i += 7) {
      int j = (i + 1) % n;
      double x = center[2 * i];
      double y = center[2 * i + 1];
      if (Math.hypot(x - race.focusX(), y - race.focusY()) < 45) {
        continue;
      }
      double dx = center[2 * j] - x;
      double dy = center[2 * j + 1] - y;
      double len = Math.hypot(dx, dy);
      double px = x - dy / len * 2;
      double py = y + dx / len * 2;
      assertThat(near(pixel(img, cam, px, py), asphalt, 12))
          .as("asphalt at centerline point %d (%.1f, %.1f)", i, x, y)
          .isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(20);

    // Grass at points of the world at least 25 m from every centerline point.
    Color grass = LayerStyle.of(Layer.GROUND, true).fill();
    int grassPoints = 0;
    for (double x = race.minX() + 2; x < race.maxX(); x += 17) {
      for (double y = race.minY() + 2; y < race.maxY(); y += 17) {
        if (distanceTo(center, x, y) > 25) {
          assertThat(pixel(img, cam, x, y)).as("grass at (%.0f, %.0f)", x, y).isEqualTo(grass);
          grassPoints++;
        }
      }
    }
    assertThat(grassPoints).isGreaterThan(20);

    // The car's body colour within 2 pixels of the middle of its outline.
    float[] body = firstPolygon(race, Layer.BODY);
    double bx = 0;
    double by = 0;
    for (int i = 0; i < body.length; i += 2) {
      bx += body[i];
      by += body[i + 1];
    }
    bx /= body.length / 2.0;
    by /= body.length / 2.0;
    assertThat(Math.hypot(bx - race.focusX(), by - race.focusY())).isLessThan(3);
    Color bodyColor = LayerStyle.of(Layer.BODY, true).fill();
    int cx = (int) cam.toPixelX(bx);
    int cy = (int) cam.toPixelY(by);
    boolean found = false;
    for (int v = cy - 2; v <= cy + 2 && !found; v++) {
      for (int u = cx - 2; u <= cx + 2 && !found; u++) {
        found = new Color(img.getRGB(u, v)).equals(bodyColor);
      }
    }
    assertThat(found).as("body colour near pixel (%d, %d)", cx, cy).isTrue();
    assertThat(distinctColours(img)).isGreaterThan(10);
  }

  @Test
  void followViewCentersTheFocusAtTheGivenWidth() {
    SceneRenderer renderer = new SceneRenderer(400, 300, SceneRenderer.View.follow(60));
    SceneRenderer.Camera cam = renderer.camera(race);
    assertThat(cam.toPixelX(race.focusX())).isCloseTo(200.0, within(1e-9));
    assertThat(cam.toPixelY(race.focusY())).isCloseTo(150.0, within(1e-9));
    assertThat(cam.toPixelX(race.focusX() + 30) - cam.toPixelX(race.focusX()))
        .isCloseTo(200.0, within(1e-9));
    // y up in the world is up in the image
    assertThat(cam.toPixelY(race.focusY() + 1)).isLessThan(150.0);
    BufferedImage img = renderer.render(race, List.of());
    assertThat(new Color(img.getRGB(200, 150))).isEqualTo(LayerStyle.of(Layer.BODY, true).fill());
  }

  @Test
  void aRoomHasAFloorNotGrassAndItsActiveGoalIsRed() {
    Env env = Scenarios.make("navigate", Map.of());
    env.reset(2);
    Scene room = env.scene();
    SceneRenderer renderer = new SceneRenderer(560, 400, SceneRenderer.View.world());
    BufferedImage img = renderer.render(room, List.of());
    SceneRenderer.Camera cam = renderer.camera(room);
    Shape.Circle goal =
        room.foreground().stream()
            .filter(s -> s.layer() == Layer.GOAL_ACTIVE)
            .map(Shape.Circle.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(pixel(img, cam, goal.x(), goal.y()))
        .isEqualTo(LayerStyle.of(Layer.GOAL_ACTIVE, false).fill());
    assertThat(LayerStyle.of(Layer.GROUND, false).fill())
        .isNotEqualTo(LayerStyle.of(Layer.GROUND, true).fill());
    assertThat(distinctColours(img)).isGreaterThan(10);
  }

  @Test
  void theHudAndTheCachedBackgroundGiveTheSamePictureTwice() {
    SceneRenderer renderer = new SceneRenderer(320, 320, SceneRenderer.View.world());
    int[] first =
        renderer.render(race, List.of("race  seed 1")).getRGB(0, 0, 320, 320, null, 0, 320);
    int[] plain = renderer.render(race, List.of()).getRGB(0, 0, 320, 320, null, 0, 320);
    int[] again =
        renderer.render(race, List.of("race  seed 1")).getRGB(0, 0, 320, 320, null, 0, 320);
    assertThat(again).isEqualTo(first);
    assertThat(plain).isNotEqualTo(first); // the HUD was drawn
  }

  private static Color pixel(BufferedImage img, SceneRenderer.Camera cam, double x, double y) {
    return new Color(img.getRGB((int) cam.toPixelX(x), (int) cam.toPixelY(y)));
  }

  private static boolean near(Color a, Color b, int tolerance) {
    return Math.abs(a.getRed() - b.getRed()) <= tolerance
        && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
        && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
  }

  private static float[] centerline(Scene scene) {
    return scene.background().stream()
        .filter(s -> s.layer() == Layer.CENTERLINE)
        .map(s -> ((Shape.Polyline) s).xy())
        .findFirst()
        .orElseThrow();
  }

  private static float[] firstPolygon(Scene scene, Layer layer) {
    return scene.foreground().stream()
        .filter(s -> s.layer() == layer)
        .map(s -> ((Shape.Polygon) s).xy())
        .findFirst()
        .orElseThrow();
  }

  private static double distanceTo(float[] xy, double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < xy.length; i += 2) {
      best = Math.min(best, Math.hypot(xy[i] - x, xy[i + 1] - y));
    }
    return best;
  }

  private static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
