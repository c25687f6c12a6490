package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.study.DemoCollection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki demos}: the expert's episodes as a demonstration file, collected as cells. */
@Command(
    name = "demos",
    mixinStandardHelpOptions = true,
    description =
        "Record the expert's episodes, one per seed, as a demonstration file for pretraining"
            + " (./ugoki train --algo bc --demos FILE); with --master, blocks of seeds as cells on"
            + " Spark. The same file wherever the blocks ran.")
final class DemosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario = new ScenarioOptions();

  @Option(
      names = "--seeds",
      defaultValue = "1-100",
      converter = SeedRangeConverter.class,
      description = "Inclusive seed range, one episode each (default: ${DEFAULT-VALUE}).")
  SeedRange seeds;

  @Option(
      names = "--noise",
      defaultValue = "0.1",
      description =
          "DART noise on the executed action, a fraction of each channel's half-range; the file"
              + " keeps the expert's clean label (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "The demonstration file (must not exist).")
  Path out;

  @Option(
      names = "--master",
      paramLabel = "MASTER",
      description = "Run blocks of seeds on Spark: local[*], local[N], spark://HOST:7077.")
  String master;

  @Option(
      names = "--block",
      defaultValue = "50",
      description = "Episodes per cell (default: ${DEFAULT-VALUE}).")
  int block;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) {
      throw new IllegalArgumentException(out + " exists: demonstrations are never overwritten");
    }
    PrintWriter w = spec.commandLine().getOut();
    long steps;
    try (CellRunner runner =
        master == null ? new Sequential() : CellRunner.forMaster(master, "ugoki demos")) {
      steps = DemoCollection.run(scenario.config(), seeds, noise, block, out, runner, w);
    }
    w.printf("wrote %,d steps of %d episodes to %s%n", steps, seeds.count(), out);
    w.flush();
    return 0;
  }
}
