package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded damage to a recorded demonstration file: bytes flipped, cut, lines duplicated or swapped,
 * numbers replaced by extreme, non-finite or mistyped values, deep nesting. Reading either gives
 * finite rows inside their channels' reach, or refuses in one line that names the file; nothing
 * else escapes, and the damaged file is left as it was.
 */
class DemoFileFuzzTest {
  @TempDir static Path dir;
  private static byte[] good;

  @BeforeAll
  static void record() throws Exception {
    Env env = Scenarios.make("race");
    Path file = dir.resolve("good.jsonl");
    try (DemoWriter w = DemoFile.create(file, DemoHeader.of(env, "expert"))) {
      float[] obs = env.reset(3);
      for (int t = 0; t < 40; t++) {
        float[] action = env.unwrapped().expert().act();
        StepResult r = env.step(action);
        w.write(new DemoStep(0, 3, t, obs, action, r.reward(), r.terminated(), r.truncated()));
        obs = r.observation();
      }
    }
    good = Files.readAllBytes(file);
  }

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, 80).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedFilesReadOrAreRefusedInOneLine(int seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = damage(r);
    Path f = dir.resolve("damaged-" + seed + ".jsonl");
    Files.write(f, bytes);
    try {
      Demonstrations d = DemoFile.read(f, Scenarios.make("race"));
      for (float v : d.observations()) {
        assertThat(Float.isFinite(v)).isTrue();
      }
      for (float v : d.actions()) {
        assertThat(v).isBetween(-3f, 3f); // [-1, 1] and a range either side at most
      }
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains(f.toString()).doesNotContain("\n");
    } catch (RuntimeException e) {
      fail("seed " + seed + ": " + e, e);
    }
    assertThat(Files.readAllBytes(f)).as("the file is never changed").isEqualTo(bytes);
  }

  private static byte[] damage(SplittableRandom r) {
    String text = new String(good, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    switch (r.nextInt(6)) {
      case 0 -> { // bit flips
        byte[] b = good.clone();
        for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
      case 1 -> { // cut anywhere
        return java.util.Arrays.copyOf(good, r.nextInt(good.length));
      }
      case 2 -> { // a line duplicated or two swapped
        int a = 1 + r.nextInt(lines.size() - 1);
        int b = 1 + r.nextInt(lines.size() - 1);
        if (r.nextBoolean()) {
          lines.add(b, lines.get(a));
        } else {
          String t = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, t);
        }
      }
      case 3 -> { // a number replaced
        String[] values = {
          "1e400",
          "-1e400",
          "NaN",
          "1e30",
          "-1e30",
          "\"x\"",
          "null",
          "true",
          "[]",
          "{}",
          "99999999999999999999999",
          "0.5",
          "-0"
        };
        int a = 1 + r.nextInt(lines.size() - 1);
        lines.set(
            a,
            lines.get(a).replaceFirst("-?\\d+\\.\\d+(E-?\\d+)?", values[r.nextInt(values.length)]));
      }
      case 4 -> { // deep nesting
        int a = r.nextInt(lines.size());
        String deep = "[".repeat(2000) + "]".repeat(2000);
        lines.set(a, lines.get(a).replaceFirst("\\[", deep + ",["));
      }
      default -> { // the header's fields replaced
        lines.set(
            0,
            lines
                .get(0)
                .replaceFirst(
                    "\"version\": ?\\d+", "\"version\": " + (r.nextBoolean() ? "1e400" : "\"1\"")));
      }
    }
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
