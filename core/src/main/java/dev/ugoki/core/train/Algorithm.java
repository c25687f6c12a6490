package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.registry.Scenarios;
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

  /**
   * The budget when a run names none: the scenario's own, or the algorithm's; what the guides'
   * figures were measured with.
   */
  public long defaultSteps(String scenario) {
    long own = Scenarios.provider(scenario).trainingDefaults(id).steps();
    if (own > 0) {
      return own;
    }
    return switch (this) {
      case PPO -> 1_000_000;
      case BC -> 32_000;
      case DAGGER -> 64_000;
    };
  }

  /**
   * Settings that differ by scenario, under a config file's and {@code --set}'s: what the
   * scenario's provider asks of this algorithm (navigate's PPO explores with less action noise and
   * looks further ahead).
   */
  public Map<String, Object> scenarioDefaults(String scenario) {
    return Scenarios.provider(scenario).trainingDefaults(id).settings();
  }
}
