package dev.ugoki.core.cli;

import dev.ugoki.core.algorithm.Adaptation;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./ugoki adapt}: RMA's adaptation module for a policy that was told its body. */
@Command(
    name = "adapt",
    mixinStandardHelpOptions = true,
    description =
        "Trains an adaptation module (RMA) for a policy trained with body.observe=true: it infers "
            + "the body's latent from the last --history steps of observations and actions, so "
            + "that the policy drives without being told its body. Writes one policy file that "
            + "holds both; ./ugoki eval, render and desktop drive it as any other.")
public final class AdaptCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--policy",
      converter = PolicyPathConverter.class,
      required = true,
      paramLabel = "POLICY.zip",
      description = "The body-aware policy.")
  Path policy;

  @Option(
      names = "--history",
      defaultValue = "16",
      description = "Steps of the past the adapter reads (default: ${DEFAULT-VALUE}).")
  int history;

  @Option(
      names = "--memory",
      defaultValue = "0",
      description =
          "Beyond --history, the adapter also reads every --memory-stride-th step up to this many"
              + " steps back, so that it remembers what the body showed a while ago (a car's"
              + " brakes, seen only while braking); 0 for none (default: ${DEFAULT-VALUE}).")
  int memory;

  @Option(
      names = "--memory-stride",
      defaultValue = "8",
      description = "With --memory: read every this-many-th step (default: ${DEFAULT-VALUE}).")
  int memoryStride;

  @Option(
      names = "--rows",
      defaultValue = "40000",
      description = "Labeled steps per round (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Rounds: the first on the true body, then on the estimate (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--hidden",
      defaultValue = "128",
      description = "Units per hidden layer of the adapter (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of episodes, noise and weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.zip",
      description = "The policy file to write (the policy and its adapter).")
  Path out;

  @Option(
      names = "--trace",
      paramLabel = "SEED",
      description =
          "Instead of training: drive one episode of SEED with an adapted --policy and plot what"
              + " it infers of --channel, and its speed, against time into --out (a PNG).")
  Long trace;

  @Option(
      names = "--channel",
      defaultValue = "body.race.friction",
      description = "With --trace: the body channel to plot (default: ${DEFAULT-VALUE}).")
  String channel;

  @picocli.CommandLine.Mixin ScenarioOptions scenario = new ScenarioOptions();

  @Override
  public Integer call() throws Exception {
    if (trace != null) {
      return trace();
    }
    // every number checked before the policy is read, and the output before any work
    AtomicFiles.checkWritable(out);
    Adaptation.Settings s =
        Adaptation.Settings.of(history, memory, memoryStride, rows, rounds, hidden, seed);
    PolicyFile.Loaded base = PolicyFile.load(policy);
    if (base.adapter() != null) {
      throw new IllegalArgumentException(policy + " has an adapter already");
    }
    // the adapter learns on the policy's own scenario and config, with any --set over it (the
    // bodies it should learn to read); the file keeps the policy's config
    Config own = scenario.config(base.meta().scenario(), base.meta().scenarioConfig());
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "adapting %s: %d steps of history%s, %d rounds of %,d rows%n",
        policy,
        history,
        memory > history ? ", every " + memoryStride + "th step up to " + memory + " back" : "",
        rounds,
        rows);
    w.flush();
    long t0 = System.nanoTime();
    BodyAdapter adapter = Adaptation.train(base.policy(), own, s, w);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    PolicyFile.save(out, base.policy(), base.meta(), adapter);
    w.printf(
        "wrote %s in %.0f s: ./ugoki eval --policy %s --set body.split=1%n",
        out, (System.nanoTime() - t0) / 1e9, out);
    w.flush();
    return 0;
  }

  private int trace() throws Exception {
    PolicyFile.Loaded loaded = PolicyFile.load(policy);
    // the policy's own scenario and config, then --set (body.change_at=15 ...)
    Config cfg = scenario.config(loaded.meta().scenario(), loaded.meta().scenarioConfig());
    var env = dev.ugoki.core.io.PolicyFit.fit(policy, loaded, Scenarios.make(cfg));
    var t =
        dev.ugoki.core.report.AdaptationTrace.run(env, loaded.policy(), trace, channel, "speed");
    double changeAt =
        cfg.params().stream().anyMatch(p -> p.key().equals("body.change_at"))
            ? cfg.real("body.change_at")
            : 0;
    dev.ugoki.core.report.AdaptationTrace.write(
        out,
        t,
        channel,
        changeAt,
        "seed "
            + trace
            + ": "
            + (t.success() ? "lap completed" : "no lap")
            + ", "
            + policy.getFileName());
    spec.commandLine().getOut().println("plot: " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
