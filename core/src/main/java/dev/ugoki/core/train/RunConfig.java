package dev.ugoki.core.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * demos: recordings.jsonl   # optional, bc: clone these demonstrations instead of the expert
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
    Path demos,
    double checkpointEverySeconds) {

  public static final List<String> ALGOS = List.of("ppo", "bc", "dagger");
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

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          // a key given twice is a mistake, not "the last one wins"
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The largest PPO budget: 10^10 environment steps (days on a laptop). */
  public static final long MAX_STEPS = 10_000_000_000L;

  /** The largest imitation budget: labeled steps are held in memory, about 300 bytes each. */
  public static final long MAX_LABELED_STEPS = 2_000_000;

  public RunConfig {
    checkBudget(algo, steps);
    if (!(checkpointEverySeconds > 0) || Double.isInfinite(checkpointEverySeconds)) {
      throw new IllegalArgumentException(
          "checkpoints must come every positive number of "
              + "seconds, not "
              + checkpointEverySeconds);
    }
  }

  private static void checkBudget(String algo, long steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("the step budget must be positive, was " + steps);
    }
    long max = algo.equals("ppo") ? MAX_STEPS : MAX_LABELED_STEPS;
    if (steps > max) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "the step budget " + "%,d is more than %s takes (at most %,d steps)",
              steps,
              algo,
              max));
    }
  }

  /** A run that starts from fresh weights. */
  public RunConfig(
      String scenario,
      String algo,
      long seed,
      long steps,
      SeedRange evalSeeds,
      Config scenarioConfig,
      Config algoConfig) {
    this(
        scenario,
        algo,
        seed,
        steps,
        evalSeeds,
        scenarioConfig,
        algoConfig,
        null,
        null,
        CHECKPOINT_EVERY_S);
  }

  /** The same run with another step budget. */
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

  /** The same run starting from the weights of {@code policy} (null: fresh weights). */
  public RunConfig withFrom(Path policy) {
    return new RunConfig(
        scenario,
        algo,
        seed,
        steps,
        evalSeeds,
        scenarioConfig,
        algoConfig,
        policy,
        demos,
        checkpointEverySeconds);
  }

  /** The same run cloning the demonstrations in {@code file} (bc only; null: the expert's). */
  public RunConfig withDemos(Path file) {
    return new RunConfig(
        scenario,
        algo,
        seed,
        steps,
        evalSeeds,
        scenarioConfig,
        algoConfig,
        from,
        file,
        checkpointEverySeconds);
  }

  /** The same run checkpointing every {@code seconds}. */
  public RunConfig withCheckpointEvery(double seconds) {
    return new RunConfig(
        scenario, algo, seed, steps, evalSeeds, scenarioConfig, algoConfig, from, demos, seconds);
  }

  /** The keys of an algorithm's config section. */
  public static List<Param> algoParams(String algo) {
    return switch (algo) {
      case "ppo" -> concat(PpoConfig.PARAMS, Start.PARAMS);
      case "bc", "dagger" -> concat(ImitationConfig.PARAMS, Start.PARAMS);
      default ->
          throw new IllegalArgumentException(
              "unknown algorithm '" + algo + "'; known: " + String.join(", ", ALGOS));
    };
  }

  private static List<Param> concat(List<Param> a, List<Param> b) {
    List<Param> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** Default steps per algorithm: what the README's figures were measured with. */
  public static long defaultSteps(String algo, String scenario) {
    return switch (algo) {
      case "ppo" -> scenario.equals("navigate") ? 3_000_000 : 1_000_000;
      case "bc" -> 32_000;
      default -> 64_000;
    };
  }

  /**
   * Algorithm settings that differ by scenario, under the file's and {@code --set}'s: the robot
   * threads rooms and warehouses, so PPO explores with less action noise than for the car and looks
   * further ahead (episodes run to ~600 policy steps); its validations (100 rooms, about a second
   * each) come every 50k steps. What the README's navigate figures were measured with ({@code
   * configs/navigate-ppo.yaml} spells them out).
   */
  public static Map<String, Object> scenarioAlgoDefaults(String algo, String scenario) {
    if (algo.equals("ppo") && scenario.equals("navigate")) {
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

  /**
   * Resolves a run from an optional YAML file, command-line choices (null where not given) and
   * {@code --set} overrides: {@code ALGO.key=value} goes to the algorithm, any other key to the
   * scenario.
   */
  public static RunConfig resolve(
      Path yaml,
      String scenario,
      String algo,
      Long seed,
      Long steps,
      SeedRange evalSeeds,
      List<String> sets) {
    Map<String, Object> file = yaml == null ? Map.of() : readYaml(yaml);
    for (String k : file.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            yaml
                + ": unknown key '"
                + k
                + "'; known keys: "
                + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    }
    String sc = scenario != null ? scenario : text(file, "scenario", "race");
    String al = algo != null ? algo : text(file, "algo", "ppo");
    algoParams(al);
    long sd = seed != null ? seed : number(file, "seed", 1);
    long st = steps != null ? steps : number(file, "steps", defaultSteps(al, sc));
    SeedRange ev =
        evalSeeds != null
            ? evalSeeds
            : file.containsKey("eval_seeds")
                ? seedRange(file.get("eval_seeds"))
                : new SeedRange(1, 50);
    Map<String, Object> scenarioOverrides = new LinkedHashMap<>(section(file, "scenario_config"));
    Map<String, Object> algoOverrides = new LinkedHashMap<>(scenarioAlgoDefaults(al, sc));
    algoOverrides.putAll(section(file, "algo_config"));
    for (String kv : sets) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      String value = kv.substring(eq + 1).trim();
      if (key.startsWith(al + ".")) {
        algoOverrides.put(key.substring(al.length() + 1), value);
      } else {
        scenarioOverrides.put(key, value);
      }
    }
    Config scenarioConfig = Scenarios.config(sc, scenarioOverrides);
    // checks across keys (wheels wider than the body, no task with a weight) before any folder
    Scenarios.make(scenarioConfig);
    Config algoConfig = Config.defaults(al, algoParams(al)).with(algoOverrides);
    checkBudget(al, st);
    if (al.equals("ppo")) {
      PpoConfig pc = PpoConfig.from(algoConfig); // cross-field checks
      if ((st + pc.batchSize() - 1) / pc.batchSize() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "%,d steps in " + "rollouts of %,d are more than %,d updates",
                st,
                pc.batchSize(),
                Integer.MAX_VALUE));
      }
      if (pc.targetSuccess() > 0
          && ev.last() >= PpoConfig.VALIDATION_FIRST_SEED
          && ev.first() <= pc.validationLastSeed()) {
        throw new IllegalArgumentException(
            "evaluation seeds "
                + ev
                + " overlap the validation "
                + "seeds "
                + PpoConfig.VALIDATION_FIRST_SEED
                + "-"
                + pc.validationLastSeed()
                + " that stop training early; choose others, or set ppo.target_success=0");
      }
    }
    Path from = file.get("from") == null ? null : Path.of(String.valueOf(file.get("from")));
    Object ce = file.getOrDefault("checkpoint_every", CHECKPOINT_EVERY_S);
    if (!(ce instanceof Number n)) {
      throw new IllegalArgumentException(
          "config key 'checkpoint_every' must be a number of " + "seconds, was " + ce);
    }
    Path demoFile = file.get("demos") == null ? null : Path.of(String.valueOf(file.get("demos")));
    if (demoFile != null && !al.equals("bc")) {
      throw new IllegalArgumentException("demos are for algo bc, not " + al);
    }
    return new RunConfig(
        sc, al, sd, st, ev, scenarioConfig, algoConfig, from, demoFile, n.doubleValue());
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
            && !section(file, "algo_config").containsKey("target_success");
    return resolve(
        yaml,
        null,
        null,
        null,
        null,
        null,
        beforeEarlyStop ? List.of("ppo.target_success=0") : List.of());
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
    if (demos != null) {
      doc.put("demos", demos.toString());
    }
    doc.put("checkpoint_every", checkpointEverySeconds);
    dev.ugoki.core.io.AtomicFiles.write(yaml, YAML.writeValueAsBytes(doc));
  }

  private static Map<String, Object> readYaml(Path yaml) {
    try {
      Map<String, Object> m = YAML.readValue(Files.readAllBytes(yaml), new TypeReference<>() {});
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
