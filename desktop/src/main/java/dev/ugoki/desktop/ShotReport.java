package dev.ugoki.desktop;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.desktop.script.FrameTimes;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Replays;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.CameraRig;
import dev.ugoki.desktop.view.Follow;
import dev.ugoki.desktop.view.Hud;
import dev.ugoki.desktop.view.Palette;
import dev.ugoki.desktop.view.SaliencyOverlay;
import dev.ugoki.desktop.view.TimelineBar;
import dev.ugoki.sim.scene.Scene;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scripted run reports beside its pictures, for tests and people: what each shot shows
 * (camera, HUD panels, every agent's place in pixels, the live training, the replay's timeline),
 * and the frame times.
 */
final class ShotReport {
  private ShotReport() {}

  /** Saves the frame just drawn, {@code w x h} back-buffer pixels, as a PNG. */
  static void savePng(Path file, int w, int h) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Pixmap frame = Pixmap.createFromFrameBuffer(0, 0, w, h);
    try {
      // The back buffer's alpha is whatever blending left there: make the picture opaque.
      ByteBuffer px = frame.getPixels();
      for (int i = 3; i < px.limit(); i += 4) {
        px.put(i, (byte) 255);
      }
      // GL rows run bottom-up: flipY writes them top-down.
      PixmapIO.writePNG(Gdx.files.absolute(file.toAbsolutePath().toString()), frame, 1, true);
    } finally {
      frame.dispose();
    }
  }

  /** shots.json: the session's scenario and seed, the palette's ground colours, every shot. */
  static void writeLog(Path file, Session session, List<Map<String, Object>> shots)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", session.scenario());
    doc.put("seed", session.seed());
    doc.put("asphalt", Palette.rgb255(Palette.ASPHALT));
    doc.put("grass", Palette.rgb255(Palette.GRASS));
    doc.put("shots", shots);
    CanonicalJson.write(file, doc);
  }

  /** The camera, the HUD's panels and where each agent is, in the picture's pixels. */
  static Map<String, Object> describe(
      String name,
      int w,
      int h,
      Session session,
      Follow follow,
      CameraRig rig,
      List<Hud.Rect> covered,
      Object hudParts,
      TimelineBar bar,
      boolean saliencyOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("file", name + ".png");
    m.put("width", w);
    m.put("height", h);
    m.put("steps", session.clock().steps());
    m.put("paused", session.clock().paused());
    m.put("camera_target", follow.target());
    m.put(
        "camera",
        Map.of(
            "x",
            rig.centerX(),
            "y",
            rig.centerY(),
            "pixels_per_metre",
            rig.pixelsPerMetre(),
            "zoom",
            rig.zoom(),
            "up_rad",
            rig.upRad()));
    List<int[]> panels = new ArrayList<>();
    for (Hud.Rect r : covered) {
      panels.add(new int[] {r.x(), r.y(), r.width(), r.height()});
    }
    m.put("hud", panels);
    m.put("hud_parts", hudParts);
    if (session.training().algo() != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("algo", session.training().algo());
      t.put("running", session.training().running());
      t.put("updates", session.training().curve().updates());
      t.put(
          "step",
          session.training().curve().isEmpty() ? 0 : session.training().curve().last().step());
      t.put("run_dir", String.valueOf(session.training().runDir()));
      m.put("training", t);
    }
    Replays.Timeline line = session.replays().timeline();
    if (line != null) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("agent", line.agent().name());
      t.put("step", line.step());
      t.put("steps", line.steps());
      t.put("bar", new float[] {bar.x(), bar.top(), bar.width(), bar.height()});
      t.put("handle_x", bar.xOf(line.step(), line.steps()));
      m.put("timeline", t);
    }
    List<Map<String, Object>> agents = new ArrayList<>();
    for (Agent a : session.agents()) {
      Scene s = a.scene();
      float[] p = rig.toPixel(s.focusX(), s.focusY());
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("name", a.name());
      am.put("tint", Palette.rgb255(Palette.tint(a.index())));
      am.put("focus", new double[] {s.focusX(), s.focusY()});
      am.put("pixel", new float[] {p[0], p[1]});
      am.put("speed_mps", a.speedMps());
      am.put("episode_steps", a.episodeSteps());
      double heading = a.headingRad();
      if (!Double.isNaN(heading)) {
        // a point 3 m ahead of the body: on the screen, where the body faces
        float[] ahead =
            rig.toPixel(s.focusX() + 3 * Math.cos(heading), s.focusY() + 3 * Math.sin(heading));
        am.put("heading_rad", heading);
        am.put("ahead_pixel", new float[] {ahead[0], ahead[1]});
      }
      agents.add(am);
    }
    m.put("agents", agents);
    if (saliencyOn && !follow.free()) {
      Agent a = follow.focus(session.agents());
      float[] weights = session.raySaliency(a);
      if (weights != null) {
        // the strongest ray, and the pixel of its middle
        int top = 0;
        for (int i = 1; i < weights.length; i++) {
          top = weights[i] > weights[top] ? i : top;
        }
        float[] ray = SaliencyOverlay.rays(a).get(top);
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("agent", a.name());
        sm.put("weights", weights);
        sm.put("strongest", top);
        sm.put("strongest_mid_pixel", rig.toPixel((ray[0] + ray[2]) / 2, (ray[1] + ray[3]) / 2));
        sm.put("color", Palette.rgb255(SaliencyOverlay.COLOR));
        m.put("saliency", sm);
      }
    }
    return m;
  }

  /** The frame times of a scripted run, as JSON in {@code file} and one line on stdout. */
  static void writeFps(
      Path file,
      Session session,
      FrameTimes frameTimes,
      int[] window,
      int fpsCap,
      String glRenderer)
      throws IOException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("scenario", session.scenario());
    r.put("agents", session.agents().size());
    r.put("rays_per_agent", session.config().integer("lidar.rays"));
    r.put("window", window);
    r.put("fps_cap", fpsCap);
    r.put("speed", session.clock().speed());
    r.put("achieved_speed", session.clock().achievedSpeed());
    r.put("frames_measured", frameTimes.count());
    r.put("median_frame_ms", frameTimes.medianMs());
    r.put("median_fps", frameTimes.medianFps());
    r.put("p90_frame_ms", frameTimes.quantileMs(0.9));
    r.put("p99_frame_ms", frameTimes.quantileMs(0.99));
    r.put("gl", glRenderer);
    r.put("cores", Runtime.getRuntime().availableProcessors());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    CanonicalJson.write(file, r);
    System.out.printf(
        Locale.ROOT,
        "ugoki desktop: %d agents at %dx (achieved %.1fx), median frame %.2f ms (%.1f fps), "
            + "p99 %.2f ms over %d frames; %s%n",
        session.agents().size(),
        session.clock().speed(),
        session.clock().achievedSpeed(),
        frameTimes.medianMs(),
        frameTimes.medianFps(),
        frameTimes.quantileMs(0.99),
        frameTimes.count(),
        glRenderer);
  }
}
