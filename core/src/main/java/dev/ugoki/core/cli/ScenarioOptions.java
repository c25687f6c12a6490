package dev.ugoki.core.cli;

import dev.ugoki.sim.scenario.Config;
import dev.ugoki.sim.scenario.Scenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that pick a scenario and override its configuration, shared by subcommands. */
public final class ScenarioOptions {

  @Option(names = "--scenario", defaultValue = "race",
      description = "Scenario name (default: ${DEFAULT-VALUE}); `./ugoki scenarios` lists them.")
  String scenario;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a scenario config key, e.g. --set lidar.rays=64 (repeatable).")
  List<String> overrides = List.of();

  /** The resolved configuration; throws with a clear message for a bad key or value. */
  public Config config() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + kv + "'");
      }
      map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    return Scenarios.config(scenario, map);
  }
}
