package dev.ugoki.sim.scenario.multitask;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.SharedSpace;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.TaskKeys;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scene.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Every other scenario behind one {@link SharedSpace shared observation and action layout}: each
 * episode's seed picks a task ({@code race}, {@code navigate} or {@code reach}) in proportion to
 * its {@code weight.TASK}, and the episode is that task's, in the shared layout. What a foundation
 * policy is pretrained on: one network, three bodies.
 *
 * <h2>Action and observation spaces</h2>
 *
 * The union of the tasks' channels by name, the observation led by a one-hot task descriptor {@code
 * task.race}, {@code task.navigate}, {@code task.reach} (see {@link SharedSpace}).
 *
 * <h2>Rewards, starting state, episode end</h2>
 *
 * The chosen task's, with its own time limit. Every key of a task's configuration is here as {@code
 * TASK/KEY} ({@code race/car.wheelbase}, {@code navigate/robot.radius}); {@code dt} is passed to
 * every task.
 *
 * <h2>Version history</h2>
 *
 * <ul>
 *   <li>v1: race v1, navigate v3 and reach v1.
 * </ul>
 */
public final class MultiTaskScenario implements Scenario {
  public static final String NAME = "multitask";
  public static final int VERSION = 1;

  private final Config config;
  private final List<String> tasks = new ArrayList<>();
  private final List<SharedSpace> envs = new ArrayList<>();
  private final Expert[] experts;
  private final double[] cumulativeWeight;
  private final Spec observationSpec;
  private final Spec actionSpec;
  private int active = -1;

  /**
   * The keys: the common ones (a long time limit, so that each task's own applies), a weight per
   * task, and every task's keys under its name ({@link TaskKeys}).
   */
  public static List<Param> params(Map<String, List<Param>> taskParams) {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 1_000_000));
    for (String task : taskParams.keySet()) {
      p.add(
          Param.real(
              "weight." + task,
              1,
              0,
              1000,
              "share of episodes that are " + task + "'s (relative to the other weights)"));
    }
    for (Map.Entry<String, List<Param>> e : taskParams.entrySet()) {
      for (Param q : e.getValue()) {
        if (!q.key().equals(CommonParams.DT)) {
          p.add(
              new Param(
                  TaskKeys.of(e.getKey(), q.key()),
                  q.type(),
                  q.defaultValue(),
                  q.min(),
                  q.max(),
                  e.getKey() + ": " + q.doc()));
        }
      }
    }
    return List.copyOf(p);
  }

  /**
   * @param taskNames the tasks, in the order of their weights' draw
   * @param make makes a task's environment from its name and its own overrides (the registry's
   *     {@code make})
   */
  public MultiTaskScenario(
      Config config, List<String> taskNames, BiFunction<String, Map<String, ?>, Env> make) {
    if (!NAME.equals(config.owner())) {
      throw new IllegalArgumentException(
          "a " + config.owner() + " config cannot make a " + NAME + " scenario");
    }
    this.config = config;
    Map<String, Env> own = new LinkedHashMap<>();
    List<Double> weights = new ArrayList<>();
    for (String task : taskNames) {
      double w = config.real("weight." + task);
      if (w <= 0) {
        continue;
      }
      Map<String, Object> overrides = new LinkedHashMap<>();
      overrides.put(CommonParams.DT, config.real(CommonParams.DT));
      overrides.putAll(TaskKeys.of(config.asMap(), task));
      own.put(task, make.apply(task, overrides));
      tasks.add(task);
      weights.add(w);
    }
    if (own.isEmpty()) {
      throw new IllegalArgumentException(
          NAME + ": every weight.TASK is 0; give one task a " + "positive weight");
    }
    Spec[] shared = SharedSpace.union(own);
    this.observationSpec = shared[0];
    this.actionSpec = shared[1];
    own.forEach((task, env) -> envs.add(new SharedSpace(env, task, shared[0], shared[1])));
    this.experts = new Expert[envs.size()];
    this.cumulativeWeight = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      sum += weights.get(i);
      cumulativeWeight[i] = sum;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int version() {
    return VERSION;
  }

  @Override
  public Config config() {
    return config;
  }

  /** The tasks with a positive weight, in order. */
  public List<String> tasks() {
    return List.copyOf(tasks);
  }

  /** The task of the current episode, or null before the first reset. */
  public String activeTask() {
    return active < 0 ? null : tasks.get(active);
  }

  /** The current episode's task environment (in the shared layout); null before a reset. */
  public SharedSpace activeEnv() {
    return active < 0 ? null : envs.get(active);
  }

  @Override
  public double dt() {
    return config.real(CommonParams.DT);
  }

  /** The active task's expert, its action written into the shared layout. */
  @Override
  public Expert expert() {
    return () -> {
      if (active < 0) {
        return new float[actionSpec.size()];
      }
      if (experts[active] == null) {
        experts[active] = envs.get(active).expert();
      }
      return experts[active].act();
    };
  }

  @Override
  public Spec observationSpec() {
    return observationSpec;
  }

  @Override
  public Spec actionSpec() {
    return actionSpec;
  }

  @Override
  public float[] reset(long seed) {
    double u =
        new SplittableRandom(seed).nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
    int i = 0;
    while (i < cumulativeWeight.length - 1 && u >= cumulativeWeight[i]) {
      i++;
    }
    active = i;
    return envs.get(active).reset(seed);
  }

  @Override
  public StepResult step(float[] action) {
    if (active < 0) {
      throw new IllegalStateException("step() before reset(): call reset(seed) first");
    }
    return envs.get(active).step(action);
  }

  /** The episode's task's scenario; this one before the first reset. */
  @Override
  public Scenario active() {
    return active < 0 ? this : envs.get(active).unwrapped();
  }

  /** The telemetry of the episode's task (nothing before the first reset). */
  @Override
  public Telemetry telemetry() {
    return active < 0 ? Telemetry.none(NAME) : active().telemetry();
  }

  @Override
  public Scene scene() {
    if (active < 0) {
      throw new IllegalStateException("scene() before reset(): call reset(seed) first");
    }
    return envs.get(active).scene();
  }
}
