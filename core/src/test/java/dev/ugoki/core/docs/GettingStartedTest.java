package dev.ugoki.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ugoki.core.cli.Main;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial, docs/getting-started.md, run as a reader runs it: every {@code ./ugoki} command of
 * its bash blocks, in order, through the real entry point ({@link Main}) in a JVM of its own
 * started as the launcher starts it, in an empty working folder, with budgets shrunk to smoke size
 * (fewer steps and seeds; nothing else of a command changes). Each must exit with 0, and the files
 * it names as outputs must exist, so that the next command finds what it reads.
 */
class GettingStartedTest {
  private static final Path GUIDE = Markdown.ROOT.resolve("docs/getting-started.md");

  /** Steps of a training, at most: one PPO update of the default 16 x 256 covers it. */
  static final long STEPS = 2000;

  /** Steps of a rendered episode, at most. */
  static final int RENDER_STEPS = 40;

  @Test
  void everyCommandOfTheTutorialRunsAsWritten(@TempDir Path work, @TempDir Path logs)
      throws Exception {
    List<List<String>> commands = commands(Files.readString(GUIDE));
    assertThat(commands)
        .extracting(c -> c.get(0))
        .as("the tutorial trains, evaluates, replays, renders, teaches, fine-tunes and exports")
        .contains("train", "eval", "replay", "render", "demos", "export", "desktop");
    // a reader runs the commands from the project's folder: what they read of it is there
    copy(Markdown.ROOT.resolve("configs"), work.resolve("configs"));
    int ran = 0;
    for (List<String> command : commands) {
      // The window needs a display and LibGDX, which live in the desktop module, not in core: its
      // commands are skipped here (the desktop module's window tests start the real window).
      if (command.get(0).equals("desktop")) {
        continue;
      }
      List<String> args = expandGlobs(work, smoke(command));
      run(work, args, logs);
      for (Path out : outputs(work, args)) {
        assertThat(out).as("%s wrote what it names", String.join(" ", command)).exists();
      }
      ran++;
    }
    assertThat(ran).isGreaterThanOrEqualTo(10);
  }

  @Test
  void budgetsShrinkAndNothingElseChanges() {
    assertThat(smoke(List.of("train", "--steps", "3000000", "--eval-seeds", "1-30", "--seed", "2")))
        .containsExactly("train", "--steps", "2000", "--eval-seeds", "1-2", "--seed", "2");
    assertThat(smoke(List.of("train", "--out", "runs/x")))
        .containsExactly("train", "--out", "runs/x", "--steps", "2000", "--eval-seeds", "1-2");
    assertThat(smoke(List.of("eval", "--policy", "zoo:race", "--seeds=1001-1050")))
        .containsExactly("eval", "--policy", "zoo:race", "--seeds=1001-1002");
    assertThat(smoke(List.of("render", "--expert", "--out", "a.gif")))
        .containsExactly("render", "--expert", "--out", "a.gif", "--max-steps", "40");
    assertThat(commands("```bash\n./ugoki eval --set a=1 \\\n  --seeds 7 # seven\nls\n```\n"))
        .containsExactly(List.of("eval", "--set", "a=1", "--seeds", "7"));
  }

  /**
   * The {@code ./ugoki} commands of the guide's bash and sh blocks, each as its arguments after
   * {@code ./ugoki}: lines joined at a trailing backslash, comments dropped, quotes removed.
   */
  static List<List<String>> commands(String markdown) {
    List<List<String>> out = new ArrayList<>();
    for (Markdown.Block b : Markdown.blocks(markdown)) {
      if (!b.info().equals("bash") && !b.info().equals("sh")) {
        continue;
      }
      String joined = String.join("\n", b.lines()).replace("\\\n", " ");
      for (String line : joined.split("\n")) {
        if (line.strip().startsWith("./ugoki ") || line.strip().equals("./ugoki")) {
          List<String> words = words(line);
          out.add(words.subList(1, words.size()));
        }
      }
    }
    return out;
  }

  /** A shell line's words: quotes removed, a comment dropped; anything but plain words refused. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        w = w == null ? new StringBuilder() : w;
      } else if (Character.isWhitespace(c)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
      } else if (c == '#' && w == null) {
        break;
      } else if ("$|;&<>`(){}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "the tutorial's commands are plain words, so that this test runs them as written: "
                + line);
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  /** The command with its budgets shrunk to smoke size; every other argument as written. */
  static List<String> smoke(List<String> command) {
    List<String> a = new ArrayList<>(command);
    switch (a.get(0)) {
      case "train" -> {
        cap(a, "--steps", v -> Long.toString(Math.min(Long.parseLong(v), STEPS)), "" + STEPS);
        cap(a, "--eval-seeds", GettingStartedTest::twoSeeds, "1-2");
      }
      case "eval", "demos" -> cap(a, "--seeds", GettingStartedTest::twoSeeds, "1-2");
      case "render" ->
          cap(
              a,
              "--max-steps",
              v -> Integer.toString(Math.min(Integer.parseInt(v), RENDER_STEPS)),
              "" + RENDER_STEPS);
      case "replay", "export", "scenarios" -> {}
      default ->
          throw new IllegalArgumentException(
              "./ugoki "
                  + a.get(0)
                  + " has no smoke budget here: give it one in GettingStartedTest.smoke");
    }
    return a;
  }

  /**
   * Applies {@code shrink} to the value of {@code option}, or adds the option with {@code dflt}.
   */
  private static void cap(
      List<String> a, String option, java.util.function.UnaryOperator<String> shrink, String dflt) {
    for (int i = 1; i < a.size(); i++) {
      if (a.get(i).equals(option) && i + 1 < a.size()) {
        a.set(i + 1, shrink.apply(a.get(i + 1)));
        return;
      }
      if (a.get(i).startsWith(option + "=")) {
        a.set(i, option + "=" + shrink.apply(a.get(i).substring(option.length() + 1)));
        return;
      }
    }
    a.add(option);
    a.add(dflt);
  }

  /** A seed range cut to its first two seeds: 1001-1050 to 1001-1002. */
  private static String twoSeeds(String range) {
    String[] ab = range.split("-", 2);
    long first = Long.parseLong(ab[0]);
    long last = ab.length == 1 ? first : Long.parseLong(ab[1]);
    return first + "-" + Math.min(last, first + 1);
  }

  /** Each word with a {@code *} replaced by the one path of the working folder it matches. */
  private static List<String> expandGlobs(Path work, List<String> args) throws IOException {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String value = eq < 0 ? arg : arg.substring(eq + 1);
      if (!value.contains("*")) {
        out.add(arg);
        continue;
      }
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + value);
      List<Path> hits;
      try (Stream<Path> all = Files.walk(work)) {
        hits = all.map(work::relativize).filter(m::matches).toList();
      }
      if (hits.size() != 1) {
        fail("%s matches %d paths in the tutorial's folder, not one: %s", value, hits.size(), hits);
      }
      out.add((eq < 0 ? "" : arg.substring(0, eq + 1)) + hits.get(0));
    }
    return out;
  }

  /** The files a command names as its outputs (render's and demos' --out, --onnx, --record). */
  private static List<Path> outputs(Path work, List<String> args) {
    List<Path> out = new ArrayList<>();
    Map<String, List<String>> named =
        Map.of(
            "render", List.of("--out"),
            "demos", List.of("--out"),
            "export", List.of("--onnx"),
            "eval", List.of("--record", "--json"),
            "train", List.of("--out"));
    for (String option : named.getOrDefault(args.get(0), List.of())) {
      int i = args.indexOf(option);
      if (i > 0 && i + 1 < args.size()) {
        out.add(work.resolve(args.get(i + 1)));
      }
    }
    return out;
  }

  /** Runs {@code ./ugoki ARGS} as the launcher does, in {@code work}; fails unless it exits 0. */
  private static void run(Path work, List<String> args, Path logs) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "--add-modules",
                "jdk.incubator.vector",
                "-Dugoki.zoo=" + Markdown.ROOT.resolve("models"),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(args);
    Path log = Files.createTempFile(logs, "ugoki-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    long start = System.nanoTime();
    Process p = pb.start();
    boolean ended = p.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    System.out.printf(
        "./ugoki %s: %.1f s%n", String.join(" ", args), (System.nanoTime() - start) / 1e9);
    String output = Files.readString(log);
    Files.delete(log);
    if (!ended || p.exitValue() != 0) {
      fail(
          "./ugoki %s %s:%n%s",
          String.join(" ", args),
          ended ? "exited with " + p.exitValue() : "ran for more than 3 min",
          output);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }
}
