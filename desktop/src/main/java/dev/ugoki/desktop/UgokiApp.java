package dev.ugoki.desktop;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.GL20;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.desktop.script.FrameTimes;
import dev.ugoki.desktop.script.ScriptRunner;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.PolicyChoices;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.CameraRig;
import dev.ugoki.desktop.view.Follow;
import dev.ugoki.desktop.view.Hud;
import dev.ugoki.desktop.view.SaliencyOverlay;
import dev.ugoki.desktop.view.SessionInput;
import dev.ugoki.desktop.view.SessionRenderer;
import dev.ugoki.desktop.view.TaskZoom;
import dev.ugoki.desktop.view.TimelineBar;
import dev.ugoki.desktop.view.TimelineView;
import dev.ugoki.sim.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private TimelineView timeline;
  private SaliencyOverlay saliency;
  private SessionInput input;
  private String glRenderer = "";
  private long lastFrameNs;
  private long frames;
  private boolean shotLastFrame;
  private boolean exiting;

  /** The chase view: the camera turns with the followed body (O); otherwise north up. */
  private boolean chase;

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
    timeline = new TimelineView();
    saliency = new SaliencyOverlay();
    input = new SessionInput(session, rig, follow, this);
    Gdx.input.setInputProcessor(input);
    follow.follow(-1, session.agents()); // the person who drives, if one does
    if (session.pointerDrives()) {
      follow.setFree(); // a pointer needs the world to stay where it is under it
    }
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
    timeline.resize(width, height);
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
        // each body at its own scale (in multitask: the car's track, the robot's room, the arm)
        rig.setZoom(taskZoom.zoomFor(follow.focus(session.agents()).task(), rig.zoom()));
        if (chase) {
          // eased over about a sixth of a second, so that a twitch of the wheel does not spin it
          rig.chase(follow.focus(session.agents()).headingRad(), 1 - Math.exp(-6 * frameS));
        } else {
          rig.north();
        }
      } else {
        rig.north();
      }
      List<float[]> pixels = renderer.render(session, follow, scenes, rig);
      Agent followed = follow.free() ? null : follow.focus(session.agents());
      if (saliency.on() && followed != null) {
        saliency.draw(followed, session.raySaliency(followed), rig);
      }
      hud.draw(session, follow, Gdx.graphics.getFramesPerSecond(), pixels, scenes, rig);
      timeline.draw(session, hud);
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
      ShotReport.writeFps(
          options.fpsReport(),
          session,
          frameTimes,
          new int[] {Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight()},
          options.maxFps(),
          glRenderer);
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

  /** The policies offered while the list (L) is shown, or null. */
  private List<PolicyChoices.Choice> choices;

  /** L: the list of policies to add an agent from, shown or closed. */
  @Override
  public void togglePolicies() {
    choices =
        choices != null
            ? null
            : PolicyChoices.list(Zoo.dir(), session.training().settings().runsDir());
    hud.showChoices(choices, session);
  }

  @Override
  public boolean choosing() {
    return choices != null;
  }

  /** 1-9 with the list shown: the policy of that number drives a new agent. */
  @Override
  public void pick(int number) {
    if (choices == null || number < 1 || number > choices.size()) {
      session.message("no policy " + number + " in the list");
      return;
    }
    Agent a = session.roster().add(new Driver.Policy(choices.get(number - 1).file()));
    if (a != null) {
      follow.follow(a.index(), session.agents());
    }
    choices = null;
    hud.showChoices(null, session);
  }

  /** G: the saliency overlay on the followed policy's rays, on or off. */
  @Override
  public void toggleSaliency() {
    saliency.toggle();
    if (saliency.on()) {
      Agent a = follow.focus(session.agents());
      session.message(
          session.raySaliency(a) == null
              ? "saliency: agent " + a.name() + " drives without a policy that reads lidar"
              : "saliency: the brighter a ray, the more blanking it would move agent "
                  + a.name()
                  + "'s action now (G: off)");
    }
  }

  /** O: the chase view on or off. */
  @Override
  public void toggleChase() {
    chase = !chase;
    session.message(
        chase ? "chase view: the camera turns with the body (O: north up)" : "north up");
  }

  @Override
  public void toggleHelp() {
    hud.toggleHelp();
  }

  @Override
  public boolean helpShown() {
    return hud.helpShown();
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

  @Override
  public TimelineBar timelineBar() {
    return timeline.bar();
  }

  /** A file dropped on the window, or given to the script's {@code drop} ({@link FileDrop}). */
  @Override
  public void drop(Path file) {
    FileDrop.drop(file, this);
  }

  /** V: the followed agent's episode (or the first agent's, with a free camera) saved. */
  @Override
  public void saveReplay() {
    session.replays().save(follow.focus(session.agents()));
  }

  /** Delete: the followed agent leaves; the camera then follows the first. */
  @Override
  public void removeFollowed() {
    if (follow.free()) {
      session.message("follow the agent to take out first (C), then Delete");
      return;
    }
    if (session.roster().remove(follow.focus(session.agents()))) {
      follow.follow(-1, session.agents());
    }
  }

  /** Saves the frame just drawn as NAME.png, and what it shows in shots.json beside it. */
  @Override
  public void shoot(String name) throws IOException {
    Path dir = options.screenshots();
    int w = Gdx.graphics.getBackBufferWidth();
    int h = Gdx.graphics.getBackBufferHeight();
    ShotReport.savePng(dir.resolve(name + ".png"), w, h);
    List<Hud.Rect> covered = new ArrayList<>(hud.covered());
    if (timeline.covered() != null) {
      covered.add(timeline.covered());
    }
    shotLog.add(
        ShotReport.describe(
            name,
            w,
            h,
            session,
            follow,
            rig,
            covered,
            hud.describe(),
            timeline.bar(),
            saliency.on()));
    ShotReport.writeLog(dir.resolve("shots.json"), session, shotLog);
    shotLastFrame = true;
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
    if (timeline != null) {
      timeline.dispose();
    }
    if (saliency != null) {
      saliency.dispose();
    }
  }
}
