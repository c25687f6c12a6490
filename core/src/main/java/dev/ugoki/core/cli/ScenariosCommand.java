package dev.ugoki.core.cli;

import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code ./ugoki scenarios}: every scenario with its spaces and config keys. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description =
        "List the registered scenarios (built in, on the class path, or from the plugin "
            + "jars UGOKI_PLUGINS names), what one success is, their observation and action "
            + "channels, and every config key with its default, range and meaning.")
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
        out.printf(
            "  %-22s %-8s %10s  [%s, %s]  %s%n",
            p.key(),
            p.type().name().toLowerCase(),
            p.toPlain(p.defaultValue()),
            p.toPlain(p.min()),
            p.toPlain(p.max()),
            p.doc());
      }
      out.println();
    }
    out.flush();
    return 0;
  }
}
