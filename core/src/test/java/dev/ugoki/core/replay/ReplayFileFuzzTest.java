package dev.ugoki.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded damage to a replay file: bytes flipped, cut, lines dropped, duplicated or swapped, numbers
 * replaced by extreme, non-finite or mistyped values, configuration keys changed. Reading either
 * gives a replay whose every value is finite and whose playing again says whether it reproduces
 * (never throws), or refuses in one line that names the file; nothing else escapes, and the file is
 * left as it was.
 */
class ReplayFileFuzzTest {
  @TempDir static Path dir;
  private static byte[] good;

  /** How the damaged files fared: both outcomes must occur, or the damage misses the reader. */
  private static final java.util.concurrent.atomic.AtomicInteger read =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final java.util.concurrent.atomic.AtomicInteger refused =
      new java.util.concurrent.atomic.AtomicInteger();

  @org.junit.jupiter.api.AfterAll
  static void bothOutcomesOccurred() {
    System.out.println("ReplayFileFuzzTest: " + read + " read, " + refused + " refused");
    assertThat(read.get()).isPositive();
    assertThat(refused.get()).isGreaterThan(40);
  }

  @BeforeAll
  static void record() throws Exception {
    Replay[] done = new Replay[1];
    Env env = new ReplayRecorder(Scenarios.make("race"), "expert", r -> done[0] = r);
    env.reset(3);
    for (int t = 0; t < 40; t++) {
      StepResult r = env.step(env.expert().act());
      if (r.done()) {
        break;
      }
    }
    good = ReplayFile.bytes(ReplayRecorder.in(env).current());
  }

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, 80).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedFilesReadOrAreRefusedInOneLine(int seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = damage(r);
    Path f = dir.resolve("damaged-" + seed + ReplayFile.SUFFIX);
    Files.write(f, bytes);
    try {
      Replay replay = ReplayFile.read(f);
      for (float a : replay.actions()) {
        assertThat(Float.isFinite(a)).isTrue();
      }
      for (double w : replay.rewards()) {
        assertThat(Double.isFinite(w)).isTrue();
      }
      Replayer.Check c = Replayer.verify(replay); // says so, never throws
      assertThat(c.why()).doesNotContain("\n");
      read.incrementAndGet();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith(f.toString()).doesNotContain("\n");
      refused.incrementAndGet();
    } catch (RuntimeException e) {
      fail(
          "seed "
              + seed
              + ": "
              + e
              + " escaped for:\n"
              + new String(bytes, StandardCharsets.UTF_8));
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
  }

  private static byte[] damage(SplittableRandom r) {
    String text = new String(good, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int kinds = 1 + r.nextInt(3);
    for (int k = 0; k < kinds; k++) {
      int at = r.nextInt(Math.max(1, lines.size()));
      switch (r.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = r.nextInt(lines.size());
          String s = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, s);
        }
        case 3 -> lines.set(at, number(lines.get(at), r));
        case 4 -> lines.set(at, lines.get(at).substring(0, r.nextInt(lines.get(at).length() + 1)));
        case 5 ->
            lines.set(at, lines.get(at).replace("\"race.laps\":1", "\"race.laps\":" + big(r)));
        case 6 -> lines.set(at, lines.get(at).replace("\"lidar.rays\"", "\"lidar.raze\""));
        default -> {
          byte[] b = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          return b;
        }
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  /** One number of the line replaced by something extreme, non-finite or mistyped. */
  private static String number(String line, SplittableRandom r) {
    String[] odd = {"NaN", "Infinity", "-1e400", "1e39", "\"7\"", "true", "[]", "{}", "-0", big(r)};
    return line.replaceFirst("-?\\d+(\\.\\d+)?(E-?\\d+)?", odd[r.nextInt(odd.length)]);
  }

  private static String big(SplittableRandom r) {
    return r.nextBoolean() ? "99999999999999999999" : "2147483648";
  }
}
