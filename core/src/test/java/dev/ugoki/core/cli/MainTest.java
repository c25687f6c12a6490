package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line, as a user would, and reads what it prints and writes. */
class MainTest extends CliTest {
  @Test
  void evalOfTheExpertPrintsATableAndWritesJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("eval.json");
    int code =
        run(
            "eval",
            "--expert",
            "--scenario",
            "navigate",
            "--seeds",
            "1-3",
            "--json",
            json.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("navigate").contains("expert").contains("success");
    JsonNode doc = new ObjectMapper().readTree(Files.readString(json));
    assertThat(doc.get("episodes").asInt()).isEqualTo(3);
    assertThat(doc.get("success_rate").asDouble()).isBetween(0.0, 1.0);
    assertThat(doc.get("per_episode")).hasSize(3);
    assertThat(doc.get("config").get("lidar.rays").asInt()).isEqualTo(32);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(json); // no temporary file left behind
    }
  }

  @Test
  void anUnknownConfigKeyIsOneLineOnStderrAndExitCode2() {
    int code = run("eval", "--expert", "--set", "lidar.ray=3", "--seeds", "1");
    assertThat(code).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString())
        .startsWith("ugoki: error: race has no config key 'lidar.ray'")
        .contains("did you mean lidar.rays")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void anOutOfRangeValueAndABadSeedRangeAreRefused() {
    assertThat(run("eval", "--expert", "--set", "car.max_speed=-5", "--seeds", "1"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("car.max_speed = -5 is outside");
    assertThat(run("eval", "--expert", "--seeds", "9-2")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("seed range 9-2 is empty");
  }

  @Test
  void scenariosListsEveryKeyWithItsDoc() {
    assertThat(run("scenarios")).isZero();
    assertThat(out.toString())
        .contains("race (v1, built in)")
        .contains("success:      laps (lap done)")
        .contains("navigate (v3, built in)")
        .contains("lidar.rays")
        .contains("reward.progress")
        .contains("lateral_error");
  }

  @Test
  void scenariosListsEveryAlgorithmKeyAsItIsDeclared() {
    assertThat(run("scenarios")).isZero();
    String listed = out.toString();
    for (dev.ugoki.core.train.Algorithm a : dev.ugoki.core.train.Algorithm.values()) {
      assertThat(listed).contains("algorithm " + a.id() + " (--set " + a.id() + ".KEY=VALUE)");
      for (dev.ugoki.sim.config.Param p : a.params()) {
        assertThat(listed)
            .containsPattern(
                "(?m)^  "
                    + java.util.regex.Pattern.quote(p.key())
                    + " .*\\["
                    + java.util.regex.Pattern.quote(p.toPlain(p.min()) + ", " + p.toPlain(p.max()))
                    + "\\]  "
                    + java.util.regex.Pattern.quote(p.doc())
                    + "$");
      }
    }
  }
}
