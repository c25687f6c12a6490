package dev.ugoki.core.io;

import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.SharedSpace;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.TaskKeys;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a loaded policy can drive an environment, and how: as it is, when the environment has the
 * policy's scenario and channels, or through its shared layout ({@link SharedSpace}) for a
 * foundation policy; otherwise refused, naming every channel that differs.
 */
public final class PolicyFit {
  private PolicyFit() {}

  /**
   * Refuses a policy that does not fit an environment: another scenario, or other observation or
   * action channels; the message names every channel that differs.
   */
  public static void checkFits(Path file, PolicyFile.Loaded loaded, Env env) {
    checkFits(
        "policy " + file,
        loaded.meta().scenario(),
        loaded.observationSpec(),
        loaded.actionSpec(),
        env);
  }

  private static void checkFits(
      String who, String policyScenario, Spec observation, Spec action, Env env) {
    String scenario = env.unwrapped().name();
    if (!scenario.equals(policyScenario)) {
      throw new PolicyFile.PolicyFileException(
          who + " was trained on scenario '" + policyScenario + "', not '" + scenario + "'");
    }
    List<String> diffs = new ArrayList<>();
    for (String d : env.observationSpec().differencesFrom(observation)) {
      diffs.add("observation " + d);
    }
    for (String d : env.actionSpec().differencesFrom(action)) {
      diffs.add("action " + d);
    }
    if (!diffs.isEmpty()) {
      throw new PolicyFile.PolicyFileException(
          who
              + " does not fit this "
              + scenario
              + " environment (here vs. the policy's): "
              + firstOf(diffs));
    }
  }

  /** The first few differences, joined, and how many more there are. */
  private static String firstOf(List<String> diffs) {
    int shown = Math.min(diffs.size(), 6);
    return String.join("; ", diffs.subList(0, shown))
        + (diffs.size() > shown ? "; and " + (diffs.size() - shown) + " more" : "");
  }

  /**
   * The environment the policy drives: {@code env} itself when it has the policy's channels, or,
   * for a policy whose observation holds {@code env}'s task descriptor (a foundation policy, or one
   * fine-tuned from it), {@code env} presented in the policy's shared layout ({@link SharedSpace}).
   *
   * @throws PolicyFile.PolicyFileException naming what does not fit
   */
  public static Env fit(Path file, PolicyFile.Loaded loaded, Env env) {
    Env fitted;
    if (loaded.adapter() != null
        && env.unwrapped().name().equals(loaded.meta().scenario())
        && withoutBody(env.observationSpec()).equals(withoutBody(loaded.observationSpec()))
        && env.actionSpec().equals(loaded.actionSpec())) {
      // on its own scenario, a policy that infers its body needs no body channel here: the
      // adapter writes them all (the window's multitask observes no body, the foundation's did)
      fitted = env;
    } else {
      fitted =
          fit(
              "policy " + file,
              loaded.meta().scenario(),
              loaded.observationSpec(),
              loaded.actionSpec(),
              env);
    }
    if (fitted != env) {
      // the layout matches channels by name only: the task's own channels must also be the ones
      // the policy learned them as (16 rays named lidar.00-15 are not the first 16 of 32)
      String task = env.unwrapped().name();
      Spec learned = learnedSpec(loaded.meta(), task);
      Spec here = env.observationSpec();
      if (loaded.adapter() != null && learned != null) {
        // a policy that infers its body needs no body channel: the adapter overwrites them all
        learned = withoutBody(learned);
        here = withoutBody(here);
      }
      List<String> diffs = learned == null ? List.of() : here.differencesFrom(learned);
      if (!diffs.isEmpty()) {
        throw new PolicyFile.PolicyFileException(
            "policy "
                + file
                + " learned "
                + task
                + " with other "
                + "channels (here vs. the policy's): "
                + firstOf(diffs));
      }
    }
    if (loaded.adapter() != null) {
      // the policy reads its body from the adapter's estimate, never from the environment
      try {
        BodyAdapter a = loaded.adapter();
        return new AdaptedBody(fitted, loaded.observationSpec(), a.isShared() ? a : a.copy());
      } catch (IllegalArgumentException e) {
        throw new PolicyFile.PolicyFileException(
            "policy " + file + " cannot drive this environment: " + e.getMessage());
      }
    }
    return fitted;
  }

  private static Spec withoutBody(Spec s) {
    Spec.Builder b = Spec.builder();
    for (int i = 0; i < s.size(); i++) {
      if (!BodyAdapter.isBody(s.name(i))) {
        b.add(s.name(i), s.low(i), s.high(i));
      }
    }
    return b.build();
  }

  /**
   * The observation spec {@code task} had when the policy learned it: from the policy's own
   * scenario config, or its {@code task/KEY} keys for a multitask policy; null when the config no
   * longer builds (keys of another version).
   */
  private static Spec learnedSpec(PolicyFile.Meta meta, String task) {
    Map<String, Object> keys = new LinkedHashMap<>();
    if (meta.scenario().equals(task)) {
      keys.putAll(meta.scenarioConfig());
    } else {
      keys.putAll(TaskKeys.of(meta.scenarioConfig(), task));
      if (keys.isEmpty()) {
        // fine-tuned on another task: how it learned this one is not recorded
        return null;
      }
    }
    try {
      return Scenarios.make(task, keys).observationSpec();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * As {@link #fit(Path, Loaded, Env)} for a policy in memory: {@code who} names it in messages,
   * {@code scenario} is the one it was trained on.
   */
  public static Env fit(String who, String scenario, Spec observation, Spec action, Env env) {
    String task = env.unwrapped().name();
    boolean shared =
        !env.observationSpec().equals(observation)
            && observation.names().contains(SharedSpace.TASK_PREFIX + task);
    if (!shared) {
      checkFits(who, scenario, observation, action, env);
      return env;
    }
    try {
      return new SharedSpace(env, task, observation, action);
    } catch (IllegalArgumentException e) {
      throw new PolicyFile.PolicyFileException(
          who + " cannot drive this " + task + " environment: " + e.getMessage());
    }
  }
}
