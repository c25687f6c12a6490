package dev.ugoki.core.cli;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Setting;
import dev.ugoki.sim.registry.Scenarios;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that pick a scenario and override its configuration, shared by subcommands. */
public final class ScenarioOptions {

  @Option(
      names = "--scenario",
      description =
          "Scenario name (default: race; with --policy, the policy's own); "
              + "`./ugoki scenarios` lists them.")
  String scenario;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a scenario config key, e.g. --set lidar.rays=64 (repeatable).")
  List<String> overrides = List.of();

  /** The resolved configuration of the chosen scenario (the default one when none is given). */
  public Config config() {
    return config(Scenarios.DEFAULT, Map.of());
  }

  /**
   * The resolved configuration: the chosen scenario, or {@code fallback} when none is given; when
   * that is the fallback, {@code base} first (a policy's own config), then the --set overrides.
   * Throws with a clear message for a bad key or value.
   */
  public Config config(String fallback, Map<String, ?> base) {
    String name = scenario == null ? fallback : scenario;
    return Scenarios.config(name, Setting.over(name.equals(fallback) ? base : Map.of(), overrides));
  }
}
