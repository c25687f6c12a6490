package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run folder written by the version before (policy format 1) goes on with --resume. */
class ResumeVersion1Test extends CliTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain-run", "frozen-run"})
  void aVersion1RunResumes(String name, @TempDir Path tmp) throws Exception {
    Path src = Path.of("src", "test", "resources", "v1", name);
    Path dir = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = dir.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    assertThat(run("train", "--resume", dir.toString(), "--steps", "1536"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("trained 1536 steps");
    // a run from before the early stop goes on as it was configured: without one
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("target_success: 0.0");
    PolicyFile.Loaded resumed = PolicyFile.load(dir.resolve("checkpoints/latest.zip"));
    assertThat(resumed.meta().steps()).isEqualTo(1536);
    assertThat(resumed.optimizer().network().t()).isEqualTo(48); // 32 before, 16 more
    assertThat(resumed.policy().network().frozenLayers())
        .isEqualTo(name.equals("frozen-run") ? 1 : 0);
  }
}
