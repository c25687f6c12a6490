package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.sim.config.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The training algorithms a run can name, each with its trainer, its config keys, its step budget
 * and its per-scenario defaults: the one place where an algorithm's defaults are declared.
 */
public enum Algorithm {
  /** Proximal policy optimization; the budget counts environment steps. */
  PPO("ppo", PpoConfig.PARAMS, RunConfig.MAX_STEPS, new PpoTrainer()),
  /** Behavior cloning of the expert or of demonstration files; the budget counts labeled steps. */
  BC("bc", ImitationConfig.PARAMS, RunConfig.MAX_LABELED_STEPS, new CloningTrainer()),
  /** DAgger: cloning, then rounds of the learner driving and the expert labeling. */
  DAGGER("dagger", ImitationConfig.PARAMS, RunConfig.MAX_LABELED_STEPS, new DaggerTrainer());

  private final String id;
  private final List<Param> params;
  private final long maxSteps;
  private final Trainer trainer;

  Algorithm(String id, List<Param> own, long maxSteps, Trainer trainer) {
    this.id = id;
    List<Param> all = new ArrayList<>(own);
    all.addAll(RunPlan.FINE_TUNE_PARAMS);
    this.params = List.copyOf(all);
    this.maxSteps = maxSteps;
    this.trainer = trainer;
  }

  /** The algorithm named {@code id} ({@code ppo}, {@code bc}, {@code dagger}). */
  public static Algorithm of(String id) {
    for (Algorithm a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + id + "'; known: " + String.join(", ", names()));
  }

  /** Every algorithm's name, in order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Algorithm::id).toList();
  }

  /** The name runs and config files use. */
  public String id() {
    return id;
  }

  /** The keys of its config section, fine-tune keys included. */
  public List<Param> params() {
    return params;
  }

  /** The largest budget it takes: imitation holds its labeled steps in memory. */
  public long maxSteps() {
    return maxSteps;
  }

  public Trainer trainer() {
    return trainer;
  }

  /** The budget when a run names none: what the README's figures were measured with. */
  public long defaultSteps(String scenario) {
    return switch (this) {
      case PPO -> scenario.equals("navigate") ? 3_000_000 : 1_000_000;
      case BC -> 32_000;
      case DAGGER -> 64_000;
    };
  }

  /**
   * Settings that differ by scenario, under a config file's and {@code --set}'s. The robot threads
   * rooms and warehouses, so PPO explores it with less action noise than the car and looks further
   * ahead (episodes run to ~600 policy steps); its validations (100 rooms, about a second each)
   * come every 50k steps. What the README's navigate figures were measured with.
   */
  public Map<String, Object> scenarioDefaults(String scenario) {
    if (this == PPO && scenario.equals("navigate")) {
      return Map.of(
          "num_envs",
          32,
          "num_steps",
          128,
          "gamma",
          0.995,
          "init_log_std",
          -1.0,
          "validate_every",
          50_000);
    }
    return Map.of();
  }
}
