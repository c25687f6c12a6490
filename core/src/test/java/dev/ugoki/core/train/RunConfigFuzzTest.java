package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded hostile run configs: known and unknown keys with values of every type, extreme and
 * non-finite numbers, deep nesting, anchors. Resolving either gives a run within the stated limits
 * or refuses in one line; nothing else escapes, in bounded time.
 */
class RunConfigFuzzTest {
  @TempDir Path dir;

  private static final String[] KEYS = {
    "scenario",
    "algo",
    "seed",
    "steps",
    "eval_seeds",
    "from",
    "checkpoint_every",
    "scenario_config",
    "algo_config",
    "bogus"
  };
  private static final String[] SCENARIO_KEYS = {
    "lidar.rays", "max_steps", "dt", "car.max_speed", "track.seed", "nonsense", "race.laps"
  };
  private static final String[] ALGO_KEYS = {
    "num_envs",
    "num_steps",
    "learning_rate",
    "hidden",
    "layers",
    "target_success",
    "num_minibatches",
    "validation_episodes",
    "what"
  };
  private static final String[] VALUES = {
    "1",
    "0",
    "-1",
    "1e400",
    "-.inf",
    ".nan",
    "2e6",
    "99999999999999999999999",
    "9223372036854775807",
    "0.5",
    "64.7",
    "'text'",
    "race",
    "navigate",
    "ppo",
    "bc",
    "true",
    "null",
    "[]",
    "{}",
    "[1, 2]",
    "1-50",
    "1-1000000",
    "9223372036854775806-9223372036854775807",
    "\"" + "x".repeat(5000) + "\""
  };

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void hostileConfigsResolveWithinLimitsOrAreRefusedInOneLine(int seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder yaml = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
      String key = KEYS[r.nextInt(KEYS.length)];
      if (key.endsWith("_config")) {
        yaml.append(key).append(":\n");
        String[] keys = key.startsWith("scenario") ? SCENARIO_KEYS : ALGO_KEYS;
        for (int j = 0, m = 1 + r.nextInt(4); j < m; j++) {
          yaml.append("  ")
              .append(keys[r.nextInt(keys.length)])
              .append(": ")
              .append(VALUES[r.nextInt(VALUES.length)])
              .append('\n');
        }
      } else if (r.nextInt(10) == 0) {
        yaml.append(key).append(": ").append("[".repeat(500)).append("]".repeat(500)).append('\n');
      } else {
        yaml.append(key).append(": ").append(VALUES[r.nextInt(VALUES.length)]).append('\n');
      }
    }
    Path f = dir.resolve("run-" + seed + ".yaml");
    Files.writeString(f, yaml);
    long t0 = System.nanoTime();
    try {
      RunConfig run = RunConfig.resolve(RunRequest.of(f, null, null, null, null, null, List.of()));
      long max = run.algo().equals("ppo") ? RunConfig.MAX_STEPS : RunConfig.MAX_LABELED_STEPS;
      assertThat(run.steps()).isBetween(1L, max);
      assertThat(run.evalSeeds().count()).isBetween(1L, 100_000L);
      assertThat(run.checkpointEverySeconds()).isPositive().isFinite();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as(yaml.toString()).doesNotContain("\n");
    } catch (RuntimeException e) {
      fail("seed " + seed + " (" + yaml + "): " + e, e);
    }
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
  }
}
