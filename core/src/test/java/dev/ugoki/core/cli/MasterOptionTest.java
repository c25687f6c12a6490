package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command with cells refuses a bad {@code --master} in one line with exit 2, before any Spark
 * starts (issue 26, probes 8-10: 44 to 173 lines of Spark's traces before).
 */
class MasterOptionTest extends CliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"local[0]", "local[-1]", "local[abc]", "local[*", "local[100000]", "k8s://"})
  void aBadMasterIsOneLine(String master) {
    String[][] commands = {
      {"eval", "--expert", "--seeds", "1-2", "--master", master},
      {"demos", "--seeds", "1-2", "--out", dir.resolve("d.jsonl").toString(), "--master", master},
    };
    for (String[] c : commands) {
      assertThat(run(c)).as(String.join(" ", c)).isEqualTo(Main.USAGE_ERROR);
      assertThat(err.toString().strip())
          .startsWith("ugoki: error: --master " + master)
          .doesNotContain("\n");
      assertThat(out.toString()).doesNotContain("episodes");
      err.getBuffer().setLength(0);
      out.getBuffer().setLength(0);
    }
  }
}
