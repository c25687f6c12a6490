package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyChoicesTest {
  @TempDir Path dir;

  private Path run(String name, long minute) throws Exception {
    Path p = dir.resolve("runs").resolve(name).resolve("policy.zip");
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
    Files.setLastModifiedTime(p, FileTime.fromMillis(minute * 60_000));
    return p;
  }

  @Test
  void theZoosPoliciesComeFirstThenTheNewestRunsNineInAll() throws Exception {
    for (int i = 0; i < 12; i++) {
      run("race-ppo-" + i, 100 + i);
    }
    Files.createDirectories(dir.resolve("runs").resolve("no-policy-yet"));
    List<PolicyChoices.Choice> c = PolicyChoices.list(Zoo.dir(), dir.resolve("runs"));
    assertThat(c).hasSize(PolicyChoices.MAX);
    assertThat(c.get(0).label()).startsWith("zoo:race: ");
    assertThat(c.get(1).label()).startsWith("zoo:navigate");
    assertThat(c.get(2).label()).startsWith("zoo:foundation");
    assertThat(c.get(0).file()).isEqualTo(Zoo.file(Zoo.dir(), "race"));
    assertThat(c.subList(3, 9))
        .extracting(PolicyChoices.Choice::label)
        .containsExactly(
            "race-ppo-11", "race-ppo-10", "race-ppo-9", "race-ppo-8", "race-ppo-7", "race-ppo-6");
  }

  @Test
  void noZooAndNoRunsFolderOffersNothing() {
    assertThat(PolicyChoices.list(dir.resolve("none"), dir.resolve("nothing"))).isEmpty();
  }
}
