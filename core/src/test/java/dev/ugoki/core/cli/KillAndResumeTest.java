package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real training process ({@code kill -9}) at seeded random moments, then resumes what it
 * left: every run folder must resume, leave no temporary file behind, and hold only policy files
 * that load. {@code -Dugoki.kills=N} sets how many (default 12; the README's figure is a larger
 * sweep).
 */
class KillAndResumeTest extends CliTest {
  private static final String[] RUN = {
    "--steps",
    "65536",
    "--set",
    "ppo.num_envs=4",
    "--set",
    "ppo.num_steps=128",
    "--set",
    "ppo.update_epochs=1",
    "--set",
    "ppo.hidden=16",
    "--set",
    "max_steps=200",
    "--eval-seeds",
    "1-2",
    "--target-success",
    "0",
    // a checkpoint after every update: many writes to be killed in
    "--checkpoint-every",
    "0.001"
  };

  @Test
  void everyKilledRunResumesAndItsFilesLoad(@TempDir Path tmp) throws Exception {
    int kills = Integer.getInteger("ugoki.kills", 12);
    SplittableRandom random = new SplittableRandom(2026);
    Map<String, Integer> moments = new TreeMap<>();
    for (int k = 0; k < kills; k++) {
      Path runs = tmp.resolve("kill-" + k);
      long delayMs = 200 + random.nextLong(4000);
      String moment = killAfter(runs, delayMs);
      moments.merge(moment, 1, Integer::sum);
      Path dir = onlyRunFolder(runs);
      if (dir == null) {
        // killed before the folder was renamed into place: nothing to resume, nothing left
        assertThat(moment).isEqualTo("before the run folder");
        continue;
      }
      err.getBuffer().setLength(0);
      assertThat(run("train", "--resume", dir.toString(), "--steps", "69632"))
          .as("kill %d after %d ms (%s): %s", k, delayMs, moment, err)
          .isZero();
      assertThat(temporaryFiles(dir)).as("kill %d: temporary files", k).isEmpty();
      for (Path zip : policyFiles(dir)) {
        PolicyFile.load(zip); // throws if it does not load
      }
      assertThat(PolicyFile.load(dir.resolve("policy.zip")).meta().steps()).isEqualTo(69632);
    }
    System.out.println("kill moments: " + moments);
    assertThat(moments.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(kills);
  }

  /** Starts a training process, kills it after {@code delayMs}, and says what it interrupted. */
  private static String killAfter(Path runs, long delayMs) throws Exception {
    Process p = training(runs);
    boolean ended = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
    String moment;
    if (ended) {
      moment = "after the end";
    } else {
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
      Path dir = onlyRunFolder(runs);
      if (dir == null) {
        moment = "before the run folder";
      } else if (!temporaryFiles(dir).isEmpty()) {
        moment = "during a write";
      } else if (policyFiles(dir).isEmpty()) {
        moment = "before the first checkpoint";
      } else {
        moment = "between writes";
      }
    }
    return moment;
  }

  /**
   * A training process on the test's small run, writing under {@code runs} (its output in {@code
   * runs/process.log}), started as the launcher starts one.
   */
  static Process training(Path runs) throws IOException {
    return training(runs, RUN[1]);
  }

  /** As {@link #training(Path)}, with a budget of {@code steps} in place of the run's own. */
  static Process training(Path runs, String steps) throws IOException {
    Files.createDirectories(runs);
    return ugoki(runs.resolve("process.log"), trainArgs(runs, steps));
  }

  /** The arguments of a small run into {@code runs}, with a budget of {@code steps}. */
  static List<String> trainArgs(Path runs, String steps) {
    List<String> args = new ArrayList<>(List.of("train", "--out", runs.toString()));
    args.addAll(List.of(RUN));
    args.set(args.indexOf("--steps") + 1, steps);
    return args;
  }

  /**
   * {@code ./ugoki ARGS} as its own process, as the launcher starts one; its output to {@code log}.
   */
  static Process ugoki(Path log, List<String> args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static Path onlyRunFolder(Path runs) throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory)
          .filter(d -> !d.getFileName().toString().startsWith("."))
          .findFirst()
          .orElse(null);
    }
  }

  static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static List<Path> policyFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
    }
  }
}
