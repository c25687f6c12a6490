package dev.ugoki.core.cli;

import dev.ugoki.sim.registry.Plugins;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The {@code ./ugoki} command line. Errors a user can fix (a bad option, config key or value) end
 * with one line on stderr and exit code 2, never a stack trace.
 */
@Command(
    name = "ugoki",
    mixinStandardHelpOptions = true,
    version = "ugoki 0.1.0",
    description =
        "A small-scale physical-AI lab: policies learn to drive a car and a robot "
            + "and to move an arm; one foundation policy drives all three.",
    footer = {
      "",
      "Scenario plugins: UGOKI_PLUGINS lists jars and folders of jars (separated by the path"
          + " separator, as CLASSPATH) whose scenarios every command can use; see"
          + " docs/adding-a-scenario.md."
    },
    subcommands = {
      TrainCommand.class,
      EvalCommand.class,
      RenderCommand.class,
      BenchCommand.class,
      ScenariosCommand.class,
      TransferCommand.class,
      ScalingCommand.class,
      SweepCommand.class,
      DemosCommand.class,
      AdaptCommand.class,
      ExportCommand.class,
      ZooCommand.class,
      ReplayCommand.class
    })
public final class Main implements Callable<Integer> {

  /** Exit code for input the user can fix. */
  public static final int USAGE_ERROR = 2;

  @Spec CommandLine.Model.CommandSpec spec;

  /** With no subcommand: train race with PPO on the defaults and report (the main job). */
  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .println(
            "ugoki: no subcommand given; training race with PPO on "
                + "the defaults (./ugoki --help lists the commands).");
    return spec.commandLine().execute("train");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr()
              .println(
                  "ugoki: error: "
                      + ErrorText.of(ex)
                      + " (see ./ugoki "
                      + (c.getCommandName().equals("ugoki") ? "" : c.getCommandName() + " ")
                      + "--help)");
          c.getErr().flush();
          return USAGE_ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          // bad input, and I/O of any kind (a full disk, a read-only folder): one line, exit 2
          if (ex instanceof IllegalArgumentException
              || ex instanceof java.io.IOException
              || ex instanceof java.io.UncheckedIOException) {
            commandLine.getErr().println("ugoki: error: " + ErrorText.of(ex));
            commandLine.getErr().flush();
            return USAGE_ERROR;
          }
          throw ex;
        });
    return cl;
  }

  public static void main(String[] args) {
    AppLogging.configure();
    int code;
    try {
      // scenario plugins (UGOKI_PLUGINS) join the registry before any command looks a name up
      Plugins.loadFromEnvironment();
      code = commandLine().execute(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ugoki: error: " + ErrorText.of(e));
      code = USAGE_ERROR;
    } catch (OutOfMemoryError e) {
      // the heap is bounded (./ugoki: -Xmx2g); what filled it is gone, a line still fits
      System.err.printf(
          "ugoki: error: out of memory in a heap of %,d MB: give it more"
              + " (UGOKI_JAVA_OPTS=-Xmx4g) or ask for less at once (fewer seeds, rows, cells)%n",
          Runtime.getRuntime().maxMemory() >> 20);
      code = USAGE_ERROR;
    }
    System.exit(code);
  }
}
