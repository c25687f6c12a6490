package dev.ugoki.core.cli;

import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.core.replay.Replayer;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./ugoki replay}: plays replay files again headless and checks that each reproduces its
 * recorded rewards bit for bit and ends as recorded.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Play replay files (from ./ugoki eval --record or the window's V) again headless and check"
            + " that each reproduces its recorded rewards bit for bit. Exit 1 if one does not"
            + " (determinism broke), 2 if a file was refused (damaged, not a regular file, or of a"
            + " scenario, key or value this build does not know) and the rest reproduced.")
public final class ReplayCommand implements Callable<Integer> {
  /** The exit code of a replay that did not reproduce: not bad input, broken determinism. */
  public static final int NOT_REPRODUCED = 1;

  /** The most files one call checks. */
  static final int MAX_FILES = 100_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Replay files, or folders whose *" + ReplayFile.SUFFIX + " files are checked.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(ReplayFile.SUFFIX))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("no replay file or folder " + p);
      }
      if (files.size() > MAX_FILES) {
        throw new IllegalArgumentException("more than " + MAX_FILES + " replay files");
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no *" + ReplayFile.SUFFIX + " file in " + paths);
    }
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    int refused = 0;
    long steps = 0;
    for (Path f : files) {
      Replay r;
      Env env;
      try {
        r = ReplayFile.read(f);
        env = Scenarios.make(r.resolvedConfig()); // a scenario, key or value this build lacks
      } catch (IllegalArgumentException e) {
        // bad input, not broken determinism: said, and the other files still checked
        refused++;
        out.printf(Locale.ROOT, "%s: refused: %s%n", f, e.getMessage());
        continue;
      }
      Replayer.Check c = Replayer.verify(r, env);
      steps += r.steps();
      if (!c.reproduced()) {
        failed++;
      }
      out.printf(
          Locale.ROOT,
          "%s: %s seed %d, %s, %d steps, %s, return %.3f: %s%n",
          f,
          r.scenario(),
          r.seed(),
          r.driver(),
          r.steps(),
          r.end(),
          r.episodeReturn(),
          c.reproduced() ? "reproduced" : "NOT reproduced: " + c.why());
    }
    int checked = files.size() - refused;
    out.printf(
        Locale.ROOT,
        "%d of %d replays (%d steps) reproduced bit for bit%s%n",
        checked - failed,
        checked,
        steps,
        refused == 0 ? "" : "; " + refused + " refused");
    // 1: determinism broke; 2: some input was bad (and nothing broke); 0: all reproduced
    return failed > 0 ? NOT_REPRODUCED : refused > 0 ? Main.USAGE_ERROR : 0;
  }
}
