package dev.ugoki.core.cli;

import dev.ugoki.core.cell.CellRunner;
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

  /**
   * The exit code of a study, sweep, evaluation or demonstration collection whose cell failed on
   * something other than bad input: a fault of the program or of the machine.
   */
  public static final int CELL_FAILED = 4;

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
          if (badInput(ex)) {
            commandLine.getErr().println("ugoki: error: " + ErrorText.of(ex));
            commandLine.getErr().flush();
            return USAGE_ERROR;
          }
          if (ex instanceof CellRunner.CellFailure) {
            // a cell failed on its own (not on bad input): one line that says what and where
            Throwable root = rootOf(ex);
            boolean bad = badInput(root);
            commandLine
                .getErr()
                .println(
                    "ugoki: error: " + ErrorText.of(ex) + (bad ? "" : " (" + where(root) + ")"));
            commandLine.getErr().flush();
            return bad ? USAGE_ERROR : CELL_FAILED;
          }
          throw ex;
        });
    return cl;
  }

  /** Bad input, or I/O of any kind (a full disk, a read-only folder): exit code 2. */
  private static boolean badInput(Throwable t) {
    return t instanceof IllegalArgumentException
        || t instanceof java.io.IOException
        || t instanceof java.io.UncheckedIOException;
  }

  private static Throwable rootOf(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** The failure's kind and its first frame in Ugoki's own code (or its first frame). */
  static String where(Throwable t) {
    StackTraceElement at = null;
    for (StackTraceElement e : t.getStackTrace()) {
      if (at == null) {
        at = e;
      }
      if (e.getClassName().startsWith("dev.ugoki.")) {
        at = e;
        break;
      }
    }
    return t.getClass().getSimpleName() + (at == null ? "" : " at " + at);
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
