package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.study.Sweep;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./ugoki sweep FILE.yaml}: a grid or random search over config keys, as cells. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "A hyperparameter sweep: a run config with a sweep section (a grid or a seeded random"
            + " search over any --set keys); every config trained with every seed and evaluated"
            + " on unseen seeds. Writes results.csv (resumable: run again on the same --out),"
            + " summary.json (configs ranked), best.yaml (the best as a run config) and"
            + " sweep.png.")
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MasterOption master = new MasterOption();

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The sweep file.")
  Path file;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the sweep writes; an existing sweep there resumes.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Sweep.Plan plan = Sweep.read(file);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "sweep of %s: %d configs x %d seeds over %s -> %s%n",
        file, plan.configs().size(), plan.seeds().size(), String.join(", ", plan.keys()), out);
    w.flush();
    try (CellRunner runner = master.open("ugoki sweep " + file.getFileName())) {
      Sweep.run(plan, out, runner, w);
    }
    w.printf(
        "results: %s, %s, %s, %s%n",
        out.resolve("results.csv"),
        out.resolve("summary.json"),
        out.resolve("best.yaml"),
        out.resolve("sweep.png"));
    w.println(Files.readString(out.resolve("best.yaml")));
    w.flush();
    return 0;
  }
}
