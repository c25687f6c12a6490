package dev.ugoki.core.report;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one episode with a controller and records it as an animated GIF: one frame at the reset and
 * one every {@code every} steps, each with a HUD (scenario, seed, time, speed, return, progress),
 * and a last frame that states the outcome and stays on screen for {@link #END_HOLD_CS}. Used by
 * {@code ./ugoki render}; any controller works (an expert, a policy).
 */
public final class EpisodeGif {
  /** How long the last frame, with the outcome, is shown [1/100 s]. */
  public static final int END_HOLD_CS = 250;

  /**
   * @param width image width [px]
   * @param height image height [px]
   * @param view the camera
   * @param fps playback frames per second (the GIF's delay is rounded to 1/100 s)
   * @param every record every {@code every}-th policy step
   * @param maxSteps stop after this many steps even if the episode goes on; 0 for no limit (the
   *     scenario's own {@code max_steps} time limit still applies)
   */
  public record Settings(
      int width, int height, SceneRenderer.View view, int fps, int every, int maxSteps) {
    public Settings {
      if (width < 1 || height < 1 || fps < 1 || every < 1 || maxSteps < 0) {
        throw new IllegalArgumentException(
            "bad GIF settings: "
                + width
                + "x"
                + height
                + ", fps "
                + fps
                + ", every "
                + every
                + ", max steps "
                + maxSteps);
      }
    }

    /** GIF frame delay [1/100 s]. */
    public int delayCs() {
      return Math.max(1, (int) Math.round(100.0 / fps));
    }
  }

  /**
   * What was recorded.
   *
   * @param frames frames in the GIF
   * @param steps policy steps run
   * @param timeS simulated time [s]
   * @param outcome one phrase, e.g. "lap done in 37.2 s", "crashed at 12.3 s"
   */
  public record Result(
      Path path,
      int frames,
      int steps,
      double timeS,
      double episodeReturn,
      boolean success,
      boolean crashed,
      String outcome) {}

  private EpisodeGif() {}

  /** Policy steps per frame for playback at real speed at {@code fps}, at least 1. */
  public static int realTimeEvery(Env env, int fps) {
    return Math.max(1, (int) Math.round(1.0 / (fps * stepSeconds(env))));
  }

  /** Simulated time of one policy step [s]: {@code dt} times the action repeat. */
  public static double stepSeconds(Env env) {
    return CommonParams.policyStepS(env.unwrapped().config());
  }

  /**
   * Runs one episode from {@code seed} and writes it to {@code out} (atomically).
   *
   * @param driver who drives, for the HUD: "expert", a policy's name
   */
  public static Result record(
      Env env,
      Evaluation.Controller controller,
      String driver,
      long seed,
      Settings settings,
      Path out)
      throws IOException {
    SceneRenderer renderer =
        new SceneRenderer(settings.width(), settings.height(), settings.view());
    String name = env.unwrapped().name();
    try (GifWriter gif = GifWriter.open(out, settings.width(), settings.height())) {
      float[] obs = env.reset(seed);
      Scene scene = env.scene();
      double lastFocusX = scene.focusX();
      double lastFocusY = scene.focusY();
      double lastFrameTimeS = 0;
      gif.write(
          renderer.render(
              scene, hud(name, driver, seed, 0, 0, 0, progress(env.unwrapped().active(), 0), null)),
          settings.delayCs());
      int steps = 0;
      double ret = 0;
      StepResult r;
      boolean stopped;
      do {
        r = env.step(controller.act(obs));
        obs = r.observation();
        ret += r.reward();
        steps++;
        stopped = !r.done() && settings.maxSteps() > 0 && steps >= settings.maxSteps();
        boolean end = r.done() || stopped;
        if (steps % settings.every() == 0 || end) {
          scene = env.scene();
          double t = r.info().episodeTimeS();
          // The body's speed as its scenario tells it (an arm's tip, not its fixed base); for a
          // scenario that tells none, the mean speed of the camera's focus since the last frame.
          double told = env.unwrapped().telemetry().speedMps();
          double speed =
              !Double.isNaN(told)
                  ? told
                  : t > lastFrameTimeS
                      ? Math.hypot(scene.focusX() - lastFocusX, scene.focusY() - lastFocusY)
                          / (t - lastFrameTimeS)
                      : 0;
          lastFocusX = scene.focusX();
          lastFocusY = scene.focusY();
          lastFrameTimeS = t;
          String outcome = end ? outcome(env.unwrapped().active(), r, stopped, steps) : null;
          gif.write(
              renderer.render(
                  scene,
                  hud(
                      name,
                      driver,
                      seed,
                      t,
                      speed,
                      ret,
                      progress(env.unwrapped().active(), r.info().progress()),
                      outcome)),
              end ? Math.max(settings.delayCs(), END_HOLD_CS) : settings.delayCs());
        }
      } while (!r.done() && !stopped);
      gif.finish();
      return new Result(
          out,
          gif.frames(),
          steps,
          r.info().episodeTimeS(),
          ret,
          r.info().success(),
          r.info().crashed(),
          outcome(env.unwrapped().active(), r, stopped, steps));
    }
  }

  private static List<String> hud(
      String name,
      String driver,
      long seed,
      double timeS,
      double speedMps,
      double ret,
      String progress,
      String outcome) {
    List<String> lines = new ArrayList<>(3);
    lines.add(fmt("%s  %s  seed %d  t=%.1f s", name, driver, seed, timeS));
    lines.add(fmt("speed %.1f m/s  return %.1f  %s", speedMps, ret, progress));
    if (outcome != null) {
      lines.add(outcome);
    }
    return lines;
  }

  /** The task's progress in its own words: laps, goals or targets. */
  static String progress(Scenario task, double progress) {
    return Scenarios.presentation(task.name()).progress(task.config(), progress);
  }

  /** How the episode ended, in one phrase. */
  static String outcome(Scenario task, StepResult last, boolean stopped, int steps) {
    double t = last.info().episodeTimeS();
    String progress = progress(task, last.info().progress());
    if (last.info().success()) {
      return Scenarios.presentation(task.name()).success(task.config(), t);
    }
    if (last.info().crashed()) {
      return fmt("crashed at %.1f s, %s", t, progress);
    }
    if (last.truncated()) {
      return fmt("time limit at %.1f s, %s", t, progress);
    }
    return fmt("stopped after %d steps, %s", steps, progress);
  }

  /** Numbers with a dot whatever the default locale. */
  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
