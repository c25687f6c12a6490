package dev.ugoki.sim.registry;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.ActionRepeat;
import dev.ugoki.sim.env.DomainRandomization;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.ObservationHistory;
import dev.ugoki.sim.env.ObservationNoise;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.TimeLimit;
import dev.ugoki.sim.expert.NavigateExpert;
import dev.ugoki.sim.expert.PurePursuit;
import dev.ugoki.sim.expert.ReachExpert;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.MultiTaskScenario;
import dev.ugoki.sim.scenario.NavigateConfig;
import dev.ugoki.sim.scenario.NavigateScenario;
import dev.ugoki.sim.scenario.RaceConfig;
import dev.ugoki.sim.scenario.RaceScenario;
import dev.ugoki.sim.scenario.ReachConfig;
import dev.ugoki.sim.scenario.ReachScenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry: makes a scenario by name with configuration overrides, wrapped in the observation
 * noise, action repeat, domain randomization and time limit its configuration asks for (Gymnasium's
 * {@code make}). Each scenario is registered with its expert: the registry hands a scenario the
 * factory of its expert, so that a scenario never imports the controller that solves it.
 */
public final class Scenarios {

  /** A registered scenario: its name, its configuration keys and how to build it. */
  public record Entry(String name, List<Param> params, Function<Config, Scenario> factory) {}

  private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

  static {
    register(
        new Entry(
            RaceScenario.NAME, RaceConfig.PARAMS, c -> new RaceScenario(c, PurePursuit::new)));
    register(
        new Entry(
            NavigateScenario.NAME,
            NavigateConfig.PARAMS,
            c -> new NavigateScenario(c, NavigateExpert::new)));
    register(
        new Entry(
            ReachScenario.NAME, ReachConfig.PARAMS, c -> new ReachScenario(c, ReachExpert::new)));
    Map<String, List<Param>> tasks = new LinkedHashMap<>();
    REGISTRY.values().forEach(e -> tasks.put(e.name(), e.params()));
    register(
        new Entry(
            MultiTaskScenario.NAME,
            MultiTaskScenario.params(tasks),
            c -> new MultiTaskScenario(c, List.copyOf(tasks.keySet()), Scenarios::make)));
  }

  private Scenarios() {}

  private static void register(Entry e) {
    REGISTRY.put(e.name(), e);
  }

  /** Registered names, in registration order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  public static Entry entry(String name) {
    Entry e = REGISTRY.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown scenario '"
              + name
              + "'; known scenarios: "
              + String.join(", ", REGISTRY.keySet()));
    }
    return e;
  }

  /** The defaults of a scenario with the given overrides applied and checked. */
  public static Config config(String name, Map<String, ?> overrides) {
    Entry e = entry(name);
    return Config.defaults(e.name(), e.params()).with(overrides);
  }

  /** A scenario with its wrappers, from a resolved configuration. */
  public static Env make(Config config) {
    Scenario scenario = entry(config.owner()).factory().apply(config);
    Env env = scenario;
    if (config.real(CommonParams.OBS_NOISE) > 0) {
      env = new ObservationNoise(env, config.real(CommonParams.OBS_NOISE));
    }
    if (config.integer(CommonParams.ACTION_REPEAT) > 1) {
      env = new ActionRepeat(env, config.integer(CommonParams.ACTION_REPEAT));
    }
    // outside the action repeat, so that its delay counts policy steps
    int delay = config.integer(CommonParams.DR_ACTION_DELAY);
    double gain = config.real(CommonParams.DR_ACTUATOR_GAIN);
    double noise = config.real(CommonParams.DR_SENSOR_NOISE);
    if (delay > 0 || gain > 0 || noise > 0) {
      env = new DomainRandomization(env, delay, gain, noise);
    }
    // outside the domain randomization: the history holds the actions the policy chose
    if (config.integer(CommonParams.HISTORY_STEPS) > 0) {
      env = new ObservationHistory(env, config.integer(CommonParams.HISTORY_STEPS));
    }
    return new TimeLimit(env, config.integer(CommonParams.MAX_STEPS));
  }

  /** A scenario with its wrappers, from the defaults and overrides. */
  public static Env make(String name, Map<String, ?> overrides) {
    return make(config(name, overrides));
  }

  public static Env make(String name) {
    return make(name, Map.of());
  }
}
