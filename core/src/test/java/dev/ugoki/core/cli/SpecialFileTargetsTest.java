package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that are not regular files (a device, a pipe, a folder, a symbolic link) are refused in
 * one line before any work, never replaced by a file (issue 26, probe 2).
 */
class SpecialFileTargetsTest extends CliTest {
  @TempDir Path dir;

  private void refused(int code, String path, String what) {
    assertThat(code).as(err.toString()).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ugoki: error: "
                + path
                + " is "
                + what
                + ", not a regular file: give the path of a file to write");
    err.getBuffer().setLength(0);
  }

  @Test
  void exportRefusesADeviceAndLeavesItADevice() {
    assumeTrue(Files.exists(Path.of("/dev/null")));
    refused(
        run("export", "--policy", "zoo:race", "--onnx", "/dev/null"),
        "/dev/null",
        "a device or a pipe");
    assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
  }

  @Test
  void exportRefusesASymbolicLinkAndKeepsIt() throws Exception {
    Path real = Files.writeString(dir.resolve("real.onnx"), "kept");
    Path link = Files.createSymbolicLink(dir.resolve("link.onnx"), real);
    refused(
        run("export", "--policy", "zoo:race", "--onnx", link.toString()),
        link.toString(),
        "a symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("kept");
  }

  @Test
  void evalRefusesItsJsonTargetBeforeItEvaluates() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("eval.json"));
    refused(
        run("eval", "--expert", "--seeds", "1-2", "--json", folder.toString()),
        folder.toString(),
        "a folder");
    assertThat(out.toString()).doesNotContain("episodes"); // no table: nothing was evaluated
  }

  @Test
  void evalRefusesAPipe() throws Exception {
    Path fifo = dir.resolve("eval.json");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    refused(
        run("eval", "--expert", "--seeds", "1-2", "--json", fifo.toString()),
        fifo.toString(),
        "a device or a pipe");
  }
}
