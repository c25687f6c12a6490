package dev.ugoki.sim.env;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a configuration of several tasks names each task's own keys: {@code TASK/KEY} ({@code
 * race/car.wheelbase}, {@code navigate/robot.radius}), as the shared layout's scenario and the
 * policies trained on it record them.
 */
public final class TaskKeys {
  /** Separates a task's name from its configuration key. */
  public static final String SEP = "/";

  private TaskKeys() {}

  /** {@code task}'s key {@code key} in a configuration of several tasks. */
  public static String of(String task, String key) {
    return task + SEP + key;
  }

  /**
   * The keys of {@code task} in {@code config} ({@code task/KEY}), without the prefix, in the
   * config's order: how the task's own scenario is configured. Empty for a config of one task.
   */
  public static Map<String, Object> of(Map<String, ?> config, String task) {
    Map<String, Object> out = new LinkedHashMap<>();
    String prefix = task + SEP;
    config.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }
}
