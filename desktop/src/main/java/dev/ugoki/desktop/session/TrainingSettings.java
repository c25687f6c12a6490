package dev.ugoki.desktop.session;

import dev.ugoki.core.train.Algorithm;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.sim.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the window's trainings are configured: a run config in YAML as {@code ./ugoki train --config}
 * takes (null: the defaults), {@code --set} overrides ({@code ppo.num_envs=8}), the folder run
 * folders go to, and a policy to fine-tune (null: fresh weights).
 */
public record TrainingSettings(Path configYaml, List<String> sets, Path runsDir, Path from) {
  /** Where runs go unless the settings say otherwise. */
  public static final Path DEFAULT_RUNS_DIR = Path.of("runs");

  public TrainingSettings {
    sets = List.copyOf(sets);
    Objects.requireNonNull(runsDir);
  }

  /** The defaults: no file, no overrides, {@link #DEFAULT_RUNS_DIR}, fresh weights. */
  public static TrainingSettings defaults() {
    return new TrainingSettings(null, List.of(), DEFAULT_RUNS_DIR, null);
  }

  /**
   * The run a training of {@code algo} on {@code scenario} asks for: the YAML file (or the
   * defaults), with the window's scenario keys, then the overrides (keys of the other algorithms,
   * {@code dagger.iterations=2} for a PPO run, are left out), the starting policy, and {@code
   * demos} to clone (bc).
   */
  public RunRequest request(
      String scenario, String algo, Map<String, ?> scenarioKeys, Long seed, List<Path> demos) {
    List<String> all = new ArrayList<>();
    scenarioKeys.forEach((k, v) -> all.add(k + "=" + v));
    for (String kv : sets) {
      String key = Setting.parse("--train-set", kv).key();
      boolean otherAlgo =
          Algorithm.names().stream().anyMatch(a -> !a.equals(algo) && key.startsWith(a + "."));
      if (!otherAlgo) {
        all.add(kv);
      }
    }
    return new RunRequest(
        configYaml, scenario, algo, seed, null, null, all, from, demos, null, null);
  }
}
