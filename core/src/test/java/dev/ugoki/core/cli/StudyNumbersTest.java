package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A study's numbers are checked before its first cell (issue 26, probe 11: 51 s of other cells,
 * then a 27-line trace): one line, exit 2, and no results file.
 */
class StudyNumbersTest extends CliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "--widths, 2147483647, hidden",
    "--widths, 5000, hidden",
    "--steps, 9223372036854775807, steps"
  })
  void aScalingStudyRefusesACellOutOfRangeFirst(String flag, String value, String names) {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path out = dir.resolve("scaling");
    int code =
        run(
            "scaling",
            "--config",
            root.resolve("configs/car-family.yaml").toString(),
            "--out",
            out.toString(),
            "--master",
            "sequential",
            flag,
            value);
    assertThat(code).as(out.toString()).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip()).doesNotContain("\n").contains(names);
    assertThat(out.resolve("results.csv")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource({"2147483648", "9223372036854775807"})
  void aTransferStudyRefusesABudgetOutOfRangeFirst(String budget) {
    Path out = dir.resolve("transfer");
    assertThat(
            run(
                "transfer",
                "--foundation",
                "zoo:foundation",
                "--budgets",
                "100," + budget,
                "--out",
                out.toString(),
                "--master",
                "sequential"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ugoki: error: --budgets "
                + budget
                + " is more labeled steps than behavior cloning takes ("
                + dev.ugoki.core.train.Algorithm.BC.maxSteps()
                + ")");
    assertThat(out).doesNotExist();
  }
}
