package dev.ugoki.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ugoki.core.bench.LearnerBench;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.sim.bench.SimBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki bench}: the speed table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure throughput: simulation, rollouts with the policy in the loop, PPO "
        + "updates (median of timed samples after a warm-up; PPO rows count samples per epoch).")
public final class BenchCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "2",
      description = "Length of each timed sample [s] (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--samples", defaultValue = "5",
      description = "Timed samples per figure; the median is reported (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (!(seconds > 0) || samples < 1) {
      throw new IllegalArgumentException("--seconds must be positive and --samples at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.printf("%-44s %7s %5s %16s %14s%n", "benchmark", "threads", "envs",
        "steps/s (median)", "per thread");
    out.flush();
    List<SimBench.Result> results = new java.util.ArrayList<>();
    java.util.function.Consumer<SimBench.Result> show = r -> {
      results.add(r);
      out.printf("%-44s %7d %5d %,16.0f %,14.0f%n", r.name(), r.threads(), r.envs(),
          r.medianStepsPerSecond(), r.medianStepsPerSecond() / r.threads());
      out.flush();
    };
    SimBench.run(seconds, samples).forEach(show);
    show.accept(LearnerBench.rollout(16, 2, seconds, samples));
    show.accept(LearnerBench.rollout(64, 2, seconds, samples));
    show.accept(LearnerBench.update(16, 256, 8, seconds, samples));
    show.accept(LearnerBench.update(64, 128, 8, seconds, samples));
    if (json != null) {
      AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(results));
    }
    return 0;
  }
}
