package dev.ugoki.core.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.Mappers;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Setting;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that defines a training run, resolved and checked: the scenario and its config, the
 * algorithm and its config, the seed, the step budget and the evaluation seeds. Read from a YAML
 * file and {@code --set} overrides, and written back whole as the run folder's {@code config.yaml},
 * which {@code --resume} reads.
 *
 * <pre>
 * scenario: race            # a registered scenario
 * algo: ppo                 # ppo, bc or dagger
 * seed: 1
 * steps: 2000000            # environment steps to train for
 * eval_seeds: 1-50          # evaluated after training, never trained on
 * from: runs/.../policy.zip # optional: start from this policy (fine-tuning)
 * demos: recordings.jsonl   # optional, bc: clone these demonstrations (one file or a list)
 * checkpoint_every: 30      # seconds between checkpoints
 * scenario_config: {lidar.rays: 32, ...}
 * algo_config: {learning_rate: 0.0003, ...}
 * </pre>
 */
public record RunConfig(
    String scenario,
    String algo,
    long seed,
    long steps,
    SeedRange evalSeeds,
    Config scenarioConfig,
    Config algoConfig,
    Path from,
    List<Path> demos,
    double checkpointEverySeconds) {

  private static final Set<String> KEYS =
      Set.of(
          "scenario",
          "algo",
          "seed",
          "steps",
          "eval_seeds",
          "scenario_config",
          "algo_config",
          "from",
          "demos",
          "checkpoint_every");

  /** Seconds between checkpoints unless a run says otherwise. */
  public static final double CHECKPOINT_EVERY_S = 30;

  /** The largest PPO budget: 10^10 environment steps (days on a laptop). */
  public static final long MAX_STEPS = 10_000_000_000L;

  /** The largest imitation budget: labeled steps are held in memory, about 300 bytes each. */
  public static final long MAX_LABELED_STEPS = 2_000_000;

  /** The largest config or sweep file read: far more than any run's keys take. */
  public static final int MAX_CONFIG_BYTES = 1 << 20;

  public RunConfig {
    checkBudget(Algorithm.of(algo), steps);
    demos = List.copyOf(demos);
    if (!(checkpointEverySeconds > 0) || Double.isInfinite(checkpointEverySeconds)) {
      throw new IllegalArgumentException(
          "checkpoints must come every positive number of seconds, not " + checkpointEverySeconds);
    }
  }

  private static void checkBudget(Algorithm algo, long steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("the step budget must be positive, was " + steps);
    }
    if (steps > algo.maxSteps()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the step budget %,d is more than %s takes (at most %,d steps)",
              steps,
              algo.id(),
              algo.maxSteps()));
    }
  }

  /** The same run with another step budget (a resume that trains on). */
  public RunConfig withSteps(long newSteps) {
    return new RunConfig(
        scenario,
        algo,
        seed,
        newSteps,
        evalSeeds,
        scenarioConfig,
        algoConfig,
        from,
        demos,
        checkpointEverySeconds);
  }

  /** The same run with another algorithm config (a fine-tune takes its policy's network size). */
  RunConfig withAlgoConfig(Config c) {
    return new RunConfig(
        scenario,
        algo,
        seed,
        steps,
        evalSeeds,
        scenarioConfig,
        c,
        from,
        demos,
        checkpointEverySeconds);
  }

  /**
   * Resolves a run from an optional YAML file, the choices of the command line or the window (each
   * one over the file's) and {@code --set} overrides: {@code ALGO.key=value} goes to the algorithm,
   * any other key to the scenario. Checks every key, value and budget; reads no other file.
   */
  public static RunConfig resolve(RunRequest r) {
    Path yaml = r.config();
    Map<String, Object> file = yaml == null ? Map.of() : readYaml(yaml);
    for (String k : file.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            yaml
                + ": unknown key '"
                + k
                + "'; known keys: "
                + String.join(", ", new TreeSet<>(KEYS)));
      }
    }
    String sc = r.scenario() != null ? r.scenario() : text(file, "scenario", Scenarios.DEFAULT);
    Algorithm algo = Algorithm.of(r.algo() != null ? r.algo() : text(file, "algo", "ppo"));
    String al = algo.id();
    long sd = r.seed() != null ? r.seed() : number(file, "seed", 1);
    if (r.steps() != null && r.steps() <= 0) {
      throw new IllegalArgumentException("--steps must be positive, was " + r.steps());
    }
    long st = r.steps() != null ? r.steps() : number(file, "steps", algo.defaultSteps(sc));
    SeedRange ev =
        r.evalSeeds() != null
            ? r.evalSeeds()
            : file.containsKey("eval_seeds")
                ? seedRange(file.get("eval_seeds"))
                : new SeedRange(1, 50);
    Map<String, Object> scenarioOverrides = new LinkedHashMap<>(section(file, "scenario_config"));
    Map<String, Object> algoOverrides = new LinkedHashMap<>(algo.scenarioDefaults(sc));
    algoOverrides.putAll(section(file, "algo_config"));
    for (String kv : r.sets()) {
      Setting set = Setting.parse("--set", kv);
      if (set.key().startsWith(al + ".")) {
        algoOverrides.put(set.key().substring(al.length() + 1), set.value());
      } else {
        scenarioOverrides.put(set.key(), set.value());
      }
    }
    if (r.targetSuccess() != null) {
      if (algo != Algorithm.PPO) {
        throw new IllegalArgumentException(
            "--target-success stops PPO runs early; "
                + al
                + " trains a fixed number of labeled steps");
      }
      algoOverrides.put(PpoConfig.TARGET_SUCCESS.key(), r.targetSuccess());
    }
    Config scenarioConfig = Scenarios.config(sc, scenarioOverrides);
    // checks across keys (wheels wider than the body, no task with a weight) before any folder
    Scenarios.make(scenarioConfig);
    Config algoConfig = Config.defaults(al, algo.params()).with(algoOverrides);
    checkBudget(algo, st);
    if (algo == Algorithm.PPO) {
      checkPpo(PpoConfig.from(algoConfig), st, ev);
    }
    Path fromFile = path(file, "from");
    Path from =
        r.from() != null ? r.from() : fromFile == null ? null : Zoo.resolve(fromFile.toString());
    List<Path> demos = !r.demos().isEmpty() ? r.demos() : paths(file, "demos");
    if (!demos.isEmpty() && algo != Algorithm.BC) {
      throw new IllegalArgumentException("demos are for algo bc, not " + al);
    }
    double every;
    String everyName;
    if (r.checkpointEverySeconds() != null) {
      every = r.checkpointEverySeconds();
      everyName = "--checkpoint-every";
    } else if (file.getOrDefault("checkpoint_every", CHECKPOINT_EVERY_S) instanceof Number n) {
      every = n.doubleValue();
      everyName = "config key 'checkpoint_every'";
    } else {
      throw new IllegalArgumentException(
          "config key 'checkpoint_every' must be a number of seconds, was "
              + file.get("checkpoint_every"));
    }
    if (!(every > 0) || Double.isInfinite(every)) {
      throw new IllegalArgumentException(
          everyName + " must be a positive number of seconds, was " + every);
    }
    return new RunConfig(sc, al, sd, st, ev, scenarioConfig, algoConfig, from, demos, every);
  }

  /**
   * PPO's checks across keys: updates that fit an int, evaluation seeds apart from validation's.
   */
  private static void checkPpo(PpoConfig pc, long steps, SeedRange ev) {
    if ((steps + pc.batchSize() - 1) / pc.batchSize() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%,d steps in rollouts of %,d are more than %,d updates",
              steps,
              pc.batchSize(),
              Integer.MAX_VALUE));
    }
    if (pc.targetSuccess() > 0
        && ev.last() >= PpoConfig.VALIDATION_FIRST_SEED
        && ev.first() <= pc.validationLastSeed()) {
      throw new IllegalArgumentException(
          "evaluation seeds "
              + ev
              + " overlap the validation seeds "
              + PpoConfig.VALIDATION_FIRST_SEED
              + "-"
              + pc.validationLastSeed()
              + " that stop training early; choose others, or set ppo.target_success=0");
    }
  }

  /**
   * Reads a run folder's config.yaml back. A PPO run written before the early stop existed (its
   * algorithm section, always written whole, has no {@code target_success}) goes on as it was
   * configured: without one.
   */
  public static RunConfig read(Path yaml) {
    Map<String, Object> file = readYaml(yaml);
    boolean beforeEarlyStop =
        "ppo".equals(file.getOrDefault("algo", "ppo"))
            && !section(file, "algo_config").isEmpty()
            && !section(file, "algo_config").containsKey(PpoConfig.TARGET_SUCCESS.key());
    return resolve(
        new RunRequest(
            yaml,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            List.of(),
            beforeEarlyStop ? 0.0 : null,
            null));
  }

  public void write(Path yaml) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", scenario);
    doc.put("algo", algo);
    doc.put("seed", seed);
    doc.put("steps", steps);
    doc.put("eval_seeds", evalSeeds.toString());
    doc.put("scenario_config", scenarioConfig.asMap());
    doc.put("algo_config", algoConfig.asMap());
    if (from != null) {
      doc.put("from", from.toString());
    }
    if (demos.size() == 1) {
      doc.put("demos", demos.get(0).toString());
    } else if (!demos.isEmpty()) {
      doc.put("demos", demos.stream().map(Path::toString).toList());
    }
    doc.put("checkpoint_every", checkpointEverySeconds);
    AtomicFiles.write(yaml, Mappers.YAML.writeValueAsBytes(doc));
  }

  private static Map<String, Object> readYaml(Path yaml) {
    try {
      Map<String, Object> m =
          Mappers.YAML.readValue(
              AtomicFiles.readSmall(yaml, MAX_CONFIG_BYTES), new TypeReference<>() {});
      return m == null ? Map.of() : m;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config file " + yaml + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "config file "
              + yaml
              + " is not valid YAML: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> file, String key) {
    Object o = file.get(key);
    if (o == null) {
      return Map.of();
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a mapping");
    }
    return (Map<String, Object>) o;
  }

  private static Path path(Map<String, Object> file, String key) {
    Object o = file.get(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof String t)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a file name, was " + o);
    }
    return Path.of(t);
  }

  /** One file name or a list of them. */
  private static List<Path> paths(Map<String, Object> file, String key) {
    Object o = file.get(key);
    if (!(o instanceof List<?> list)) {
      Path one = path(file, key);
      return one == null ? List.of() : List.of(one);
    }
    List<Path> out = new ArrayList<>();
    for (Object e : list) {
      if (!(e instanceof String t)) {
        throw new IllegalArgumentException(
            "config key '" + key + "' must list file names, one was " + e);
      }
      out.add(Path.of(t));
    }
    return out;
  }

  private static SeedRange seedRange(Object o) {
    try {
      return SeedRange.parse(String.valueOf(o));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("config key 'eval_seeds': " + e.getMessage());
    }
  }

  private static String text(Map<String, Object> file, String key, String def) {
    Object o = file.getOrDefault(key, def);
    if (!(o instanceof String t)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a name, was " + o);
    }
    return t;
  }

  private static long number(Map<String, Object> file, String key, long def) {
    Object o = file.get(key);
    if (o == null) {
      return def;
    }
    if (o instanceof Integer || o instanceof Long) {
      return ((Number) o).longValue();
    }
    // 2e6 is an integer too, as long as a double holds it exactly; 1e400 and 10^23 are not
    if (o instanceof Number n
        && Double.isFinite(n.doubleValue())
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= (double) (1L << 53)
        && !(o instanceof java.math.BigInteger)) {
      return (long) n.doubleValue();
    }
    throw new IllegalArgumentException(
        "config key '" + key + "' must be an integer of at most " + "2^53, was " + o);
  }
}
