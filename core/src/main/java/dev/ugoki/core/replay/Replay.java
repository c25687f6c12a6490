package dev.ugoki.core.replay;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One episode as the simulation can play it again: the scenario, its whole configuration and the
 * seed of the reset, then the action of every step, with the reward each step gave when it was
 * recorded (so that a replay can check that it still reproduces the episode, bit for bit). The
 * simulation is deterministic, so this is all an episode is: every state along the way follows.
 *
 * @param scenario the scenario's registry name
 * @param scenarioVersion its version when recorded (another version may not reproduce it)
 * @param config every key of the scenario's resolved configuration, in declaration order, whole
 *     numbers as {@code Long} and others as {@code Double} (as they read back from JSON)
 * @param seed the seed of the episode's reset
 * @param driver who chose the actions, for people: {@code expert}, {@code policy race.zip}, ...
 * @param actionSize values per action
 * @param actions every step's action, one after another ({@code steps() * actionSize} values)
 * @param rewards every step's reward as recorded
 * @param end how the episode ended, one of {@link #ENDS}, or {@link #CUT} when the recording
 *     stopped before it did
 */
public record Replay(
    String scenario,
    int scenarioVersion,
    Map<String, Object> config,
    long seed,
    String driver,
    int actionSize,
    float[] actions,
    double[] rewards,
    String end) {

  /** The recording stopped before the episode ended. */
  public static final String CUT = "cut";

  /** The ways an episode ends (see {@link #endOf}), and {@link #CUT}. */
  public static final java.util.List<String> ENDS =
      java.util.List.of("crash", "success", "time limit", "ended", CUT);

  public Replay {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(end, "end");
    if (actionSize < 1 || actions.length != (long) rewards.length * actionSize) {
      throw new IllegalArgumentException(
          actions.length + " action values for " + rewards.length + " steps of " + actionSize);
    }
    if (!ENDS.contains(end)) {
      throw new IllegalArgumentException("unknown end '" + end + "'; known: " + ENDS);
    }
    config = dev.ugoki.core.io.CanonicalJson.plainValues(config);
  }

  /** How an episode whose last step ended it ended: a crash, a success, the time limit. */
  public static String endOf(dev.ugoki.sim.env.StepResult last) {
    if (last.info().crashed()) {
      return "crash";
    }
    if (last.info().success()) {
      return "success";
    }
    return last.truncated() ? "time limit" : "ended";
  }

  public int steps() {
    return rewards.length;
  }

  /** Refuses a step that is not one of the replay's positions, 0 (the reset) to {@link #steps}. */
  public void requireStep(int step) {
    if (step < 0 || step > steps()) {
      throw new IllegalArgumentException("step " + step + " is outside the replay's 0.." + steps());
    }
  }

  /** The action of step {@code t} (a copy). */
  public float[] action(int t) {
    return Arrays.copyOfRange(actions, t * actionSize, (t + 1) * actionSize);
  }

  /** The sum of the rewards, in step order. */
  public double episodeReturn() {
    double sum = 0;
    for (double r : rewards) {
      sum += r;
    }
    return sum;
  }

  /**
   * The recorded configuration resolved in this version of the scenario.
   *
   * @throws IllegalArgumentException for an unknown scenario or a key this version does not know
   */
  public Config resolvedConfig() {
    return Scenarios.config(scenario, config);
  }

  /** The same episode's first {@code n} steps, cut there. */
  public Replay firstSteps(int n) {
    if (n < 0 || n > steps()) {
      throw new IllegalArgumentException("cannot keep " + n + " of " + steps() + " steps");
    }
    if (n == steps()) {
      return this;
    }
    return new Replay(
        scenario,
        scenarioVersion,
        config,
        seed,
        driver,
        actionSize,
        Arrays.copyOf(actions, n * actionSize),
        Arrays.copyOf(rewards, n),
        CUT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Replay r
        && scenario.equals(r.scenario)
        && scenarioVersion == r.scenarioVersion
        && config.equals(r.config)
        && seed == r.seed
        && driver.equals(r.driver)
        && actionSize == r.actionSize
        && Arrays.equals(actions, r.actions)
        && Arrays.equals(rewards, r.rewards)
        && end.equals(r.end);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenario, seed, driver, Arrays.hashCode(rewards), end);
  }

  @Override
  public String toString() {
    return "Replay["
        + scenario
        + " seed "
        + seed
        + ", "
        + driver
        + ", "
        + steps()
        + " steps, "
        + end
        + "]";
  }
}
