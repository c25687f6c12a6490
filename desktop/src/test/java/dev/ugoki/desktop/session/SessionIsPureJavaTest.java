package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model never draws (SuperJumper's rule): the session package imports no LibGDX. */
class SessionIsPureJavaTest {
  @Test
  void theSessionPackageImportsNoGraphics() throws IOException {
    Path dir = Path.of("src", "main", "java", "dev", "ugoki", "desktop", "session");
    List<Path> sources;
    try (Stream<Path> s = Files.list(dir)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path p : sources) {
      assertThat(Files.readString(p)).as(p.toString()).doesNotContain("com.badlogic", "java.awt");
    }
  }
}
