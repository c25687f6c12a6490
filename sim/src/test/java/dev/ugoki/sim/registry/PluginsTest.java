package dev.ugoki.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin path may be, and the one-line refusals of what it may not. */
class PluginsTest {
  @TempDir Path dir;

  @Test
  void aPathThatDoesNotExistIsRefused() {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> Plugins.load(missing.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin path " + missing + " (from UGOKI_PLUGINS) does not exist");
  }

  @Test
  void aFileThatIsNotAJarIsRefused() throws Exception {
    Path fake = Files.writeString(dir.resolve("fake.jar"), "not a zip");
    assertThatThrownBy(() -> Plugins.load(fake.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("plugin " + fake + " is not a jar (");
  }

  @Test
  void aFolderRefusesAJarOfItsThatIsNotOne() throws Exception {
    Files.writeString(dir.resolve("b.jar"), "not a zip");
    assertThatThrownBy(() -> Plugins.load(dir.toString()))
        .hasMessageContaining("b.jar is not a jar");
  }

  @Test
  void aJarWithoutProvidersAndAnEmptyFolderAddNothing() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path jar = dir.resolve("nothing.jar");
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o)) {
      j.putNextEntry(new java.util.jar.JarEntry("README.txt"));
      j.write("no scenario here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    int before = Scenarios.names().size();
    assertThat(Plugins.load(empty + File.pathSeparator + " " + File.pathSeparator + jar)).isEmpty();
    assertThat(Scenarios.names()).hasSize(before);
  }
}
