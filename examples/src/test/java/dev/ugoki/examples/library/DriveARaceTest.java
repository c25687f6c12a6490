package dev.ugoki.examples.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library example runs as docs/library.md says, and the guide shows it as it is. */
class DriveARaceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theHandWrittenControllerAndTheZooPolicyBothDrive() {
    PrintStream was = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      DriveARace.main(new String[] {"1"});
    } finally {
      System.setOut(was);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("actions:      [steer, throttle]");
    assertThat(out).containsPattern("hand-written +lapped after \\d+\\.\\d s, 1\\.00 laps");
    assertThat(out).containsPattern("zoo:race +lapped after \\d+\\.\\d s, 1\\.00 laps");
  }

  @Test
  void theGuideShowsTheExampleAsItIs() throws Exception {
    String source =
        Files.readString(
            ROOT.resolve("examples/src/main/java/dev/ugoki/examples/library/DriveARace.java"));
    String guide = Files.readString(ROOT.resolve("docs/library.md"));
    assertThat(guide).contains("```java\n" + source + "```");
  }
}
