package dev.ugoki.sim.config;

/**
 * One {@code KEY=VALUE} override as the command line and the window take it ({@code --set
 * lidar.rays=64}, {@code --train-set ppo.num_envs=8}): the one place such text is split. The value
 * stays text; the {@link Config} it goes to parses and checks it.
 */
public record Setting(String key, String value) {

  /**
   * Splits {@code kv} at its first {@code =}, trimming both sides.
   *
   * @param option the option it came with, for the message
   * @throws IllegalArgumentException when there is no key before an {@code =}
   */
  public static Setting parse(String option, String kv) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " expects KEY=VALUE, got '" + kv + "'");
    }
    return new Setting(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
  }

  /** {@code base} with each {@code --set KEY=VALUE} of {@code sets} over it, in order. */
  public static java.util.Map<String, Object> over(
      java.util.Map<String, ?> base, java.util.List<String> sets) {
    java.util.Map<String, Object> map = new java.util.LinkedHashMap<>(base);
    for (String kv : sets) {
      Setting s = parse("--set", kv);
      map.put(s.key(), s.value());
    }
    return map;
  }
}
