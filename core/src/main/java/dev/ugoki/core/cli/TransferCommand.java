package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.study.Application;
import dev.ugoki.core.study.TransferStudy;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki transfer}: how much a foundation policy saves on held-out applications. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description =
        "Transfer study: on each held-out application, behavior cloning from scratch "
            + "vs. fine-tuning the foundation, over budgets of labeled expert steps and seeds; "
            + "writes results.csv, summary.json and transfer.png.")
public final class TransferCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin MasterOption master = new MasterOption();

  @Option(
      names = "--foundation",
      converter = PolicyPathConverter.class,
      paramLabel = "POLICY.zip",
      description = "The pretrained policy (./ugoki train --scenario multitask ...).")
  Path foundation;

  @Option(
      names = "--apps",
      split = ",",
      defaultValue = "long-car,fast-car,long-arm",
      description = "Held-out applications (default: ${DEFAULT-VALUE}).")
  List<String> apps;

  @Option(
      names = "--seeds",
      defaultValue = "1-3",
      converter = SeedRangeConverter.class,
      description = "Training seeds, one curve each (default: ${DEFAULT-VALUE}).")
  SeedRange seeds;

  @Option(
      names = "--budgets",
      split = ",",
      defaultValue = "500,1000,2000,4000,8000,16000",
      description = "Labeled expert steps per policy (default: ${DEFAULT-VALUE}).")
  List<Long> budgets;

  @Option(
      names = "--eval-seeds",
      defaultValue = "1-30",
      converter = SeedRangeConverter.class,
      description = "Seeds each policy is evaluated on (default: ${DEFAULT-VALUE}).")
  SeedRange evalSeeds;

  @Option(
      names = "--target",
      defaultValue = "0.9",
      description = "Success rate a curve must reach (default: ${DEFAULT-VALUE}).")
  double target;

  @Option(names = "--frozen", description = "Also fine-tune with the first layer frozen.")
  boolean frozen;

  @Option(
      names = "--fine-tune-lr",
      paramLabel = "RATE",
      description =
          "Learning rate of the fine-tunes (default: bc's own, as from scratch; a tenth of it keeps"
              + " a few hundred rows from undoing the foundation).")
  Double fineTuneLr;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Study folder " + "(default: runs/transfer-<time>).")
  Path out;

  @Option(
      names = "--replot",
      paramLabel = "DIR",
      description =
          "Draw transfer.png and summary.json of a finished study again, training " + "nothing.")
  Path replot;

  @Override
  public Integer call() throws Exception {
    if (replot != null) {
      var parsed = spec.commandLine().getParseResult();
      for (String other :
          List.of(
              "--foundation",
              "--apps",
              "--seeds",
              "--budgets",
              "--eval-seeds",
              "--target",
              "--frozen",
              "--fine-tune-lr",
              "--out")) {
        if (parsed.hasMatchedOption(other)) {
          throw new IllegalArgumentException(
              "--replot redraws a finished study as it was; " + other + " does not go with it");
        }
      }
      TransferStudy.replot(replot);
      spec.commandLine().getOut().println("plot: " + replot.resolve("transfer.png"));
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (foundation == null) {
      throw new IllegalArgumentException("give --foundation POLICY.zip (or --replot DIR)");
    }
    if (fineTuneLr != null && !(fineTuneLr > 0 && fineTuneLr <= 0.1)) {
      throw new IllegalArgumentException("--fine-tune-lr must be in (0, 0.1], got " + fineTuneLr);
    }
    if (!(target > 0 && target <= 1)) {
      throw new IllegalArgumentException("--target must be in (0, 1], got " + target);
    }
    List<Long> b = new ArrayList<>(budgets);
    b.sort(null);
    if (b.get(0) <= 0) {
      throw new IllegalArgumentException("--budgets must be positive, got " + budgets);
    }
    long most = dev.ugoki.core.train.Algorithm.BC.maxSteps();
    if (b.get(b.size() - 1) > most) {
      // refused now, not when its cell comes up
      throw new IllegalArgumentException(
          "--budgets "
              + b.get(b.size() - 1)
              + " is more labeled steps than behavior cloning takes ("
              + most
              + ")");
    }
    List<Application> chosen = apps.stream().map(Application::named).toList();
    // a missing or damaged file, or one that cannot drive an application, is refused before
    // anything is written
    PolicyFile.Loaded loaded = PolicyFile.load(foundation);
    for (Application app : chosen) {
      PolicyFit.fit(
          foundation,
          loaded,
          Scenarios.make(app.scenario(), TransferStudy.overrides(loaded, app.scenario(), app)));
    }
    List<Long> seedList = seeds.seeds();
    Path dir =
        out != null
            ? out
            : Path.of(
                "runs",
                "transfer-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "transfer study of %s on %s, seeds %s, budgets %s -> %s%n",
        foundation, String.join(", ", apps), seeds, b, dir);
    w.flush();
    try (CellRunner runner = master.open("ugoki transfer " + foundation.getFileName())) {
      new TransferStudy(
              new TransferStudy.Settings(
                  foundation, chosen, seedList, b, evalSeeds, target, frozen, fineTuneLr, dir),
              runner,
              w)
          .run();
    }
    w.printf(
        "results: %s, %s, %s%n",
        dir.resolve("results.csv"), dir.resolve("summary.json"), dir.resolve("transfer.png"));
    w.println(java.nio.file.Files.readString(dir.resolve("summary.json")));
    w.flush();
    return 0;
  }
}
