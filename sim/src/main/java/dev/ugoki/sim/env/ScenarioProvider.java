package dev.ugoki.sim.env;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;
import java.util.Map;

/**
 * A scenario as one unit that anyone can add: its name, its configuration keys, how to make it with
 * its expert, and what it says of itself ({@link Presentation}). The registry ({@code
 * dev.ugoki.sim.registry.Scenarios}) holds the built-in providers and every provider that {@link
 * java.util.ServiceLoader} finds on the class path or in a plugin jar (a {@code
 * META-INF/services/dev.ugoki.sim.env.ScenarioProvider} file naming the class); code that builds
 * its own registers one directly. Gymnasium's {@code register()} and its {@code gymnasium.envs}
 * entry points are the model.
 *
 * <p>A provider has a public no-argument constructor (ServiceLoader's rule) and is cheap to make:
 * the registry makes one at start and asks it for scenarios on demand.
 */
public interface ScenarioProvider {

  /**
   * The registry name, as commands take it ({@code --scenario NAME}): lower-case letters, digits,
   * {@code -} and {@code _}, starting with a letter; unique among the registered providers.
   */
  String name();

  /**
   * Its configuration keys, each with its default, range and meaning; the common ones ({@code dt},
   * {@code max_steps}, the wrappers' keys) are {@code CommonParams.of(...)}.
   */
  List<Param> params();

  /**
   * A scenario from a resolved configuration of {@link #params()}, made with its expert (the one
   * place that pairs a scenario with the controller that solves it). The registry wraps it in the
   * wrappers its common keys ask for.
   */
  Scenario make(Config config);

  /** What the scenario says of itself: its words, units, camera and legend. */
  Presentation presentation();

  /**
   * The scenario's world of several agents, from a resolved configuration of {@link #params()},
   * when it has one ({@code grandprix}: every car an agent); none by default. {@link #make} is then
   * its single-agent view.
   */
  default java.util.Optional<ParallelEnv> parallel(Config config) {
    return java.util.Optional.empty();
  }

  /**
   * Training settings that suit this scenario for {@code algorithm} ({@code ppo}, {@code bc},
   * {@code dagger}), under a run config's and {@code --set}'s: none by default.
   */
  default TrainingDefaults trainingDefaults(String algorithm) {
    return TrainingDefaults.NONE;
  }

  /**
   * Training settings a scenario asks of an algorithm.
   *
   * @param steps the budget when a run names none (0: the algorithm's own)
   * @param settings keys of the algorithm's config section ({@code num_envs}, {@code gamma}) and
   *     their values
   */
  record TrainingDefaults(long steps, Map<String, Object> settings) {
    public static final TrainingDefaults NONE = new TrainingDefaults(0, Map.of());

    public TrainingDefaults {
      if (steps < 0) {
        throw new IllegalArgumentException("a default budget cannot be negative, got " + steps);
      }
      // in key order: a run config written from them reads the same every time
      settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
    }
  }
}
