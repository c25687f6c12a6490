package dev.ugoki.desktop;

import dev.ugoki.core.io.Zoo;
import dev.ugoki.core.train.Algorithm;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.desktop.script.Script;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Teaching;
import dev.ugoki.desktop.session.TrainingSettings;
import dev.ugoki.sim.config.Setting;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's command line, parsed (by picocli, like the rest of {@code ./ugoki}) and checked
 * before any window opens; an unknown option is refused.
 *
 * @param scenario a registered scenario name
 * @param seed the track's seed
 * @param drivers the agents, in the order given; none given: the expert and the model zoo's policy
 *     for the scenario ({@link Zoo#forScenario}), or the expert alone when the zoo is not there
 * @param overrides scenario configuration keys ({@code --set key=value})
 * @param script a scripted run, or null for a person at the window
 * @param screenshots where the script's shots go, or null
 * @param fpsReport where the frame-time summary goes after the script, or null
 * @param maxFps the frame-rate cap, 0 for none (to measure headroom)
 * @param demosDir where recorded demonstrations go
 * @param demos demonstration files cloned (B) together with the ones recorded in the window
 * @param replaysDir where V saves replays
 * @param training how trainings started in the window are configured and where their runs go
 * @param help print the usage and quit
 */
public record LaunchOptions(
    String scenario,
    long seed,
    List<Driver> drivers,
    Map<String, String> overrides,
    Script script,
    Path screenshots,
    Path fpsReport,
    int maxFps,
    Path demosDir,
    List<Path> demos,
    Path replaysDir,
    TrainingSettings training,
    boolean help) {

  public LaunchOptions {
    drivers = List.copyOf(drivers);
    overrides = Map.copyOf(overrides);
    demos = List.copyOf(demos);
  }

  private static final String KEYS =
      """
      %nkeys: Space pause, S or Right (paused) step, 1-5 speed 1x-16x, C camera, F whole world,
            N new track, R restart, T record demonstrations (keyboard agent) on/off, X drop the
            last attempt recorded, B train a
            clone on them, P train PPO live (again: stop), I train DAgger live (again: stop),
            K save a checkpoint of the live training, J join (drive a new keyboard agent),
            M next scenario with the same agents, E add the expert, L pick a policy (the zoo's,
            the newest runs), V save the followed agent's episode as a replay, Delete take the
            followed agent out, O chase view, G saliency of the followed policy's rays, PgUp and
            PgDn scroll the messages, wheel or +/- zoom, drag or arrows (free camera) pan, H help,
            Esc quit; drop a policy, replay or demonstration file on the window to add it; a
            gamepad's left stick steers and drives, R2 and L2 throttle and brake.
      replay open: Left/Right (paused) a step back/on, [ ] 5 s, Home/End, drag the timeline;
            J, E or a dropped policy fork the replay there.""";

  /** The options as picocli reads them; the agents in the order given. */
  @Command(
      name = "ugoki desktop",
      mixinStandardHelpOptions = false,
      sortOptions = false,
      description = "The window: watch, drive, race, teach and train live.",
      footer = KEYS)
  static final class Cli {
    final List<Driver> drivers = new ArrayList<>();
    final Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
        names = "--scenario",
        paramLabel = "NAME",
        description =
            "race, navigate, reach, multitask, push, grandprix or a plugin's (UGOKI_PLUGINS: jars or folders of"
                + " jars); default race, or the replay's")
    String scenario;

    @Option(
        names = "--seed",
        paramLabel = "N",
        description =
            "the episode's seed: the track, room or targets (default 1, or the replay's); N in the window: the next seed")
    Long seed;

    /** The first replay given, whose scenario and seed are the window's unless others are. */
    dev.ugoki.core.replay.Replay firstReplay;

    @Option(
        names = "--replay",
        paramLabel = "FILE.replay.jsonl",
        description =
            "an agent that plays a recorded episode (./ugoki eval --record, or V in the window), with"
                + " a timeline to scrub and fork it (repeatable)")
    void replay(Path file) {
      dev.ugoki.core.replay.Replay r;
      try {
        r = dev.ugoki.core.replay.ReplayFile.read(file);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("--replay: cannot read " + file + ": " + e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--replay: " + e.getMessage(), e);
      }
      r.resolvedConfig(); // a key this version does not know is refused now
      if (firstReplay == null) {
        firstReplay = r;
      }
      drivers.add(new Driver.Replayed(file, r));
    }

    @Option(
        names = "--replays-dir",
        paramLabel = "DIR",
        description =
            "where V saves the followed agent's episode as a replay (default runs/replays)")
    Path replaysDir = dev.ugoki.desktop.session.Replays.DEFAULT_DIR;

    @Option(
        names = "--policy",
        paramLabel = "FILE",
        description =
            "an agent driven by a policy file or zoo:NAME, a shipped one (repeat for more; one file's agents share one network call per step)")
    void policy(String file) {
      // read now: a file that is no policy is refused in one line before any window opens
      drivers.add(new Driver.Policy(readable(Zoo.resolve(file), "--policy")));
    }

    /** {@code file} once it reads as a policy file; refused in one line naming it otherwise. */
    private static Path readable(Path file, String option) {
      try {
        dev.ugoki.core.io.PolicyFile.load(file);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
      }
      return file;
    }

    @Option(
        names = "--expert",
        description = "an agent driven by the scenario's expert (repeat for more)")
    void expert(boolean on) {
      drivers.add(new Driver.Expert());
    }

    @Option(
        names = "--keyboard",
        description =
            "an agent a person drives: arrow keys or W A S D (no agent given: one expert)")
    void keyboard(boolean on) {
      drivers.add(new Driver.Keyboard());
    }

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "a scenario configuration key, as in ./ugoki train")
    void set(String kv) {
      Setting set = Setting.parse("--set", kv);
      overrides.put(set.key(), set.value());
    }

    @Option(
        names = "--max-fps",
        paramLabel = "N",
        description = "frame-rate cap (default 60; 0: none)")
    int maxFps = 60;

    @Option(
        names = "--demos-dir",
        paramLabel = "DIR",
        description = "where T records demonstrations (default runs/demos)")
    Path demosDir = Teaching.DEFAULT_DEMOS_DIR;

    @Option(
        names = "--demos",
        paramLabel = "FILE.jsonl",
        description =
            "demonstrations (ugoki's format) that B clones together with the ones recorded in the window (repeatable)")
    List<Path> demos = new ArrayList<>();

    @Option(
        names = "--train-config",
        paramLabel = "FILE.yaml",
        description =
            "the run config of trainings started in the window (P, I, B), as ./ugoki train --config takes")
    Path trainConfig;

    @Option(
        names = "--train-set",
        paramLabel = "ALGO.KEY=VALUE",
        description = "a training key, e.g. ppo.num_envs=8 (repeatable)")
    List<String> trainSets = new ArrayList<>();

    @Option(
        names = "--runs-dir",
        paramLabel = "DIR",
        description =
            "where trainings started in the window (and clones) write their run folders (default runs)")
    Path runsDir = TrainingSettings.DEFAULT_RUNS_DIR;

    Path from;

    @Option(
        names = "--from",
        paramLabel = "POLICY.zip",
        description =
            "trainings started in the window fine-tune this policy (zoo:foundation, say) instead of fresh weights")
    void from(String file) {
      from = readable(Zoo.resolve(file), "--from");
    }

    @Option(
        names = "--script",
        paramLabel = "STEPS",
        description =
            "run a script and quit, e.g. \"drive 3; pause; step; camera; shot a\" (drive S, frames N, pause,"
                + " resume, step [N], speed N, camera [next|free|I], zoom F, newtrack, restart, keys T,F,"
                + " shot NAME, record on|off, clone, train ppo|dagger|bc|stop, checkpoint, await N,"
                + " scenario NAME|next, help, join, drop PATH, seek N, fork keyboard|expert, add expert,"
                + " save, remove)")
    String script;

    @Option(
        names = "--screenshots",
        paramLabel = "DIR",
        description = "where the script's shots go (NAME.png, and shots.json)")
    Path screenshots;

    @Option(
        names = "--fps-report",
        paramLabel = "FILE",
        description = "after the script, the median frame time and FPS as JSON")
    Path fpsReport;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "this help")
    boolean help;
  }

  private static CommandLine commandLine(Cli cli) {
    return new CommandLine(cli).setOverwrittenOptionsAllowed(true);
  }

  /** The usage text, with the window's keys. */
  public static String usage() {
    return commandLine(new Cli()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** Parses the arguments; throws {@link IllegalArgumentException} with a message for a person. */
  public static LaunchOptions parse(String... args) {
    Cli c = new Cli();
    try {
      commandLine(c).parseArgs(args);
    } catch (CommandLine.PicocliException e) {
      // picocli's own one-line messages ("Unknown option: '--fly'"), or a setter that refused its
      // value (a --set without '=', a replay that does not read): then its message says why,
      // however deep picocli's reflection wrapped it
      Throwable why = e;
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IllegalArgumentException || cause instanceof java.io.IOException) {
          why = cause;
          break;
        }
      }
      throw new IllegalArgumentException(why.getMessage(), e);
    }
    String scenario =
        c.scenario != null
            ? c.scenario
            : c.firstReplay != null ? c.firstReplay.scenario() : Scenarios.DEFAULT;
    long seed = c.seed != null ? c.seed : c.firstReplay != null ? c.firstReplay.seed() : 1;
    TrainingSettings training = new TrainingSettings(c.trainConfig, c.trainSets, c.runsDir, c.from);
    if (c.help) {
      return new LaunchOptions(
          scenario,
          seed,
          c.drivers,
          c.overrides,
          null,
          null,
          null,
          c.maxFps,
          c.demosDir,
          c.demos,
          c.replaysDir,
          training,
          true);
    }
    if (seed < 0) {
      throw new IllegalArgumentException("--seed must be 0 or more, got " + seed);
    }
    if (c.maxFps < 0 || c.maxFps > 1000) {
      throw new IllegalArgumentException("--max-fps must be in 0..1000, got " + c.maxFps);
    }
    Scenarios.provider(scenario); // an unknown name is refused here, naming the known ones
    Scenarios.config(scenario, c.overrides); // an unknown key or a bad value is refused here
    for (Driver d : c.drivers) {
      if (d instanceof Driver.Replayed r && !r.replay().scenario().equals(scenario)) {
        throw new IllegalArgumentException(
            "--replay " + r.file() + " is of " + r.replay().scenario() + ", not " + scenario);
      }
    }
    if (c.trainConfig != null && !Files.isRegularFile(c.trainConfig)) {
      throw new IllegalArgumentException("--train-config: no such file: " + c.trainConfig);
    }
    if (c.from != null && !Files.isRegularFile(c.from)) {
      throw new IllegalArgumentException("--from: no such file: " + c.from);
    }
    for (String algo : Algorithm.names()) {
      // a bad file, key or value is refused now rather than when a training starts
      RunConfig.resolve(training.request(scenario, algo, c.overrides, null, List.of()));
    }
    Script script = c.script == null ? null : Script.parse(c.script);
    List<Driver> drivers = c.drivers;
    if (drivers.isEmpty()) {
      // the zoo's own policy for race and navigate, the foundation for the arm and for multitask
      Path zoo = Zoo.forScenario(scenario);
      drivers =
          zoo != null
              ? List.of(new Driver.Expert(), new Driver.Policy(zoo))
              : List.of(new Driver.Expert());
    }
    if (script == null && (c.screenshots != null || c.fpsReport != null)) {
      throw new IllegalArgumentException("--screenshots and --fps-report go with --script");
    }
    if (script != null && !script.shots().isEmpty() && c.screenshots == null) {
      throw new IllegalArgumentException("the script takes shots: give --screenshots DIR");
    }
    return new LaunchOptions(
        scenario,
        seed,
        drivers,
        c.overrides,
        script,
        c.screenshots,
        c.fpsReport,
        c.maxFps,
        c.demosDir,
        c.demos,
        c.replaysDir,
        training,
        false);
  }
}
