package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.cell.CellRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A failed cell is one line, not a trace (issue 26, probe 11: a 27-line {@code CellFailure}, 268
 * with Spark's retries): exit 2 when the cell failed on bad input, {@link Main#CELL_FAILED} with
 * the failure's kind and place when it failed on its own.
 */
class CellFailureTest {
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    final RuntimeException cause;

    Fail(RuntimeException cause) {
      this.cause = cause;
    }

    @Override
    public Integer call() {
      throw new CellRunner.CellFailure("seeds 1-50", new RuntimeException("wrapped", cause));
    }
  }

  private final StringWriter err = new StringWriter();

  private int run(RuntimeException cause) {
    CommandLine cl = Main.commandLine();
    cl.addSubcommand("fail", new Fail(cause));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute("fail");
  }

  @Test
  void aCellThatFailedOnBadInputIsOneLineAndExitTwo() {
    assertThat(run(new IllegalArgumentException("hidden = 5000 is outside [1, 4096]")))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString())
        .isEqualTo(
            "ugoki: error: cell seeds 1-50 failed: hidden = 5000 is outside [1, 4096]"
                + System.lineSeparator());
  }

  @Test
  void aCellThatFailedOnItsOwnSaysWhatAndWhereInOneLine() {
    IllegalStateException bug = new IllegalStateException("no policy\nsecond line");
    assertThat(run(bug)).isEqualTo(Main.CELL_FAILED);
    String line = err.toString().strip();
    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .startsWith("ugoki: error: cell seeds 1-50 failed: no policy\\nsecond line")
        .contains("(IllegalStateException at dev.ugoki.core.cli.CellFailureTest.")
        .doesNotContain("\tat ");
  }
}
