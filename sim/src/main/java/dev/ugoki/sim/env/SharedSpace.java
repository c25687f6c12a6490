package dev.ugoki.sim.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One observation and action layout shared by several bodies and tasks, so that one network can
 * drive them all: the foundation policy's interface. The shared observation holds a one-hot task
 * descriptor ({@code task.race}, {@code task.navigate}, ...) and then the union of every task's
 * channels, matched <em>by name</em>: channels with the same name share a slot (the car's and the
 * robot's {@code lidar.00}, the robot's and the arm's {@code goal.dist}); a task leaves the slots
 * it lacks at 0. Actions are the union of the tasks' action channels by name; a task reads its own
 * and ignores the rest.
 *
 * <p>This wrapper presents one task's environment in a shared layout. Its bounds are the union of
 * the tasks' bounds for each name.
 */
public final class SharedSpace extends EnvWrapper {
  /** The prefix of the task descriptor's channels. */
  public static final String TASK_PREFIX = "task.";

  private final Spec observationSpec;
  private final Spec actionSpec;
  private final int[] obsSlot;
  private final int[] actSlot;
  private final int taskSlot;

  /**
   * @param env one task's environment
   * @param task its task name ({@code env.unwrapped().name()} for a registered scenario)
   * @param observationSpec the shared observation layout
   * @param actionSpec the shared action layout
   * @throws IllegalArgumentException naming the channels the layout lacks
   */
  public SharedSpace(Env env, String task, Spec observationSpec, Spec actionSpec) {
    super(env);
    this.observationSpec = observationSpec;
    this.actionSpec = actionSpec;
    List<String> missing = new ArrayList<>();
    this.taskSlot = observationSpec.names().indexOf(TASK_PREFIX + task);
    if (taskSlot < 0) {
      missing.add("observation " + TASK_PREFIX + task);
    }
    this.obsSlot = slots(env.observationSpec(), observationSpec, "observation", missing);
    this.actSlot = slots(env.actionSpec(), actionSpec, "action", missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the shared layout has no channel for " + task + "'s " + String.join(", ", missing));
    }
  }

  private static int[] slots(Spec own, Spec shared, String what, List<String> missing) {
    int[] slot = new int[own.size()];
    for (int i = 0; i < own.size(); i++) {
      slot[i] = shared.names().indexOf(own.name(i));
      if (slot[i] < 0) {
        missing.add(what + " " + own.name(i));
      }
    }
    return slot;
  }

  /**
   * The shared layout of several tasks: {observation spec, action spec}, the task descriptor first,
   * then every channel by name in the order the tasks list them.
   *
   * @param tasks task name to its environment, in order
   */
  public static Spec[] union(Map<String, Env> tasks) {
    Map<String, float[]> obs = new LinkedHashMap<>();
    for (String task : tasks.keySet()) {
      obs.put(TASK_PREFIX + task, new float[] {0, 1});
    }
    Map<String, float[]> act = new LinkedHashMap<>();
    for (Env env : tasks.values()) {
      merge(obs, env.observationSpec());
      merge(act, env.actionSpec());
    }
    return new Spec[] {spec(obs), spec(act)};
  }

  private static void merge(Map<String, float[]> into, Spec s) {
    for (int i = 0; i < s.size(); i++) {
      float[] b = into.get(s.name(i));
      if (b == null) {
        into.put(s.name(i), new float[] {s.low(i), s.high(i)});
      } else {
        b[0] = Math.min(b[0], s.low(i));
        b[1] = Math.max(b[1], s.high(i));
      }
    }
  }

  private static Spec spec(Map<String, float[]> m) {
    float[] low = new float[m.size()];
    float[] high = new float[m.size()];
    int i = 0;
    for (float[] b : m.values()) {
      low[i] = b[0];
      high[i++] = b[1];
    }
    return new Spec(new ArrayList<>(m.keySet()), low, high);
  }

  /** Its own observation written into the shared layout. */
  public float[] toShared(float[] own) {
    float[] out = new float[observationSpec.size()];
    out[taskSlot] = 1;
    for (int i = 0; i < own.length; i++) {
      out[obsSlot[i]] = own[i];
    }
    return out;
  }

  /** Its own action taken from a shared one. */
  public float[] fromShared(float[] shared) {
    float[] own = new float[actSlot.length];
    for (int i = 0; i < own.length; i++) {
      own[i] = shared[actSlot[i]];
    }
    return own;
  }

  /** Its own action written into the shared layout (zeros elsewhere): how an expert's is shared. */
  public float[] actionToShared(float[] own) {
    float[] out = new float[actionSpec.size()];
    for (int i = 0; i < own.length; i++) {
      out[actSlot[i]] = own[i];
    }
    return out;
  }

  @Override
  public Spec observationSpec() {
    return observationSpec;
  }

  @Override
  public Spec actionSpec() {
    return actionSpec;
  }

  /** The task's expert, its actions written into the shared layout. */
  @Override
  public Expert expert() {
    Expert own = env.expert();
    return () -> actionToShared(own.act());
  }

  @Override
  public float[] reset(long seed) {
    return toShared(env.reset(seed));
  }

  @Override
  public StepResult step(float[] action) {
    actionSpec.checkAction(action);
    StepResult r = env.step(fromShared(action));
    return new StepResult(
        toShared(r.observation()), r.reward(), r.terminated(), r.truncated(), r.info());
  }
}
