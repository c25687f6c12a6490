package dev.ugoki.sim.registry;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.ActionRepeat;
import dev.ugoki.sim.env.DomainRandomization;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.ObservationHistory;
import dev.ugoki.sim.env.ObservationNoise;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.env.TimeLimit;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.multitask.MultiTaskProvider;
import dev.ugoki.sim.scenario.navigate.NavigateProvider;
import dev.ugoki.sim.scenario.push.PushProvider;
import dev.ugoki.sim.scenario.race.RaceProvider;
import dev.ugoki.sim.scenario.race.grandprix.GrandPrixProvider;
import dev.ugoki.sim.scenario.reach.ReachProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The registry: makes a scenario by name with configuration overrides, wrapped in the observation
 * noise, action repeat, domain randomization and time limit its configuration asks for (Gymnasium's
 * {@code make}).
 *
 * <p>It holds the built-in scenarios ({@code race}, {@code navigate}, {@code reach}, and {@code
 * multitask} over those three), every {@link ScenarioProvider} that {@link ServiceLoader} finds on
 * the class path, the providers of plugin jars ({@link Plugins}), and any a program registers
 * itself ({@link #register}). A name is taken once: a provider whose name is taken is refused,
 * naming both.
 */
public final class Scenarios {
  /** The scenario a command runs when none is named. */
  public static final String DEFAULT = "race";

  /** What a registry name looks like: {@code cartpole}, {@code push-t}, {@code my_drone}. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private static final Map<String, ScenarioProvider> REGISTRY = new LinkedHashMap<>();
  private static final Map<String, String> ORIGIN = new LinkedHashMap<>();

  /** Why the class path's providers could not be registered; null when they were. */
  private static final String LOAD_ERROR;

  static {
    List<ScenarioProvider> bodies =
        List.of(new RaceProvider(), new NavigateProvider(), new ReachProvider());
    for (ScenarioProvider p : bodies) {
      add(p, "built in");
    }
    // the foundation's tasks: the built-in bodies only, so that its layout never depends on
    // which plugins are loaded
    add(new MultiTaskProvider(bodies, Scenarios::make), "built in");
    // built in, but not (yet) one of the foundation's tasks: its layout stays the one it learned
    add(new PushProvider(), "built in");
    add(new GrandPrixProvider(), "built in");
    String error = null;
    try {
      // the class path Scenarios came from, and the thread's (a Spark executor puts the
      // application's jars in a loader of its own, below Scenarios' when Ugoki's jars are in
      // the worker's jars/ folder)
      ClassLoader own = Scenarios.class.getClassLoader();
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      for (ClassLoader loader :
          context == null || context == own ? List.of(own) : List.of(own, context)) {
        for (ScenarioProvider p : discover(loader, false)) {
          add(p, origin(p));
        }
      }
    } catch (IllegalArgumentException e) {
      // said on first use, as one line, rather than as an error in this class's initializer
      error = e.getMessage();
    }
    LOAD_ERROR = error;
  }

  private Scenarios() {}

  /**
   * Registers {@code provider} (Gymnasium's {@code register()}), for code that builds its own.
   *
   * @throws IllegalArgumentException when its name is malformed or already taken
   */
  public static synchronized void register(ScenarioProvider provider) {
    loaded();
    add(provider, origin(provider));
  }

  /**
   * Registers every provider that {@code loader} declares itself in its {@code META-INF/services}
   * (its parents' are the class path's, registered at start): how {@link Plugins} adds a plugin's.
   *
   * @return the names registered, in order
   * @throws IllegalArgumentException when a provider cannot be made, or its name is malformed or
   *     taken
   */
  static synchronized List<String> registerOwn(ClassLoader loader) {
    loaded();
    List<String> names = new java.util.ArrayList<>();
    for (ScenarioProvider p : discover(loader, true)) {
      names.add(add(p, origin(p)));
    }
    return names;
  }

  /**
   * The providers {@code loader}'s services files name, each made; with {@code ownOnly}, only the
   * classes {@code loader} itself defines.
   */
  private static List<ScenarioProvider> discover(ClassLoader loader, boolean ownOnly) {
    List<ServiceLoader.Provider<ScenarioProvider>> listed;
    try {
      listed = ServiceLoader.load(ScenarioProvider.class, loader).stream().toList();
    } catch (ServiceConfigurationError e) {
      // a services file names a class that is missing or not a provider
      throw new IllegalArgumentException("a scenario provider cannot be loaded: " + firstLine(e));
    }
    List<ScenarioProvider> made = new java.util.ArrayList<>();
    for (ServiceLoader.Provider<ScenarioProvider> p : listed) {
      if ((ownOnly && p.type().getClassLoader() != loader) || registered(p.type())) {
        continue; // a parent loader's, or one registered already
      }
      try {
        made.add(p.get());
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable why = e.getCause() != null ? e.getCause() : e;
        throw new IllegalArgumentException(
            "scenario provider "
                + p.type().getName()
                + " ("
                + where(p.type())
                + ") failed to start: "
                + firstLine(why));
      }
    }
    return made;
  }

  /** Where a provider comes from, for messages: its jar or classes folder, or its class. */
  private static String origin(ScenarioProvider p) {
    return where(p.getClass());
  }

  private static String where(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return type.getName();
    }
    try {
      return java.nio.file.Path.of(source.getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }

  /** Whether a provider of class {@code type} is registered already. */
  private static boolean registered(Class<?> type) {
    return REGISTRY.values().stream().anyMatch(p -> p.getClass() == type);
  }

  /** A throwable as one line: its class and the first line of its message. */
  private static String firstLine(Throwable t) {
    String s = t.toString();
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Refuses every use of a registry whose class-path providers could not be registered. */
  private static void loaded() {
    if (LOAD_ERROR != null) {
      throw new IllegalArgumentException(LOAD_ERROR);
    }
  }

  /**
   * Registers {@code p} once its name, keys and presentation are there and its name is free.
   *
   * @throws IllegalArgumentException in one line naming the provider and where it came from
   */
  private static String add(ScenarioProvider p, String origin) {
    String name;
    try {
      name = p.name();
      if (p.params() == null || p.presentation() == null) {
        throw new IllegalStateException("its params() or presentation() is null");
      }
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalArgumentException(
          "scenario provider "
              + p.getClass().getName()
              + " ("
              + origin
              + ") cannot say what it is: "
              + firstLine(e));
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "scenario provider "
              + p.getClass().getName()
              + " has the name '"
              + name
              + "': a name is 1 to 32 lower-case letters, digits, '-' or '_', starting with a"
              + " letter");
    }
    if (REGISTRY.containsKey(name)) {
      throw new IllegalArgumentException(
          "scenario '"
              + name
              + "' of "
              + p.getClass().getName()
              + " ("
              + origin
              + ")"
              + " collides with the one of "
              + REGISTRY.get(name).getClass().getName()
              + " ("
              + ORIGIN.get(name)
              + ")");
    }
    REGISTRY.put(name, p);
    ORIGIN.put(name, origin);
    return name;
  }

  /** Registered names, in registration order: the built-in ones first. */
  public static synchronized List<String> names() {
    loaded();
    return List.copyOf(REGISTRY.keySet());
  }

  /**
   * The provider registered as {@code name}.
   *
   * @throws IllegalArgumentException naming the known scenarios, for an unknown name
   */
  public static synchronized ScenarioProvider provider(String name) {
    loaded();
    ScenarioProvider p = REGISTRY.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown scenario '"
              + name
              + "'; known scenarios: "
              + String.join(", ", REGISTRY.keySet())
              + " (a plugin's scenario needs its jar in "
              + Plugins.VARIABLE
              + ")");
    }
    return p;
  }

  /** Where the provider of {@code name} came from: built in, the class path or a plugin jar. */
  public static synchronized String origin(String name) {
    provider(name);
    return ORIGIN.get(name);
  }

  /** What scenario {@code name} says of itself. */
  public static Presentation presentation(String name) {
    return provider(name).presentation();
  }

  /** The configuration keys of scenario {@code name}. */
  public static List<Param> params(String name) {
    return provider(name).params();
  }

  /** The defaults of a scenario with the given overrides applied and checked. */
  public static Config config(String name, Map<String, ?> overrides) {
    ScenarioProvider p = provider(name);
    return Config.defaults(p.name(), p.params()).with(overrides);
  }

  /**
   * The world of several agents of scenario {@code name} with {@code overrides} set (PettingZoo's
   * {@code parallel_env}).
   *
   * @throws IllegalArgumentException for an unknown name or a scenario of one agent
   */
  public static dev.ugoki.sim.env.ParallelEnv parallel(String name, Map<String, ?> overrides) {
    Config c = config(name, overrides);
    return provider(name)
        .parallel(c)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name + " is a scenario of one agent: it has no world of several"));
  }

  /** A scenario with its wrappers, from a resolved configuration. */
  public static Env make(Config config) {
    Env env = made(provider(config.owner()), config);
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

  /** The scenario {@code p} makes of {@code config}, checked to be the one asked for. */
  static Scenario made(ScenarioProvider p, Config config) {
    Scenario scenario = p.make(config);
    if (scenario == null || !scenario.name().equals(config.owner())) {
      // a provider's mistake, said in one line like a user's
      throw new IllegalArgumentException(
          "the provider of '"
              + config.owner()
              + "' ("
              + origin(p)
              + ") made "
              + (scenario == null ? "nothing" : "a '" + scenario.name() + "' scenario"));
    }
    return scenario;
  }

  /** A scenario with its wrappers, from the defaults and overrides. */
  public static Env make(String name, Map<String, ?> overrides) {
    return make(config(name, overrides));
  }

  public static Env make(String name) {
    return make(name, Map.of());
  }
}
