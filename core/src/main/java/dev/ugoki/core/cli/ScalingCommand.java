package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.study.ScalingStudy;
import dev.ugoki.core.study.ScalingStudy.Axis;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki scaling}: held-out success against bodies, width and labeled steps. */
@Command(
    name = "scaling",
    mixinStandardHelpOptions = true,
    description =
        "Scaling study: behavior cloning (or DAgger) on a body family, zero-shot success on its "
            + "held-out bodies and edge band against the number of distinct training bodies, the "
            + "network width and the labeled steps, each varied from a base point; writes "
            + "results.csv as cells finish (run again on the same --out to resume), summary.json "
            + "with the power-law fits and scaling.png.")
public final class ScalingCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin MasterOption master = new MasterOption();

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE.yaml",
      description = "The imitation run over a body family (configs/car-family.yaml).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Overrides over the file, as for ./ugoki train.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--bodies",
      split = ",",
      defaultValue = "1,3,10,30,100,300",
      description = "Distinct training bodies (default: ${DEFAULT-VALUE}).")
  List<Long> bodies;

  @Option(
      names = "--widths",
      split = ",",
      defaultValue = "32,64,128,256,512",
      description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
  List<Long> widths;

  @Option(
      names = "--steps",
      split = ",",
      defaultValue = "4000,8000,16000,32000,64000",
      description = "Labeled expert steps (default: ${DEFAULT-VALUE}).")
  List<Long> steps;

  @Option(
      names = "--base",
      split = ",",
      defaultValue = "100,128,32000",
      paramLabel = "BODIES,WIDTH,STEPS",
      description = "Where each axis holds the other two (default: ${DEFAULT-VALUE}).")
  List<Long> base;

  @Option(
      names = "--seeds",
      defaultValue = "1-3",
      converter = SeedRangeConverter.class,
      description = "Training seeds, one cell each per point (default: ${DEFAULT-VALUE}).")
  SeedRange seeds;

  @Option(
      names = "--eval-seeds",
      defaultValue = "1001-1050",
      converter = SeedRangeConverter.class,
      description = "Episodes per split each policy is evaluated on (default: ${DEFAULT-VALUE}).")
  SeedRange evalSeeds;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Study folder; a folder with results.csv resumes.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (base.size() != 3) {
      throw new IllegalArgumentException(
          "--base takes three numbers, bodies,width,steps, got " + base);
    }
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("no run config at " + config);
    }
    Map<Axis, List<Long>> values = new EnumMap<>(Axis.class);
    values.put(Axis.BODIES, sorted(bodies));
    values.put(Axis.WIDTH, sorted(widths));
    values.put(Axis.STEPS, sorted(steps));
    Map<Axis, Long> at = new EnumMap<>(Axis.class);
    at.put(Axis.BODIES, base.get(0));
    at.put(Axis.WIDTH, base.get(1));
    at.put(Axis.STEPS, base.get(2));
    List<Long> seedList = seeds.seeds();
    PrintWriter w = spec.commandLine().getOut();
    ScalingStudy.Settings settings =
        new ScalingStudy.Settings(config, sets, values, at, seedList, evalSeeds, out);
    ScalingStudy.check(settings);
    w.printf("scaling study of %s -> %s%n", config, out);
    w.flush();
    try (CellRunner runner = master.open("ugoki scaling " + config.getFileName())) {
      new ScalingStudy(settings, runner, w).run();
    }
    w.printf(
        "results: %s, %s, %s%n",
        out.resolve("results.csv"), out.resolve("summary.json"), out.resolve("scaling.png"));
    w.println(Files.readString(out.resolve("summary.json")));
    w.flush();
    return 0;
  }

  private static List<Long> sorted(List<Long> v) {
    List<Long> s = new ArrayList<>(v);
    s.sort(null);
    return s;
  }
}
