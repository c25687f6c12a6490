package dev.ugoki.core.replay;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.EnvWrapper;
import dev.ugoki.sim.env.SharedSpace;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;

/**
 * Plays a {@link Replay} in the simulation again: to any step (the state there follows from the
 * seed and the actions before it, since the simulation is deterministic), or whole, checking that
 * every step gives the reward recorded, bit for bit.
 */
public final class Replayer {
  private Replayer() {}

  /** What playing a replay again gave. */
  public record Check(boolean reproduced, int steps, String why) {
    static Check ok(int steps) {
      return new Check(true, steps, "");
    }
  }

  /**
   * A new environment of the replay's scenario and configuration, in the state after its first
   * {@code step} steps (the reset, for 0).
   *
   * @throws IllegalArgumentException for a step outside 0..steps, or a scenario or key this version
   *     does not know
   */
  public static Env envAt(Replay replay, int step) {
    replay.requireStep(step);
    Env env = Scenarios.make(replay.resolvedConfig());
    env.reset(replay.seed());
    StepResult r = null;
    for (int t = 0; t < step; t++) {
      if (r != null && r.done()) {
        throw new IllegalStateException(
            "the episode ended at step " + t + " but the replay goes on to " + replay.steps());
      }
      r = env.step(replay.action(t));
    }
    return env;
  }

  /**
   * The action that, stepped in {@code outer}, reaches the scenario inside as {@code
   * scenarioAction}: written into the shared layout of every {@link SharedSpace} on the way (the
   * other wrappers pass actions on as they are). How a policy's environment is brought along a
   * replay to fork it.
   */
  public static float[] actionIn(Env outer, float[] scenarioAction) {
    java.util.List<SharedSpace> layouts = new java.util.ArrayList<>();
    for (Env e = outer; e instanceof EnvWrapper w; e = w.inner()) {
      if (e instanceof SharedSpace s) {
        layouts.add(0, s); // innermost first
      }
    }
    float[] a = scenarioAction;
    for (SharedSpace s : layouts) {
      a = s.actionToShared(a);
    }
    return a;
  }

  /**
   * Plays the whole replay in a new environment and compares every reward with the recorded one bit
   * for bit, and how the episode ended with the recorded end.
   */
  public static Check verify(Replay replay) {
    Env env;
    try {
      env = Scenarios.make(replay.resolvedConfig());
    } catch (IllegalArgumentException e) {
      return new Check(false, 0, e.getMessage());
    }
    return verify(replay, env);
  }

  /** As {@link #verify(Replay)}, in {@code env}: the replay's configuration, made by the caller. */
  public static Check verify(Replay replay, Env env) {
    int version = env.unwrapped().version();
    String versions =
        replay.scenarioVersion() == version
            ? ""
            : " (recorded with "
                + replay.scenario()
                + " v"
                + replay.scenarioVersion()
                + ", this is v"
                + version
                + ")";
    env.reset(replay.seed());
    StepResult r = null;
    for (int t = 0; t < replay.steps(); t++) {
      if (r != null && r.done()) {
        return new Check(false, t, "the episode ended after step " + (t - 1) + versions);
      }
      r = env.step(replay.action(t));
      double recorded = replay.rewards()[t];
      if (Double.doubleToRawLongBits(r.reward()) != Double.doubleToRawLongBits(recorded)) {
        return new Check(
            false,
            t,
            "step " + t + " gave reward " + r.reward() + ", recorded " + recorded + versions);
      }
    }
    String end = r == null || !r.done() ? Replay.CUT : Replay.endOf(r);
    if (!end.equals(replay.end())) {
      return new Check(
          false,
          replay.steps(),
          "the episode ends '" + end + "', recorded '" + replay.end() + "'" + versions);
    }
    return Check.ok(replay.steps());
  }
}
