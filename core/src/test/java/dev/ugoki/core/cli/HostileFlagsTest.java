package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every number and path option of every command, found by introspection, given values no run can
 * use: NaN and the infinities for a real, the most negative value and one past the largest for an
 * integer, a named pipe and a device for a path. Each is refused in one line, exit 2, within
 * seconds and before any work (issue 26: every number of every command checked before any work
 * starts; special files refused, never waited on or replaced). A new option joins by itself.
 */
class HostileFlagsTest {
  /** The options whose every value is a fair one: a seed names an episode, whatever it is. */
  static final Set<String> ANY_VALUE = Set.of("--seed", "--trace");

  /** What a command needs besides the option tried: its required options, harmless. */
  static final Map<String, List<String>> REQUIRED =
      Map.of(
          "adapt", List.of("--policy", "zoo:race", "--out", "OUT/a.zip"),
          "demos", List.of("--out", "OUT/d.jsonl"),
          "eval", List.of("--expert"),
          "export", List.of("--policy", "zoo:race", "--onnx", "OUT/p.onnx"),
          "render", List.of("--expert", "--out", "OUT/e.gif"),
          "replay", List.of("OUT"),
          "sweep", List.of("OUT/none.yaml"),
          "scaling", List.of("--out", "OUT/s"),
          "transfer", List.of("--out", "OUT/t"),
          "train", List.of("--out", "OUT/runs"));

  @TempDir static Path tmp;

  static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "hostile-flag");
            t.setDaemon(true);
            return t;
          });

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    CommandLine root = Main.commandLine();
    for (Map.Entry<String, CommandLine> c : new TreeMap<>(root.getSubcommands()).entrySet()) {
      CommandSpec spec = c.getValue().getCommandSpec();
      for (OptionSpec o : spec.options()) {
        if (o.usageHelp() || o.versionHelp() || ANY_VALUE.contains(o.longestName())) {
          continue;
        }
        Class<?> type = o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
        for (String v : hostile(type)) {
          out.add(Arguments.of(c.getKey(), o.longestName(), v));
        }
      }
    }
    return out.stream();
  }

  /** A named pipe: a reader that opens it waits for a writer forever. */
  static String fifo() {
    Path f = tmp.resolve("pipe");
    try {
      if (!java.nio.file.Files.exists(f)) {
        new ProcessBuilder("mkfifo", f.toString()).start().waitFor();
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return f.toString();
  }

  static List<String> hostile(Class<?> type) {
    if (type == Path.class) {
      // a pipe waits forever, a device takes no file: neither is read or written as one
      return List.of(fifo(), "/dev/full");
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return List.of("NaN", "Infinity", "-Infinity");
    }
    if (type == int.class || type == Integer.class) {
      return List.of("-2147483648", "2147483648");
    }
    if (type == long.class || type == Long.class) {
      return List.of("-9223372036854775808", "9223372036854775808");
    }
    return List.of();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void aNumberNoRunCanUseIsRefusedInOneLine(String command, String option, String value)
      throws Exception {
    Path out = tmp.resolve(command + option + value.replace('-', 'm').replace('/', '_'));
    List<String> args = new ArrayList<>(List.of(command));
    for (String a : REQUIRED.getOrDefault(command, List.of())) {
      args.add(a.replace("OUT", out.toString()));
    }
    args.add(option + "=" + value);
    StringWriter err = new StringWriter();
    Future<Integer> code =
        POOL.submit(
            () -> {
              CommandLine cl = Main.commandLine();
              cl.setOut(new PrintWriter(new StringWriter(), true));
              cl.setErr(new PrintWriter(err, true));
              return cl.execute(args.toArray(String[]::new));
            });
    String what = String.join(" ", args);
    int exit;
    try {
      exit = code.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      code.cancel(true);
      throw new AssertionError(what + ": still working after 20 s, so the value was taken", e);
    }
    assertThat(exit).as(what + "\n" + err).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).as(what).startsWith("ugoki: error: ").doesNotContain("\tat ");
    assertThat(err.toString().strip().lines()).as(what).hasSize(1);
  }

  @Test
  void everyCommandHasNumbersTried() {
    Map<String, Long> perCommand = new TreeMap<>();
    cases().forEach(a -> perCommand.merge((String) a.get()[0], 1L, Long::sum));
    System.out.println("hostile flag values per command: " + perCommand);
    assertThat(cases().map(a -> (String) a.get()[0]).distinct())
        .contains("train", "eval", "demos", "scaling", "transfer", "adapt", "render", "bench");
  }

  /** A config or sweep file is read whole only when it is small: a 1 GB one would fill the heap. */
  @Test
  void aConfigFileLargerThanAnyRunNeedsIsRefusedBeforeItIsRead() throws Exception {
    Path big = tmp.resolve("big.yaml");
    java.nio.file.Files.write(big, new byte[(1 << 20) + 1]);
    for (String[] args :
        List.of(
            new String[] {"train", "--config", big.toString(), "--out", tmp + "/big-runs"},
            new String[] {"sweep", big.toString(), "--out", tmp + "/big-sweep"})) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(new StringWriter(), true));
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute(args)).isEqualTo(Main.USAGE_ERROR);
      assertThat(err.toString().strip())
          .isEqualTo(
              "ugoki: error: "
                  + big
                  + " holds 1,048,577 bytes, more than the 1,048,576 such a file may hold");
    }
  }
}
