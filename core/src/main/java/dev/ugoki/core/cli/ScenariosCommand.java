package dev.ugoki.core.cli;

import dev.ugoki.core.train.Algorithm;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code ./ugoki scenarios}: every scenario with its spaces and config keys, then every training
 * algorithm's keys, each as its declaration says.
 */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description =
        "List the registered scenarios (built in, on the class path, or from the plugin "
            + "jars UGOKI_PLUGINS names), what one success is, their observation and action "
            + "channels, and every config key with its default, range and meaning; then the keys "
            + "of each training algorithm (--set ALGO.KEY=VALUE, or algo_config in a run's YAML).")
public final class ScenariosCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (String name : Scenarios.names()) {
      Env env = Scenarios.make(name);
      var words = Scenarios.presentation(name);
      out.printf("%s (v%d, %s)%n", name, env.unwrapped().version(), Scenarios.origin(name));
      out.printf("  success:      %s (%s %s)%n", words.units(), words.unit(), words.verb());
      out.printf("  actions:      %s%n", env.actionSpec().names());
      out.printf(
          "  observations: %d channels %s%n",
          env.observationSpec().size(), env.observationSpec().names());
      for (Param p : Scenarios.params(name)) {
        row(out, p);
      }
      out.println();
    }
    for (Algorithm a : Algorithm.values()) {
      out.printf("algorithm %s (--set %s.KEY=VALUE)%n", a.id(), a.id());
      for (Param p : a.params()) {
        row(out, p);
      }
      out.println();
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, Param p) {
    out.printf(
        "  %-22s %-8s %10s  [%s, %s]  %s%n",
        p.key(),
        p.type().name().toLowerCase(),
        p.toPlain(p.defaultValue()),
        p.toPlain(p.min()),
        p.toPlain(p.max()),
        p.doc());
  }
}
