package dev.ugoki.desktop;

import dev.ugoki.core.train.RunConfig;
import dev.ugoki.desktop.script.Script;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desktop app's command line, parsed and checked before any window opens.
 *
 * @param scenario a registered scenario name
 * @param seed the track's seed
 * @param drivers the agents, in the order given (none: one expert)
 * @param overrides scenario configuration keys ({@code --set key=value})
 * @param script a scripted run, or null for a person at the window
 * @param screenshots where the script's shots go, or null
 * @param fpsReport where the frame-time summary goes after the script, or null
 * @param maxFps the frame-rate cap, 0 for none (to measure headroom)
 * @param demosDir where recorded demonstrations, and the clones trained on them, go
 * @param demos demonstration files cloned (B) together with the ones recorded in the window
 * @param training how live trainings are configured and where their runs go
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
    Training training,
    boolean help) {

  /**
   * Live training's settings: a run config in YAML (null: the defaults), {@code ALGO.key=value}
   * overrides, the folder run folders go to, and a policy to fine-tune (null: fresh weights).
   */
  public record Training(Path config, List<String> sets, Path runsDir, Path from) {
    public Training {
      sets = List.copyOf(sets);
    }
  }

  public static final String USAGE =
      """
      usage: ugoki desktop [--scenario NAME] [--seed N] [--policy FILE]... [--expert]...
                           [--keyboard] [--set KEY=VALUE]... [--max-fps N] [--demos-dir DIR]
                           [--demos FILE]... [--train-config FILE] [--train-set K=V]...
                           [--runs-dir DIR] [--from POLICY.zip]
                           [--script STEPS [--screenshots DIR] [--fps-report FILE]]
        --scenario NAME    race, navigate, reach or multitask (default race)
        --seed N           the episode's seed: the track, room or targets (default 1); N in the
                           window: the next seed
        --policy FILE      an agent driven by a policy file (repeat for more; one file's agents
                           share one network call per step)
        --expert           an agent driven by the scenario's expert (repeat for more)
        --keyboard         an agent a person drives: arrow keys or W A S D
                           (no agent given: one expert)
        --set KEY=VALUE    a scenario configuration key, as in ./ugoki train
        --max-fps N        frame-rate cap (default 60; 0: none)
        --demos-dir DIR    where T records demonstrations and B saves the clones trained on
                           them (default runs/demos)
        --demos FILE.jsonl demonstrations (ugoki's format) that B clones together with the ones
                           recorded in the window (repeatable)
        --train-config FILE.yaml  the run config of trainings started in the window (P, I), as
                           ./ugoki train --config takes (default: the defaults)
        --train-set ALGO.KEY=VALUE  a training key, e.g. ppo.num_envs=8 (repeatable)
        --runs-dir DIR     where trainings started in the window write their run folders
                           (default runs)
        --from POLICY.zip  trainings started in the window fine-tune this policy (a
                           foundation policy, say) instead of starting from fresh weights
        --script STEPS     run a script and quit, e.g. "drive 3; pause; step; camera; shot a"
                           (drive S, frames N, pause, resume, step [N], speed N, camera
                           [next|free|I], zoom F, newtrack, restart, keys T,F, shot NAME,
                           record on|off, clone, train ppo|dagger|bc|stop, checkpoint,
                           await N, scenario NAME|next)
        --screenshots DIR  where the script's shots go (NAME.png, and shots.json)
        --fps-report FILE  after the script, the median frame time and FPS as JSON
      keys: Space pause, S or Right (paused) step, 1-5 speed 1x-16x, C camera, F whole world,
            N new track, R restart, T record demonstrations (keyboard agent) on/off, B train a
            clone on them, P train PPO live (again: stop), I train DAgger live (again: stop),
            K save a checkpoint of the live training, M next scenario with the same agents,
            wheel or +/- zoom, drag or arrows (free camera) pan, H help, Esc quit""";

  public LaunchOptions {
    drivers = List.copyOf(drivers);
    overrides = Map.copyOf(overrides);
    demos = List.copyOf(demos);
  }

  /** Parses the arguments; throws {@link IllegalArgumentException} with a message for a person. */
  public static LaunchOptions parse(String... args) {
    String scenario = "race";
    long seed = 1;
    List<Driver> drivers = new ArrayList<>();
    Map<String, String> overrides = new LinkedHashMap<>();
    String scriptText = null;
    Path screenshots = null;
    Path fpsReport = null;
    int maxFps = 60;
    Path demosDir = Session.DEFAULT_DEMOS_DIR;
    List<Path> demos = new ArrayList<>();
    Path trainConfig = null;
    List<String> trainSets = new ArrayList<>();
    Path runsDir = Session.DEFAULT_RUNS_DIR;
    Path from = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--expert" -> drivers.add(new Driver.Expert());
        case "--keyboard" -> drivers.add(new Driver.Keyboard());
        case "--scenario",
            "--seed",
            "--policy",
            "--set",
            "--script",
            "--screenshots",
            "--fps-report",
            "--max-fps",
            "--demos-dir",
            "--train-config",
            "--train-set",
            "--runs-dir",
            "--demos",
            "--from" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(a + " needs a value");
            }
            value = args[++i];
          }
          switch (a) {
            case "--scenario" -> scenario = value;
            case "--seed" -> seed = parseLong(a, value, 0, Long.MAX_VALUE);
            case "--policy" -> drivers.add(new Driver.Policy(Path.of(value)));
            case "--set" -> {
              int k = value.indexOf('=');
              if (k <= 0) {
                throw new IllegalArgumentException("--set needs KEY=VALUE, got '" + value + "'");
              }
              overrides.put(value.substring(0, k).trim(), value.substring(k + 1).trim());
            }
            case "--script" -> scriptText = value;
            case "--screenshots" -> screenshots = Path.of(value);
            case "--fps-report" -> fpsReport = Path.of(value);
            case "--demos-dir" -> demosDir = Path.of(value);
            case "--train-config" -> trainConfig = Path.of(value);
            case "--train-set" -> trainSets.add(value);
            case "--runs-dir" -> runsDir = Path.of(value);
            case "--demos" -> demos.add(Path.of(value));
            case "--from" -> from = Path.of(value);
            default -> maxFps = (int) parseLong(a, value, 0, 1000);
          }
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
      }
    }
    Training training = new Training(trainConfig, trainSets, runsDir, from);
    if (help) {
      return new LaunchOptions(
          scenario, seed, drivers, overrides, null, null, null, maxFps, demosDir, demos, training,
          true);
    }
    if (!Scenarios.names().contains(scenario)) {
      throw new IllegalArgumentException(
          "unknown scenario '"
              + scenario
              + "'; known scenarios: "
              + String.join(", ", Scenarios.names()));
    }
    Scenarios.config(scenario, overrides); // an unknown key or a bad value is refused here
    if (trainConfig != null && !Files.isRegularFile(trainConfig)) {
      throw new IllegalArgumentException("--train-config: no such file: " + trainConfig);
    }
    if (from != null && !Files.isRegularFile(from)) {
      throw new IllegalArgumentException("--from: no such file: " + from);
    }
    for (String algo : RunConfig.ALGOS) {
      // a bad file, key or value is refused now rather than when a training starts
      Session.trainingConfig(trainConfig, scenario, algo, overrides, trainSets);
    }
    Script script = scriptText == null ? null : Script.parse(scriptText);
    if (script == null && (screenshots != null || fpsReport != null)) {
      throw new IllegalArgumentException("--screenshots and --fps-report go with --script");
    }
    if (script != null && !script.shots().isEmpty() && screenshots == null) {
      throw new IllegalArgumentException("the script takes shots: give --screenshots DIR");
    }
    return new LaunchOptions(
        scenario,
        seed,
        drivers,
        overrides,
        script,
        screenshots,
        fpsReport,
        maxFps,
        demosDir,
        demos,
        training,
        false);
  }

  private static long parseLong(String option, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ", got " + n);
    }
    return n;
  }
}
