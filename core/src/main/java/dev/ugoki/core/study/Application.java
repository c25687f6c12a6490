package dev.ugoki.core.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application a foundation policy was not pretrained on: a registered scenario with changed
 * configuration keys (another body, another sensor or world), the unit of a transfer study.
 *
 * @param name a short name, e.g. {@code long-car}
 * @param scenario the scenario it varies
 * @param overrides the keys it changes
 * @param description one line for people
 */
public record Application(
    String name, String scenario, Map<String, Object> overrides, String description) {
  public Application {
    overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** The held-out applications of the README's study. */
  public static final List<Application> BUILT_IN =
      List.of(
          new Application(
              "long-car",
              "race",
              ordered(
                  "car.wheelbase",
                  3.4,
                  "car.max_steer_deg",
                  22,
                  "car.steer_rate_deg",
                  80,
                  "car.max_accel",
                  4.0),
              "a longer, heavier car that steers less and more slowly (wheelbase 3.4 m, 22 deg, "
                  + "80 deg/s, 4 m/s^2)"),
          new Application(
              "fast-car",
              "race",
              ordered("car.max_speed", 35, "car.max_accel", 9),
              "a sports car: top speed 35 m/s instead of 25, 9 m/s^2 instead of 6"),
          new Application(
              "big-robot",
              "navigate",
              ordered("robot.radius", 0.35, "robot.wheel_separation", 0.6, "robot.max_speed", 0.9),
              "a larger, slower robot (radius 0.35 m, wheels 0.6 m apart, 0.9 m/s)"),
          new Application(
              "long-arm",
              "reach",
              ordered("arm.upper", 1.3, "arm.fore", 0.6, "arm.max_speed", 1.5),
              "an arm with a longer upper link, a shorter forearm and slower joints"));

  /** A built-in application by name. */
  public static Application named(String name) {
    return BUILT_IN.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown application '"
                        + name
                        + "'; known: "
                        + String.join(", ", BUILT_IN.stream().map(Application::name).toList())));
  }

  /** The overrides as {@code --set} strings. */
  public List<String> sets() {
    return overrides.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
