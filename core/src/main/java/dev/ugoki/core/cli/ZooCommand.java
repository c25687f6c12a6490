package dev.ugoki.core.cli;

import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.core.study.ZooBuild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki zoo}: trains the model zoo again, with its cards. */
@Command(
    name = "zoo",
    mixinStandardHelpOptions = true,
    description =
        "Train every policy of the model zoo again (race, navigate, foundation: about 7 min on"
            + " 2 cores) as its card says, evaluate each on unseen seeds, and write the policies,"
            + " their cards (NAME.yaml) and a README into --out. Run from the project's folder.")
public final class ZooCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The zoo's folder (default: the project's models/).")
  Path out;

  @Option(
      names = "--runs",
      defaultValue = "runs/zoo",
      paramLabel = "DIR",
      description = "Where the training runs' folders go (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(
      names = "--eval-seeds",
      defaultValue = "1001-1100",
      converter = SeedRangeConverter.class,
      description = "The unseen seeds every card is evaluated on (default: ${DEFAULT-VALUE}).")
  SeedRange evalSeeds;

  @Option(
      names = "--quick",
      description =
          "Smoke-test budgets (a few thousand steps each): to try the command, not to ship.")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(root.resolve("configs"))) {
      throw new IllegalArgumentException(
          "./ugoki zoo trains with the project's configs/: run it from the project's folder");
    }
    PrintWriter w = spec.commandLine().getOut();
    Path dir = out != null ? out : Zoo.dir();
    var cards = ZooBuild.build(root, dir, runs, quick, evalSeeds, w);
    w.printf("zoo: %d policies and their cards in %s%n", cards.size(), dir);
    w.flush();
    return 0;
  }
}
