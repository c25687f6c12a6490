package dev.ugoki.desktop;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.desktop.script.FrameTimes;
import dev.ugoki.desktop.script.ScriptRunner;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.CameraRig;
import dev.ugoki.desktop.view.Follow;
import dev.ugoki.desktop.view.Hud;
import dev.ugoki.desktop.view.Palette;
import dev.ugoki.desktop.view.SessionInput;
import dev.ugoki.desktop.view.SessionRenderer;
import dev.ugoki.desktop.view.TaskZoom;
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
 * The window (SuperJumper's {@code GameScreen}): each frame lets the frame's time pass in the
 * {@link Session} (a fixed-step model), points the camera, and draws the scene and the HUD. With a
 * script it plays the script instead of reading a person's input, saves its screenshots, and quits;
 * {@link #exitCode()} then tells whether all went well.
 */
public final class UgokiApp extends ApplicationAdapter
    implements ScriptRunner.Target, SessionInput.Commands {
  /** Frames left out of the frame-time report while the JIT and the GL driver warm up. */
  private static final int WARMUP_FRAMES = 30;

  private final LaunchOptions options;
  private Session session;
  private final ScriptRunner script;
  private final FrameTimes frameTimes = new FrameTimes();
  private final List<Map<String, Object>> shotLog = new ArrayList<>();

  private CameraRig rig;
  private final Follow follow = new Follow();
  private TaskZoom taskZoom;
  private SessionRenderer renderer;
  private Hud hud;
  private SessionInput input;
  private String glRenderer = "";
  private long lastFrameNs;
  private long frames;
  private boolean shotLastFrame;
  private boolean exiting;
  private volatile int exitCode;

  public UgokiApp(LaunchOptions options, Session session) {
    this.options = options;
    this.session = session;
    this.script = options.script() == null ? null : new ScriptRunner(options.script());
  }

  /** 0 when the app (and its script) ended well, 1 when it failed. */
  public int exitCode() {
    return exitCode;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public Follow follow() {
    return follow;
  }

  @Override
  public void create() {
    rig = CameraRig.forScenario(session.scenario());
    taskZoom = new TaskZoom(session.scenario());
    renderer = new SessionRenderer();
    hud = new Hud();
    input = new SessionInput(session, rig, follow, this);
    Gdx.input.setInputProcessor(input);
    follow.follow(-1, session.agents()); // the person who drives, if one does
    resize(Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
    glRenderer = Gdx.gl.glGetString(GL20.GL_RENDERER) + " / " + Gdx.gl.glGetString(GL20.GL_VERSION);
    if (follow.free()) {
      fitWorld();
    }
  }

  @Override
  public void resize(int width, int height) {
    rig.resize(width, height);
    hud.resize(width, height);
  }

  @Override
  public void render() {
    if (exiting) {
      return;
    }
    long now = System.nanoTime();
    if (lastFrameNs != 0 && frames > WARMUP_FRAMES && !shotLastFrame) {
      frameTimes.add(now - lastFrameNs);
    }
    lastFrameNs = now;
    frames++;
    shotLastFrame = false;
    try {
      double frameS;
      if (script != null) {
        frameS = script.beforeFrame(this);
      } else {
        frameS = Gdx.graphics.getDeltaTime();
        input.poll((float) frameS);
      }
      session.advance(frameS);
      List<Scene> scenes = SessionRenderer.scenes(session);
      if (!follow.free()) {
        Scene followed = scenes.get(follow.target());
        rig.lookAt(followed.focusX(), followed.focusY());
        if (session.scenario().equals("multitask")) {
          // each body at its own scale: the car's track, the robot's room, the arm
          rig.setZoom(taskZoom.zoomFor(follow.focus(session.agents()).task(), rig.zoom()));
        }
      }
      renderer.render(session, follow, scenes, rig);
      List<float[]> pixels = new ArrayList<>(scenes.size());
      for (Scene s : scenes) {
        pixels.add(rig.toPixel(s.focusX(), s.focusY()));
      }
      hud.draw(session, follow, Gdx.graphics.getFramesPerSecond(), pixels);
      if (script != null) {
        script.afterFrame(this);
        if (script.finished()) {
          finishScript();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (script != null) {
        fail(e);
      } else {
        // A person is watching: say what went wrong and stop the clock instead of crashing.
        session.clock().setPaused(true);
        session.message("error: " + e.getMessage() + " (paused)");
      }
    }
  }

  private void fail(Exception e) {
    System.err.println("ugoki desktop: error: " + (e.getMessage() == null ? e : e.getMessage()));
    exitCode = 1;
    exit();
  }

  private void exit() {
    exiting = true;
    Gdx.app.exit();
  }

  private void finishScript() throws IOException {
    if (options.fpsReport() != null) {
      writeFpsReport(options.fpsReport());
    }
    exitCode = 0;
    exit();
  }

  // ---- SessionInput.Commands and ScriptRunner.Target ----

  @Override
  public void fitWorld() {
    rig.fit(session.agents().get(0).scene());
  }

  @Override
  public void zoomBy(float factor) {
    rig.zoomBy(factor);
  }

  @Override
  public void toggleHelp() {
    hud.toggleHelp();
  }

  @Override
  public void scrollMessages(int lines) {
    hud.scrollMessages(lines);
  }

  /** The same agents on the next scenario, with a camera for its world. */
  @Override
  public void nextScenario() {
    switchTo(session.nextScenario());
  }

  /** Switches the window to {@code scenario} (unless the session refuses, while training). */
  @Override
  public void switchTo(String scenario) {
    int followed = follow.free() ? -1 : follow.focus(session.agents()).index();
    Session next = session.withScenario(scenario);
    if (next == session) {
      return;
    }
    session = next;
    rig = CameraRig.forScenario(session.scenario());
    taskZoom = new TaskZoom(session.scenario());
    rig.resize(Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
    input.setSession(session, rig);
    // the same agent if it drives here, else the person's, else the first
    follow.follow(followed, session.agents());
  }

  @Override
  public void quit() {
    exit();
  }

  /** Saves the frame just drawn as NAME.png, and what it shows in shots.json beside it. */
  @Override
  public void shoot(String name) throws IOException {
    Path dir = options.screenshots();
    Files.createDirectories(dir);
    int w = Gdx.graphics.getBackBufferWidth();
    int h = Gdx.graphics.getBackBufferHeight();
    Pixmap frame = Pixmap.createFromFrameBuffer(0, 0, w, h);
    try {
      // The back buffer's alpha is whatever blending left there: make the picture opaque.
      ByteBuffer px = frame.getPixels();
      for (int i = 3; i < px.limit(); i += 4) {
        px.put(i, (byte) 255);
      }
      Path file = dir.resolve(name + ".png");
      // GL rows run bottom-up: flipY writes them top-down.
      PixmapIO.writePNG(Gdx.files.absolute(file.toAbsolutePath().toString()), frame, 1, true);
    } finally {
      frame.dispose();
    }
    shotLog.add(describeShot(name, w, h));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", session.scenario());
    doc.put("seed", session.seed());
    doc.put("asphalt", Palette.rgb255(Palette.ASPHALT));
    doc.put("grass", Palette.rgb255(Palette.GRASS));
    doc.put("shots", shotLog);
    CanonicalJson.write(dir.resolve("shots.json"), doc);
    shotLastFrame = true;
  }

  /** The camera, the HUD's panels and where each agent is, in the picture's pixels. */
  private Map<String, Object> describeShot(String name, int w, int h) {
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
            rig.zoom()));
    List<int[]> panels = new ArrayList<>();
    for (Hud.Rect r : hud.covered()) {
      panels.add(new int[] {r.x(), r.y(), r.width(), r.height()});
    }
    m.put("hud", panels);
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
      agents.add(am);
    }
    m.put("agents", agents);
    return m;
  }

  private void writeFpsReport(Path file) throws IOException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("scenario", session.scenario());
    r.put("agents", session.agents().size());
    r.put("rays_per_agent", session.config().integer("lidar.rays"));
    r.put(
        "window",
        new int[] {Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight()});
    r.put("fps_cap", options.maxFps());
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
        "ugoki desktop: %d agents, median frame %.2f ms (%.1f fps), "
            + "p99 %.2f ms over %d frames; %s%n",
        session.agents().size(),
        frameTimes.medianMs(),
        frameTimes.medianFps(),
        frameTimes.quantileMs(0.99),
        frameTimes.count(),
        glRenderer);
  }

  @Override
  public void dispose() {
    session.close();
    if (renderer != null) {
      renderer.dispose();
    }
    if (hud != null) {
      hud.dispose();
    }
  }
}
