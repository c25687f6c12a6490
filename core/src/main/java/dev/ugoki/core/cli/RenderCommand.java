package dev.ugoki.core.cli;

import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.report.EpisodeGif;
import dev.ugoki.core.report.SceneRenderer;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki render}: one episode of a controller as an animated GIF with a HUD. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Run one episode with a controller and write it as an animated GIF.")
public final class RenderCommand implements Callable<Integer> {
  private static final int MIN_SIDE_PX = 16;
  private static final int MAX_SIDE_PX = 4096;
  private static final int MAX_FPS = 50; // GIF delays are whole 1/100 s; 2/100 s is the shortest

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PolicyOrExpert who;

  @Mixin ScenarioOptions scenario = new ScenarioOptions();

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Episode seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.gif",
      description = "The GIF to write (its folder is created if missing).")
  Path out;

  @Option(
      names = "--fps",
      defaultValue = "20",
      description = "Playback frames per second, 1-" + MAX_FPS + " (default: ${DEFAULT-VALUE}).")
  int fps;

  @Option(
      names = "--every",
      paramLabel = "K",
      description = "Record every K-th step (default: plays at real speed at --fps).")
  Integer every;

  @Option(
      names = "--size",
      defaultValue = "640x640",
      paramLabel = "WxH",
      description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(
      names = "--view",
      defaultValue = "world",
      paramLabel = "world|follow",
      description =
          "world: the whole track or room; follow: centered on the body "
              + "(default: ${DEFAULT-VALUE}).")
  String view;

  @Option(
      names = "--view-width",
      paramLabel = "M",
      description =
          "Width of the follow view [m] (default: the scenario's own: 80 for race, 16 for "
              + "navigate, 6 for reach).")
  Double viewWidthM;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      description =
          "Stop after N steps even if the episode goes on (default: the whole episode, "
              + "up to the scenario's max_steps).")
  Integer maxSteps;

  @Override
  public Integer call() throws Exception {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // images only: never open a window
    }
    int[] wh = parseSize(size);
    if (fps < 1 || fps > MAX_FPS) {
      throw new IllegalArgumentException("--fps must be between 1 and " + MAX_FPS + ", got " + fps);
    }
    if (every != null && every < 1) {
      throw new IllegalArgumentException("--every must be at least 1, got " + every);
    }
    if (maxSteps != null && maxSteps < 1) {
      throw new IllegalArgumentException("--max-steps must be at least 1, got " + maxSteps);
    }
    if (seed < 0) {
      throw new IllegalArgumentException("--seed must not be negative, got " + seed);
    }
    if (viewWidthM != null && !(viewWidthM > 0 && viewWidthM < 1e6)) {
      throw new IllegalArgumentException(
          "--view-width must be a positive number of metres, got " + viewWidthM);
    }
    if (!view.equals("world") && !view.equals("follow")) {
      throw new IllegalArgumentException("--view must be world or follow, got '" + view + "'");
    }
    checkOutput(out);

    Driver driver = driver();
    Config config = driver.config();
    Env env = driver.fit().apply(Scenarios.make(config));
    Evaluation.Controller controller = driver.controller().apply(env);
    SceneRenderer.View camera =
        view.equals("world")
            ? SceneRenderer.View.world()
            : SceneRenderer.View.follow(
                viewWidthM != null
                    ? viewWidthM
                    : Scenarios.presentation(config.owner()).viewWidthM());
    int k = every != null ? every : EpisodeGif.realTimeEvery(env, fps);
    EpisodeGif.Settings settings =
        new EpisodeGif.Settings(wh[0], wh[1], camera, fps, k, maxSteps == null ? 0 : maxSteps);

    EpisodeGif.Result r = EpisodeGif.record(env, controller, driver.label(), seed, settings, out);
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(
        Locale.ROOT,
        "%s: %d frames, %dx%d, %d steps (%.1f s), return %.2f, %s%n",
        out,
        r.frames(),
        wh[0],
        wh[1],
        r.steps(),
        r.timeS(),
        r.episodeReturn(),
        r.outcome());
    pw.flush();
    return 0;
  }

  /**
   * Who drives, chosen in {@link PolicyOrExpert}: the scenario configuration to run, the layout the
   * environment is presented in (a foundation policy's shared one), the controller for that
   * environment, and a label for the HUD.
   */
  private record Driver(
      Config config,
      UnaryOperator<Env> fit,
      Function<Env, Evaluation.Controller> controller,
      String label) {}

  private Driver driver() {
    if (who.policy != null) {
      PolicyFile.Loaded loaded = who.load();
      Config config = scenario.config(loaded.meta().scenario(), loaded.meta().scenarioConfig());
      return new Driver(
          config,
          env -> PolicyFit.fit(who.policy, loaded, env),
          env -> obs -> loaded.policy().actDeterministic(obs, 1),
          "policy");
    }
    return new Driver(
        scenario.config(),
        UnaryOperator.identity(),
        env -> {
          Expert expert = env.expert();
          return obs -> expert.act();
        },
        "expert");
  }

  /** {@code WxH} in pixels, each side between the limits. */
  static int[] parseSize(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
    int w;
    int h;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      w = Integer.parseInt(parts[0].trim());
      h = Integer.parseInt(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--size must be WIDTHxHEIGHT in pixels, like 640x480; " + "got '" + text + "'");
    }
    if (w < MIN_SIDE_PX || h < MIN_SIDE_PX || w > MAX_SIDE_PX || h > MAX_SIDE_PX) {
      throw new IllegalArgumentException(
          "--size "
              + text
              + ": each side must be between "
              + MIN_SIDE_PX
              + " and "
              + MAX_SIDE_PX
              + " pixels");
    }
    return new int[] {w, h};
  }

  /** The name ends in .gif, it is not a folder, and its folder exists or can be created. */
  static void checkOutput(Path file) {
    Path name = file.getFileName();
    if (name == null
        || !name.toString().toLowerCase(Locale.ROOT).endsWith(".gif")
        || name.toString().length() <= ".gif".length()) {
      throw new IllegalArgumentException("--out " + file + ": the file name must end in .gif");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("--out " + file + " is a folder");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          "--out "
              + file
              + ": cannot create the folder "
              + parent
              + ": "
              + e.getFile()
              + " is a file");
    } catch (AccessDeniedException | SecurityException e) {
      throw new IllegalArgumentException(
          "--out " + file + ": cannot create the folder " + parent + ": permission denied");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--out " + file + ": cannot create the folder " + parent + ": " + e.getMessage());
    }
    if (!Files.isWritable(parent)) {
      throw new IllegalArgumentException(
          "--out " + file + ": the folder " + parent + " is not writable");
    }
  }
}
