package dev.ugoki.core.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The {@code ./ugoki} command line. Errors a user can fix (a bad option, config key or value) end
 * with one line on stderr and exit code 2, never a stack trace.
 */
@Command(name = "ugoki", mixinStandardHelpOptions = true, version = "ugoki 0.1.0",
    description = "A small-scale physical-AI lab: policies learn to drive a car and a robot.",
    subcommands = {EvalCommand.class, BenchCommand.class, ScenariosCommand.class})
public final class Main implements Callable<Integer> {

  /** Exit code for input the user can fix. */
  public static final int USAGE_ERROR = 2;

  @Spec
  CommandLine.Model.CommandSpec spec;

  /** With no subcommand: evaluate the default scenario's expert on 20 seeds and report. */
  @Override
  public Integer call() {
    spec.commandLine().getOut().println("ugoki: no subcommand given; evaluating the race "
        + "expert on seeds 1-20 (./ugoki --help lists the commands).");
    return spec.commandLine().execute("eval", "--expert", "--scenario", "race", "--seeds", "1-20");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException) {
        commandLine.getErr().println("ugoki: error: " + ex.getMessage());
        commandLine.getErr().flush();
        return USAGE_ERROR;
      }
      throw ex;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
