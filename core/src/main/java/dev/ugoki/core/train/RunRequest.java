package dev.ugoki.core.train;

import dev.ugoki.core.eval.SeedRange;
import java.nio.file.Path;
import java.util.List;

/**
 * What a person asks for when starting a run: a YAML file and the choices of the command line or
 * the window, null (or empty) where not given. {@link RunPlan#resolve} turns it into a checked run.
 *
 * @param config a run config in YAML, or null for the defaults
 * @param sets {@code KEY=VALUE} overrides: {@code ALGO.key} for the algorithm, any other key for
 *     the scenario
 * @param from a policy to fine-tune (overrides the file's {@code from})
 * @param demos demonstration files to clone, bc only (override the file's {@code demos})
 * @param targetSuccess PPO's early-stop target (the same as {@code ppo.target_success})
 * @param checkpointEverySeconds seconds between checkpoints
 */
public record RunRequest(
    Path config,
    String scenario,
    String algo,
    Long seed,
    Long steps,
    SeedRange evalSeeds,
    List<String> sets,
    Path from,
    List<Path> demos,
    Double targetSuccess,
    Double checkpointEverySeconds) {

  public RunRequest {
    sets = List.copyOf(sets);
    demos = List.copyOf(demos);
  }

  /** A run without starting files and with the default checkpoint schedule. */
  public static RunRequest of(
      Path config,
      String scenario,
      String algo,
      Long seed,
      Long steps,
      SeedRange evalSeeds,
      List<String> sets) {
    return new RunRequest(
        config, scenario, algo, seed, steps, evalSeeds, sets, null, List.of(), null, null);
  }

  /** Only a scenario, an algorithm and overrides: the rest as the defaults have it. */
  public static RunRequest of(String scenario, String algo, List<String> sets) {
    return new RunRequest(
        null, scenario, algo, null, null, null, sets, null, List.of(), null, null);
  }
}
