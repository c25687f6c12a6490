package dev.ugoki.desktop;

import static dev.ugoki.desktop.ScriptedApp.close;
import static dev.ugoki.desktop.ScriptedApp.near;
import static dev.ugoki.desktop.ScriptedApp.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.race.RaceScenario;
import dev.ugoki.sim.scenario.race.Track;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real app in a real window (in its own JVM, on Xvfb with Mesa's software OpenGL when no
 * display is set) with the expert and a policy on race, plays a script (3 s of driving, pause, one
 * step, the other agent's camera, the whole world, then PPO trained live), and checks the
 * screenshots: the followed car in its tint at the centre, asphalt where the track is, grass where
 * it is not, frames that change exactly when they should, the minimap with every agent, and the
 * live policy's agent and its chart on an opaque panel.
 */
class DesktopWindowTest {
  private static final long SEED = 4;
  private static final String SCRIPT =
      "frames 3; shot start; drive 3; shot driving; pause; "
          + "shot paused; step; shot stepped; camera; shot camera; camera free; shot world; "
          + "help; frames 2; shot help; help; "
          + "resume; train ppo; await 3; drive 1; shot training; clone; frames 2";

  /** Largest difference per channel for a colour to count as the palette's. */
  private static final int TOLERANCE = ScriptedApp.TOLERANCE;

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 800;

  /** Kept after the run (under target/), so that a failure can be looked at. */
  private static Path dir;

  private static ScriptedApp app;
  private static int exitCode;
  private static String stderr;
  private static JsonNode shots;
  private static final Map<String, BufferedImage> images = new HashMap<>();
  private static Track track;

  @BeforeAll
  static void runTheAppWithAScript() throws Exception {
    dir = ScriptedApp.freshDir("desktop-window-test");
    Path policy = tinyPolicy(dir.resolve("tiny.zip"));
    Path trainYaml = dir.resolve("train.yaml");
    Files.writeString(trainYaml, "steps: 1000000\n");
    Path brokenDemos = dir.resolve("broken.jsonl");
    Files.writeString(brokenDemos, "{\"format\": \"ugoki-demos\", \"version\": 1, \"scen");
    long startNs = System.nanoTime();
    app =
        new ScriptedApp(
            dir,
            List.of(
                "--scenario",
                "race",
                "--seed",
                Long.toString(SEED),
                "--expert",
                "--policy",
                policy.toString(),
                "--policy",
                // a policy of another scenario: it sits out race with its own number
                dev.ugoki.core.io.Zoo.resolve("zoo:navigate").toString(),
                "--script",
                SCRIPT,
                "--fps-report",
                dir.resolve("fps.json").toString(),
                "--train-config",
                trainYaml.toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--train-set",
                "ppo.num_envs=2",
                "--train-set",
                "ppo.num_steps=64",
                "--train-set",
                "ppo.update_epochs=1",
                "--train-set",
                "ppo.hidden=16",
                "--train-set",
                "max_steps=50",
                "--demos",
                brokenDemos.toString()),
            120);
    System.out.printf(
        "DesktopWindowTest: the app ran its script in %.1f s%n",
        (System.nanoTime() - startNs) / 1e9);
    exitCode = app.exitCode;
    stderr = app.stderr;
    assertThat(exitCode).as("exit code; stderr:\n" + stderr).isZero();
    shots = app.shots;
    images.putAll(app.images);
    Env env = Scenarios.make("race");
    env.reset(SEED);
    track = ((RaceScenario) env.unwrapped()).track();
  }

  @AfterAll
  static void stopTheDisplay() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  /** An untrained policy that fits race: the policy path is exercised without a training run. */
  private static Path tinyPolicy(Path file) throws IOException {
    Env env = Scenarios.make("race");
    GaussianPolicy p =
        GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, -0.5, 5);
    PolicyFile.save(
        file,
        p,
        new PolicyFile.Meta(
            "race",
            env.unwrapped().version(),
            env.unwrapped().config().asMap(),
            "test",
            Map.of(),
            5,
            0,
            0,
            Map.of()));
    return file;
  }

  private static JsonNode shot(String name) {
    for (JsonNode s : shots.get("shots")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no shot " + name);
  }

  @Test
  void everyShotIsAFullFrameOfTheScene() {
    assertThat(images.keySet())
        .containsExactlyInAnyOrder(
            "start", "driving", "paused", "stepped", "camera", "world", "help", "training");
    for (var e : images.entrySet()) {
      BufferedImage img = e.getValue();
      assertThat(img.getWidth()).as(e.getKey()).isEqualTo(WIDTH);
      assertThat(img.getHeight()).as(e.getKey()).isEqualTo(HEIGHT);
      JsonNode shot = shot(e.getKey());
      // the help page covers the middle of the window, where most of the track is
      assertThat(share(img, shot, rgb(shots.get("asphalt"))))
          .as(e.getKey() + ": asphalt share")
          .isGreaterThan(e.getKey().equals("help") ? 0.01 : 0.03);
      assertThat(share(img, shot, rgb(shots.get("grass"))))
          .as(e.getKey() + ": grass share")
          .isGreaterThan(0.10);
      assertThat(distinctColours(img)).as(e.getKey() + ": distinct colours").isGreaterThan(30);
    }
  }

  @Test
  void theFollowedCarIsAtTheCentreInItsTint() {
    for (String name : List.of("start", "driving", "stepped", "camera")) {
      JsonNode s = shot(name);
      int target = s.get("camera_target").asInt();
      JsonNode agent = s.get("agents").get(target);
      double px = agent.get("pixel").get(0).asDouble();
      double py = agent.get("pixel").get(1).asDouble();
      assertThat(px).as(name).isCloseTo(WIDTH / 2.0, org.assertj.core.data.Offset.offset(2.0));
      assertThat(py).as(name).isCloseTo(HEIGHT / 2.0, org.assertj.core.data.Offset.offset(2.0));
      assertThat(near(images.get(name), (int) px, (int) py, 2, rgb(agent.get("tint"))))
          .as(name + ": the tint of " + agent.get("name").asText() + " at the centre")
          .isTrue();
    }
    assertThat(shot("start").get("camera_target").asInt()).isZero();
    assertThat(shot("camera").get("camera_target").asInt()).isEqualTo(1);
    assertThat(shot("world").get("camera_target").asInt()).isEqualTo(-1);
  }

  @Test
  void theTrackIsAsphaltAndTheFieldIsGrassWhereTheCameraPutsThem() {
    for (String name : images.keySet()) {
      if (name.equals("help")) {
        continue; // a page over the scene, looked at in its own test
      }
      JsonNode s = shot(name);
      BufferedImage img = images.get(name);
      int[] asphalt = rgb(shots.get("asphalt"));
      int[] grass = rgb(shots.get("grass"));
      // Midway between the centerline (dashed yellow) and the left wall: asphalt.
      int onTrack = 0;
      int asphaltHits = 0;
      for (int i = 0; i < track.samples(); i++) {
        double h = track.heading(i);
        double off = 0.5 * track.halfWidth(i);
        int[] p = toPixel(s, track.x(i) - Math.sin(h) * off, track.y(i) + Math.cos(h) * off);
        if (visible(s, p)) {
          onTrack++;
          asphaltHits += near(img, p[0], p[1], 1, asphalt) ? 1 : 0;
        }
      }
      // A grid over the picture: points more than 5 m beyond the track's edge are grass.
      int offTrack = 0;
      int grassHits = 0;
      for (int y = 20; y < HEIGHT; y += 40) {
        for (int x = 20; x < WIDTH; x += 40) {
          double[] w = toWorld(s, x, y);
          if (distanceBeyondEdge(w[0], w[1]) > 5 && visible(s, new int[] {x, y})) {
            offTrack++;
            grassHits += near(img, x, y, 1, grass) ? 1 : 0;
          }
        }
      }
      assertThat(onTrack).as(name + ": track probes in view").isGreaterThanOrEqualTo(10);
      assertThat(asphaltHits)
          .as(name + ": asphalt at " + onTrack + " track probes")
          .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * onTrack));
      assertThat(offTrack).as(name + ": grass probes in view").isGreaterThanOrEqualTo(20);
      assertThat(grassHits)
          .as(name + ": grass at " + offTrack + " field probes")
          .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * offTrack));
    }
  }

  @Test
  void framesChangeWhenTimePassesOrTheCameraMovesAndOnlyThen() {
    assertThat(shot("start").get("steps").asInt()).isEqualTo(1); // 3 frames of 1/60 s at dt 0.05
    assertThat(shot("driving").get("steps").asInt()).isEqualTo(61); // and 3 s more
    assertThat(shot("paused").get("steps").asInt()).isEqualTo(61);
    assertThat(shot("stepped").get("steps").asInt()).isEqualTo(62);
    assertThat(shot("camera").get("steps").asInt()).isEqualTo(62);
    assertThat(shot("driving").get("agents").get(0).get("speed_mps").asDouble()).isGreaterThan(8);

    // On a straight the track looks much the same 40 m on: the trail, dashes and rays moved.
    assertThat(changedOutsideHud("start", "driving")).as("start -> driving").isGreaterThan(0.01);
    JsonNode from = shot("start").get("agents").get(0).get("focus");
    JsonNode to = shot("driving").get("agents").get(0).get("focus");
    assertThat(
            Math.hypot(
                to.get(0).asDouble() - from.get(0).asDouble(),
                to.get(1).asDouble() - from.get(1).asDouble()))
        .as("metres driven")
        .isGreaterThan(20);
    assertThat(changedOutsideHud("driving", "paused")).as("driving -> paused").isZero();
    // One step of 0.05 s moves the car about 1 m: its trail, rays and the dashes shift.
    assertThat(changedOutsideHud("paused", "stepped")).as("paused -> stepped").isGreaterThan(0.002);
    assertThat(changedOutsideHud("stepped", "camera")).as("stepped -> camera").isGreaterThan(0.01);
    assertThat(cameraMoveM("stepped", "camera"))
        .as("camera moved to agent 2 [m]")
        .isGreaterThan(20);
    assertThat(changedOutsideHud("camera", "world")).as("camera -> world").isGreaterThan(0.2);
  }

  @Test
  void aPolicyOfAnotherScenarioSitsOutWithAMessageNotACrash() {
    assertThat(stderr).contains("agent 3", "navigate.zip", "trained on scenario 'navigate'");
    JsonNode agents = shot("start").get("agents");
    assertThat(agents).hasSize(2);
    assertThat(agents.get(1).get("name").asText()).isEqualTo("2 policy tiny.zip");
    // The message line is drawn in orange at the bottom left.
    BufferedImage img = images.get("start");
    int[] message = {255, 190, 90};
    int found = 0;
    for (int y = HEIGHT - 100; y < HEIGHT; y++) {
      for (int x = 0; x < 400; x++) {
        found += close(img.getRGB(x, y), message, 30) ? 1 : 0;
      }
    }
    assertThat(found).as("message-coloured pixels at the bottom left").isGreaterThan(50);
  }

  /**
   * PPO started from the script: its newest weights drive a third agent, the chart is drawn under
   * the agents' table, and closing the window stopped the run with its policy saved.
   */
  /** H: the help page, an opaque panel in the middle, is there when asked for and only then. */
  @Test
  void theHelpPageOpensOverTheScene() {
    JsonNode help = shot("help");
    JsonNode world = shot("world");
    assertThat(centredWide(help)).as("a wide panel in the middle").isTrue();
    assertThat(centredWide(world)).isFalse();
  }

  /** A panel over the middle of the window, wider than 500 px (the others keep to the edges). */
  private static boolean centredWide(JsonNode shot) {
    for (JsonNode r : shot.get("hud")) {
      int x = r.get(0).asInt();
      int y = r.get(1).asInt();
      int w = r.get(2).asInt();
      int h = r.get(3).asInt();
      if (w > 500
          && x <= WIDTH / 2
          && WIDTH / 2 <= x + w
          && y <= HEIGHT / 2
          && HEIGHT / 2 <= y + h) {
        return true;
      }
    }
    return false;
  }

  @Test
  void liveTrainingDrivesAnAgentAndDrawsItsChart() throws IOException {
    JsonNode shot = shot("training");
    JsonNode training = shot.get("training");
    assertThat(training.get("algo").asText()).isEqualTo("ppo");
    assertThat(training.get("updates").asInt()).isGreaterThanOrEqualTo(3);
    JsonNode agents = shot.get("agents");
    assertThat(agents).hasSize(3);
    // agent 3 is the navigate policy, sitting out with its own number
    assertThat(agents.get(2).get("name").asText()).isEqualTo("4 ppo live");
    // in the scene it has its number's tint as in the table, though it is third in the list
    BufferedImage scene = images.get("training");
    JsonNode live = agents.get(2);
    assertThat(
            near(
                scene,
                (int) live.get("pixel").get(0).asDouble(),
                (int) live.get("pixel").get(1).asDouble(),
                2,
                rgb(live.get("tint"))))
        .as("the live agent's car in its tint")
        .isTrue();
    // the chart: under the table on the right; its plot holds return and success lines
    JsonNode parts = shot.get("hud_parts");
    int[] chart = rect(parts.get("chart"));
    assertThat(chart[0] + chart[2]).as("the chart's right edge").isGreaterThan(WIDTH - 20);
    assertThat(chart[2]).as("chart width").isGreaterThanOrEqualTo(420);
    assertThat(chart[3]).as("chart height").isGreaterThanOrEqualTo(160);
    int[] plot = rect(parts.get("chart_plot"));
    BufferedImage img = images.get("training");
    int[] returnColor = {255, 205, 70};
    int[] successColor = {90, 220, 120};
    assertThat(count(img, plot, returnColor, 40))
        .as("return-line pixels in the plot")
        .isGreaterThan(20);
    assertThat(count(img, plot, successColor, 40))
        .as("success-line pixels in the plot")
        .isGreaterThan(20);
    // opaque: its own colour under the lines and the words, never the grass through it (the
    // words' smoothed edges pass through the track's grey, so only the grass is counted)
    double area = (double) chart[2] * chart[3];
    assertThat(count(img, chart, rgb(parts.get("chart_colour")), 2) / area)
        .as("share of the chart in its panel's colour")
        .isGreaterThan(0.5);
    assertThat(count(img, chart, rgb(shots.get("grass")), TOLERANCE))
        .as("grass in the chart")
        .isZero();
    // the window closed while it trained: the run stopped there and saved its policy
    Path run;
    try (var runs = Files.list(dir.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
    assertThat(run.resolve("policy.zip")).isRegularFile();
    assertThat(stderr).contains("stopped on request");
  }

  /**
   * The minimap at the bottom right, among the panels the HUD covers: the track on it, every agent
   * a dot in its tint (where no dot drawn later covers it), the followed one last and ringed in
   * white, and the camera's view framed around it.
   */
  @Test
  void theMinimapShowsTheWorldAndEveryAgentInItsTint() {
    int[] white = {255, 255, 255};
    for (String name : List.of("start", "driving", "camera", "world", "training")) {
      JsonNode s = shot(name);
      BufferedImage img = images.get(name);
      JsonNode map = s.get("hud_parts").get("minimap");
      int[] r = rect(map.get("rect"));
      assertThat(r[0] + r[2]).as(name + ": right edge").isGreaterThan(WIDTH - 20);
      assertThat(r[1] + r[3]).as(name + ": bottom edge").isGreaterThan(HEIGHT - 20);
      assertThat(Math.max(r[2], r[3])).as(name + ": size").isGreaterThanOrEqualTo(150);
      List<int[]> covered = new ArrayList<>();
      s.get("hud").forEach(h -> covered.add(rect(h)));
      assertThat(covered).as(name + ": covered").anySatisfy(c -> assertThat(c).isEqualTo(r));
      assertThat(count(img, r, rgb(shots.get("asphalt")), TOLERANCE))
          .as(name + ": the track on the minimap")
          .isGreaterThan(300);
      JsonNode dots = map.get("dots");
      assertThat(dots).as(name + ": a dot per agent").hasSize(s.get("agents").size());
      for (int k = 0; k < dots.size(); k++) {
        float x = (float) dots.get(k).get("pixel").get(0).asDouble();
        float y = (float) dots.get(k).get("pixel").get(1).asDouble();
        assertThat(x).as(name + ": dot x").isBetween((float) r[0], (float) r[0] + r[2]);
        assertThat(y).as(name + ": dot y").isBetween((float) r[1], (float) r[1] + r[3]);
        boolean hidden = false;
        for (int later = k + 1; later < dots.size(); later++) {
          JsonNode p = dots.get(later).get("pixel");
          hidden |= Math.hypot(p.get(0).asDouble() - x, p.get(1).asDouble() - y) < 12;
        }
        if (!hidden) {
          assertThat(near(img, (int) x, (int) y, 2, rgb(dots.get(k).get("tint"))))
              .as(name + ": the tint of agent " + dots.get(k).get("agent") + " at its dot")
              .isTrue();
        }
      }
      float[] view = {
        (float) map.get("view").get(0).asDouble(),
        (float) map.get("view").get(1).asDouble(),
        (float) map.get("view").get(2).asDouble(),
        (float) map.get("view").get(3).asDouble()
      };
      int target = s.get("camera_target").asInt();
      if (target >= 0) {
        JsonNode last = dots.get(dots.size() - 1);
        int lx = (int) last.get("pixel").get(0).asDouble();
        int ly = (int) last.get("pixel").get(1).asDouble();
        assertThat(count(img, new int[] {lx - 9, ly - 9, 19, 19}, white, 30))
            .as(name + ": the followed agent's white ring")
            .isGreaterThan(10);
        assertThat(lx)
            .as(name + ": the followed dot in the view")
            .isBetween((int) view[0] - 1, (int) (view[0] + view[2]) + 1);
        assertThat(view[2] * view[3])
            .as(name + ": the view is a part of the map")
            .isLessThan(0.5f * r[2] * r[3]);
      } else {
        assertThat(view[2] * view[3])
            .as(name + ": the whole world in view")
            .isGreaterThan(0.6f * r[2] * r[3]);
      }
      int[] topEdge = {(int) view[0] + 2, (int) view[1], Math.max(1, (int) view[2] - 4), 2};
      assertThat(count(img, topEdge, white, 30))
          .as(name + ": the view's frame")
          .isGreaterThan((int) (0.5 * topEdge[2]));
    }
  }

  @Test
  void aCorruptDemonstrationFileIsAMessageInTheAppNotACrash() {
    assertThat(stderr).contains("clone not trained").contains("broken.jsonl");
    assertThat(exitCode).isZero();
  }

  @Test
  void theFrameRateIsMeasured() throws IOException {
    JsonNode fps = new ObjectMapper().readTree(dir.resolve("fps.json").toFile());
    assertThat(fps.get("frames_measured").asInt()).isGreaterThan(100);
    assertThat(fps.get("median_fps").asDouble()).isGreaterThan(10);
    assertThat(fps.get("agents").asInt()).isEqualTo(3); // with the live policy's
  }

  // ---- pixels ----

  /** The picture's pixel of a world point, with the camera the shot was taken with. */
  private static int[] toPixel(JsonNode shot, double x, double y) {
    JsonNode c = shot.get("camera");
    double ppm = c.get("pixels_per_metre").asDouble();
    return new int[] {
      (int) Math.floor(WIDTH / 2.0 + (x - c.get("x").asDouble()) * ppm),
      (int) Math.floor(HEIGHT / 2.0 - (y - c.get("y").asDouble()) * ppm)
    };
  }

  private static double[] toWorld(JsonNode shot, int px, int py) {
    JsonNode c = shot.get("camera");
    double ppm = c.get("pixels_per_metre").asDouble();
    return new double[] {
      c.get("x").asDouble() + (px + 0.5 - WIDTH / 2.0) / ppm,
      c.get("y").asDouble() - (py + 0.5 - HEIGHT / 2.0) / ppm
    };
  }

  /** Inside the picture with a margin, and not under a HUD panel. */
  private static boolean visible(JsonNode shot, int[] p) {
    if (p[0] < 4 || p[1] < 4 || p[0] >= WIDTH - 4 || p[1] >= HEIGHT - 4) {
      return false;
    }
    for (JsonNode r : shot.get("hud")) {
      int x = r.get(0).asInt();
      int y = r.get(1).asInt();
      if (p[0] >= x - 4
          && p[0] <= x + r.get(2).asInt() + 4
          && p[1] >= y - 4
          && p[1] <= y + r.get(3).asInt() + 4) {
        return false;
      }
    }
    return true;
  }

  /** How far a point is outside the track's surface [m] (negative on it). */
  private static double distanceBeyondEdge(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < track.samples(); i++) {
      best = Math.min(best, Math.hypot(x - track.x(i), y - track.y(i)) - track.halfWidth(i));
    }
    return best;
  }

  /** The share of the scene in view (not under a HUD panel) that has the colour. */
  private static double share(BufferedImage img, JsonNode shot, int[] colour) {
    long n = 0;
    long seen = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        if (visible(shot, new int[] {x, y})) {
          seen++;
          n += close(img.getRGB(x, y), colour, TOLERANCE) ? 1 : 0;
        }
      }
    }
    return (double) n / seen;
  }

  private static int distinctColours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static double cameraMoveM(String a, String b) {
    JsonNode ca = shot(a).get("camera");
    JsonNode cb = shot(b).get("camera");
    return Math.hypot(
        ca.get("x").asDouble() - cb.get("x").asDouble(),
        ca.get("y").asDouble() - cb.get("y").asDouble());
  }

  /** The share of pixels outside both shots' HUD panels that differ between two shots. */
  private static double changedOutsideHud(String a, String b) {
    BufferedImage ia = images.get(a);
    BufferedImage ib = images.get(b);
    long changed = 0;
    long counted = 0;
    for (int y = 0; y < HEIGHT; y += 2) {
      for (int x = 0; x < WIDTH; x += 2) {
        int[] p = {x, y};
        if (visible(shot(a), p) && visible(shot(b), p)) {
          counted++;
          changed += ia.getRGB(x, y) != ib.getRGB(x, y) ? 1 : 0;
        }
      }
    }
    return (double) changed / counted;
  }

  /**
   * How many pixels of the rectangle {@code x, y, w, h} are within {@code tolerance} of a colour.
   */
  private static int count(BufferedImage img, int[] r, int[] colour, int tolerance) {
    int n = 0;
    for (int y = r[1]; y < r[1] + r[3]; y++) {
      for (int x = r[0]; x < r[0] + r[2]; x++) {
        n += close(img.getRGB(x, y), colour, tolerance) ? 1 : 0;
      }
    }
    return n;
  }

  private static int[] rect(JsonNode n) {
    return new int[] {n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt(), n.get(3).asInt()};
  }
}
