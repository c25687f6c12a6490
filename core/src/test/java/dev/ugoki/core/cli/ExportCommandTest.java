package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ugoki export} and the zoo's names on the real command line: the same policy gives the
 * same model bytes; a damaged or foreign file is one line and leaves the previous model whole; and
 * {@code zoo:NAME} works where a policy file is asked for.
 */
class ExportCommandTest extends CliTest {
  @TempDir Path dir;

  private void oneLineError(int code, String... says) {
    assertThat(code).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("\tat ").contains(says);
    err.getBuffer().setLength(0);
  }

  private void onlyFiles(Path... files) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).as("no temporary file left").containsExactlyInAnyOrder(files);
    }
  }

  @Test
  void theSamePolicyGivesTheSameModelBytes() throws Exception {
    Path a = dir.resolve("a.onnx");
    Path b = dir.resolve("b.onnx");
    assertThat(run("export", "--policy", "zoo:race", "--onnx", a.toString()))
        .as(err.toString())
        .isZero();
    assertThat(run("export", "--policy", "zoo:race", "--onnx", b.toString(), "--critic")).isZero();
    assertThat(run("export", "--policy", "zoo:race", "--onnx", b.toString(), "--critic")).isZero();
    assertThat(out.toString()).contains("wrote " + a).contains("race -> ").contains("2 actions");
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b)); // b has the critic
    byte[] again = Files.readAllBytes(b);
    assertThat(run("export", "--policy", "zoo:race", "--onnx", b.toString(), "--critic")).isZero();
    assertThat(Files.readAllBytes(b)).isEqualTo(again);
    onlyFiles(a, b);
  }

  @Test
  void aDamagedOrForeignPolicyIsOneLineAndTheOldModelStaysWhole() throws Exception {
    Path model = dir.resolve("policy.onnx");
    assertThat(run("export", "--policy", "zoo:race", "--onnx", model.toString())).isZero();
    byte[] before = Files.readAllBytes(model);
    byte[] zip = Files.readAllBytes(dev.ugoki.core.io.Zoo.resolve("zoo:race"));
    Path cut = dir.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(zip, zip.length / 2));
    oneLineError(run("export", "--policy", cut.toString(), "--onnx", model.toString()), "cut.zip");
    Path text = dir.resolve("notes.zip");
    Files.writeString(text, "not a policy\n");
    oneLineError(
        run("export", "--policy", text.toString(), "--onnx", model.toString()), "notes.zip");
    Path foreign = dir.resolve("other.zip");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign))) {
      z.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
      z.write("a zip, not a policy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    oneLineError(
        run("export", "--policy", foreign.toString(), "--onnx", model.toString()), "other.zip");
    oneLineError(
        run("export", "--policy", dir.resolve("none.zip").toString(), "--onnx", model.toString()),
        "none.zip");
    assertThat(Files.readAllBytes(model)).isEqualTo(before);
    oneLineError(run("export", "--policy", "zoo:race", "--onnx", dir.toString()), "is a folder");
    onlyFiles(model, cut, text, foreign);
  }

  @Test
  void zooNamesWorkWhereAPolicyIsAskedFor() {
    assertThat(run("eval", "--policy", "zoo:race", "--seeds", "1001-1002"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("race").contains("success");
    oneLineError(
        run("eval", "--policy", "zoo:racer", "--seeds", "1"),
        "no policy 'racer'",
        "zoo:race, zoo:navigate, zoo:foundation");
  }

  @Test
  void theShippedFoundationFineTunesOnATask() throws Exception {
    int code =
        run(
            "train",
            "--scenario",
            "reach",
            "--algo",
            "bc",
            "--from",
            "zoo:foundation",
            "--steps",
            "600",
            "--set",
            "bc.epochs=1",
            "--eval-seeds",
            "1-2",
            "--out",
            dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("policy: ");
  }
}
