package dev.ugoki.examples.library;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;

/**
 * Ugoki as a library (docs/library.md shows this file whole): make an environment, drive it with a
 * hand-written controller, then with the model zoo's trained policy, and compare.
 */
public final class DriveARace {
  private DriveARace() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;

    // 1. An environment: the race scenario with its default config, wrapped as the registry does.
    Env env = Scenarios.make("race");
    System.out.println("observations: " + env.observationSpec().names());
    System.out.println("actions:      " + env.actionSpec().names());

    // 2. A hand-written controller: steer back toward the centerline, hold 40% of top speed.
    int heading = env.observationSpec().names().indexOf("heading_error");
    int lateral = env.observationSpec().names().indexOf("lateral_error");
    int speed = env.observationSpec().names().indexOf("speed");
    StepResult last =
        drive(
            env,
            seed,
            obs -> {
              float steer = -(3f * obs[heading] + 1f * obs[lateral]);
              float throttle = 4f * (0.4f - obs[speed]);
              return new float[] {clip(steer), clip(throttle)};
            });
    report("hand-written", last);

    // 3. The zoo's trained policy (zoo:race, models/race.zip), in its own layout.
    Path file = Zoo.resolve("zoo:race");
    PolicyFile.Loaded policy = PolicyFile.load(file);
    Env fitted = PolicyFit.fit(file, policy, Scenarios.make("race"));
    last = drive(fitted, seed, obs -> policy.policy().actDeterministic(obs, 1));
    report("zoo:race", last);
  }

  /** Runs one episode of {@code seed}; returns its last step. */
  static StepResult drive(
      Env env, long seed, java.util.function.Function<float[], float[]> controller) {
    float[] obs = env.reset(seed);
    StepResult r;
    do {
      r = env.step(controller.apply(obs));
      obs = r.observation();
    } while (!r.terminated() && !r.truncated());
    return r;
  }

  private static float clip(float v) {
    return Math.max(-1, Math.min(1, v));
  }

  private static void report(String who, StepResult last) {
    System.out.printf(
        java.util.Locale.ROOT,
        "%-12s %s after %.1f s, %.2f laps%n",
        who,
        last.info().success() ? "lapped" : last.info().crashed() ? "crashed" : "stopped",
        last.info().episodeTimeS(),
        last.info().progress());
  }
}
