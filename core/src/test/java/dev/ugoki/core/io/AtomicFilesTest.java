package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An atomic write replaces a regular file or makes a new one, and refuses every other target before
 * writing: a rename would have replaced it with a file.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNewNameAndARegularFileAreWritten() throws IOException {
    Path f = dir.resolve("a.json");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(f).hasContent("two");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(f); // no temporary file stays
    }
  }

  @Test
  void aSymbolicLinkIsRefusedAndKept() throws IOException {
    Path real = Files.writeString(dir.resolve("real.onnx"), "model");
    Path link = Files.createSymbolicLink(dir.resolve("link.onnx"), real);
    assertThatThrownBy(() -> AtomicFiles.writeString(link, "x"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            link + " is a symbolic link, not a regular file: give the path of a file to write");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("model");
  }

  @Test
  void aFolderIsRefused() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("out.json"));
    assertThatThrownBy(() -> AtomicFiles.writeString(sub, "x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a folder, not a regular file");
    assertThat(sub).isDirectory();
  }

  @Test
  void aDeviceIsRefusedBeforeAnythingIsWritten() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull), "a system with /dev/null");
    assertThatThrownBy(() -> AtomicFiles.writeString(devNull, "x"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "/dev/null is a device or a pipe, not a regular file: give the path of a file to write");
    assertThat(Files.isRegularFile(devNull)).isFalse();
  }

  @Test
  void aPipeIsRefused() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "mkfifo makes a pipe here");
    assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a device or a pipe");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }
}
