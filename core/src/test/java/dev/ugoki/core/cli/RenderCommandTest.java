package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code ./ugoki render} through the real command line. */
class RenderCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void theExpertsEpisodeBecomesAGifAndOneLineOfReport() throws Exception {
    Path gif = dir.resolve("a.gif");
    int code =
        run("render", "--expert", "--seed", "1", "--max-steps", "60", "--out", gif.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(frames(gif)).isEqualTo(61); // the reset, then every step at 20 fps and dt 0.05 s
    assertThat(out.toString())
        .startsWith(gif.toString())
        .contains("61 frames")
        .contains("stopped after 60 steps")
        .hasLineCount(1);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(gif);
    }
  }

  @Test
  void aFollowViewOfNavigateIntoANewFolderEveryThirdStep() throws Exception {
    Path gif = dir.resolve("new/folder/b.gif");
    int code =
        run(
            "render",
            "--expert",
            "--scenario",
            "navigate",
            "--seed",
            "2",
            "--view",
            "follow",
            "--size",
            "200x120",
            "--every",
            "3",
            "--max-steps",
            "30",
            "--out",
            gif.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(frames(gif)).isEqualTo(11);
  }

  @Test
  void aBadSizeIsOneLineAndExitCode2() {
    int code =
        run("render", "--expert", "--size", "0x10", "--out", dir.resolve("a.gif").toString());
    assertThat(code).isEqualTo(Main.USAGE_ERROR);
    assertOneLineError("ugoki: error: --size 0x10: each side must be between 16 and 4096");
    assertThat(run("render", "--expert", "--size", "big", "--out", "a.gif"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--size must be WIDTHxHEIGHT");
  }

  @Test
  void anOutputThatIsNotAGifIsRefusedBeforeAnythingRuns() {
    Path png = dir.resolve("x.png");
    assertThat(run("render", "--expert", "--out", png.toString())).isEqualTo(Main.USAGE_ERROR);
    assertOneLineError("ugoki: error: --out " + png + ": the file name must end in .gif");
    assertThat(Files.exists(png)).isFalse();
  }

  @Test
  void aFolderThatCannotBeCreatedAndBadRatesAreRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(run("render", "--expert", "--out", file.resolve("a.gif").toString()))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString())
        .contains("cannot create the folder")
        .contains("plain-file is a file");
    assertThat(run("render", "--expert", "--fps", "0", "--out", "a.gif"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--fps must be between 1 and 50");
    assertThat(run("render", "--expert", "--every", "0", "--out", "a.gif"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--every must be at least 1");
    assertThat(run("render", "--expert", "--view", "top", "--out", "a.gif"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString())
        .contains("--view must be world or follow")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private void assertOneLineError(String start) {
    assertThat(err.toString())
        .startsWith(start)
        .hasLineCount(1)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  private static int frames(Path gif) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      return reader.getNumImages(true);
    } finally {
      reader.dispose();
    }
  }
}
