package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** Errors in one line that says the path and the cause (issue 26, probes 7 and 15). */
class ErrorTextTest extends CliTest {

  @Test
  void aFileSystemErrorSaysItsPathAndItsCause() {
    assertThat(ErrorText.of(new AccessDeniedException("/runs/x")))
        .isEqualTo("/runs/x: permission denied");
    assertThat(ErrorText.of(new FileSystemException("/runs/x", null, "No space left on device")))
        .isEqualTo("/runs/x: No space left on device");
    assertThat(ErrorText.of(new UncheckedIOException(new AccessDeniedException("/r/seed-1"))))
        .isEqualTo("/r/seed-1: permission denied");
    assertThat(
            ErrorText.of(
                new UncheckedIOException(
                    "cannot write a replay into /r",
                    new FileSystemException("/r/seed-1", null, "No space left on device"))))
        .isEqualTo("cannot write a replay into /r: /r/seed-1: No space left on device");
  }

  @Test
  void controlCharactersAreShownEscaped() {
    assertThat(ErrorText.escaped("zoo:race\nfake line\t\u001b[31m"))
        .isEqualTo("zoo:race\\nfake line\\t\\u001b[31m");
  }

  @Test
  void aNameWithANewlineCannotBreakTheLine() {
    assertThat(run("eval", "--policy", "zoo:race\nfake line")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .startsWith("ugoki: error: ")
        .contains("no policy 'race\\nfake line'");
  }

  /** --record onto earlier replays overwrote them silently (issue 26, probe 7). */
  @Test
  void recordRefusesAFolderOfEarlierReplaysBeforeEvaluating(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String r = dir.resolve("r").toString();
    assertThat(run("eval", "--expert", "--scenario", "reach", "--seeds", "1", "--record", r))
        .isZero();
    out.getBuffer().setLength(0);
    assertThat(run("eval", "--expert", "--scenario", "reach", "--seeds", "1", "--record", r))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ugoki: error: --record "
                + r
                + " holds 1 replays already, which this evaluation would overwrite: give a new"
                + " folder");
    assertThat(out.toString()).doesNotContain("episodes");
  }
}
