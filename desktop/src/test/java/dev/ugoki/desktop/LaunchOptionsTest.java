package dev.ugoki.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.desktop.session.Driver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

  @Test
  void agentsComeInTheOrderGiven(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.zip");
    Path b = dir.resolve("b.zip");
    Files.copy(dev.ugoki.core.io.Zoo.resolve("zoo:race"), a);
    Files.copy(dev.ugoki.core.io.Zoo.resolve("zoo:race"), b);
    LaunchOptions o =
        LaunchOptions.parse(
            "--policy",
            a.toString(),
            "--expert",
            "--keyboard",
            "--policy=" + b,
            "--seed",
            "9",
            "--scenario=navigate",
            "--set",
            "lidar.rays=16");
    assertThat(o.drivers())
        .containsExactly(
            new Driver.Policy(a), new Driver.Expert(), new Driver.Keyboard(), new Driver.Policy(b));
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.scenario()).isEqualTo("navigate");
    assertThat(o.overrides()).isEqualTo(Map.of("lidar.rays", "16"));
    assertThat(o.script()).isNull();
    assertThat(o.maxFps()).isEqualTo(60);
  }

  @TempDir Path replays;

  @Test
  void aReplayBringsItsScenarioAndSeedAndABadOneIsOneLine() throws Exception {
    dev.ugoki.sim.env.Env env =
        new dev.ugoki.core.replay.ReplayRecorder(
            dev.ugoki.sim.registry.Scenarios.make("reach"), "expert");
    env.reset(12);
    for (int t = 0; t < 5; t++) {
      env.step(env.expert().act());
    }
    Path file = replays.resolve("reach-12.replay.jsonl");
    dev.ugoki.core.replay.ReplayFile.write(
        file, dev.ugoki.core.replay.ReplayRecorder.in(env).current());
    LaunchOptions o = LaunchOptions.parse("--replay", file.toString(), "--expert");
    assertThat(o.scenario()).isEqualTo("reach");
    assertThat(o.seed()).isEqualTo(12);
    assertThat(o.drivers()).hasSize(2);
    assertThat(o.drivers().get(0)).isInstanceOf(Driver.Replayed.class);
    assertThat(o.drivers().get(0).label()).isEqualTo("replay reach-12");
    assertThat(o.replaysDir()).isEqualTo(Path.of("runs", "replays"));
    assertThatThrownBy(() -> LaunchOptions.parse("--replay", file.toString(), "--scenario", "race"))
        .hasMessageContaining("is of reach, not race");
    Path cut = replays.resolve("cut.replay.jsonl");
    List<String> lines = Files.readAllLines(file);
    Files.write(cut, lines.subList(0, lines.size() - 1));
    assertThatThrownBy(() -> LaunchOptions.parse("--replay", cut.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut.replay.jsonl")
        .hasMessageContaining("cut off")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> LaunchOptions.parse("--replay", replays.resolve("none").toString()))
        .hasMessageContaining("cannot read");
  }

  @Test
  void defaultsAreRaceSeedOneAndTheExpertRacingTheShippedPolicy() {
    LaunchOptions o = LaunchOptions.parse();
    assertThat(o.scenario()).isEqualTo("race");
    assertThat(o.seed()).isEqualTo(1);
    assertThat(o.drivers())
        .containsExactly(
            new Driver.Expert(), new Driver.Policy(dev.ugoki.core.io.Zoo.resolve("zoo:race")));
    assertThat(LaunchOptions.parse("--scenario", "reach").drivers())
        .containsExactly(
            new Driver.Expert(),
            new Driver.Policy(dev.ugoki.core.io.Zoo.resolve("zoo:foundation")));
    assertThat(LaunchOptions.parse("--keyboard").drivers()).containsExactly(new Driver.Keyboard());
    assertThat(LaunchOptions.parse("--policy", "zoo:navigate").drivers())
        .containsExactly(new Driver.Policy(dev.ugoki.core.io.Zoo.resolve("zoo:navigate")));
    assertThatThrownBy(() -> LaunchOptions.parse("--policy", "zoo:nothing"))
        .hasMessageContaining("no policy 'nothing'");
    assertThat(o.demosDir()).isEqualTo(Path.of("runs", "demos"));
    assertThat(LaunchOptions.parse("--demos-dir", "my/demos").demosDir())
        .isEqualTo(Path.of("my/demos"));
    assertThat(LaunchOptions.parse("--demos-dir=d").demosDir()).isEqualTo(Path.of("d"));
  }

  @Test
  void aScriptWithShotsNeedsAFolder() {
    assertThatThrownBy(() -> LaunchOptions.parse("--script", "drive 1; shot a"))
        .hasMessageContaining("--screenshots");
    LaunchOptions o =
        LaunchOptions.parse(
            "--script",
            "drive 1; shot a",
            "--screenshots",
            "out",
            "--fps-report",
            "fps.json",
            "--max-fps",
            "0");
    assertThat(o.script().shots()).containsExactly("a");
    assertThat(o.screenshots()).isEqualTo(Path.of("out"));
    assertThat(o.fpsReport()).isEqualTo(Path.of("fps.json"));
    assertThat(o.maxFps()).isZero();
    assertThatThrownBy(() -> LaunchOptions.parse("--screenshots", "out"))
        .hasMessageContaining("go with --script");
  }

  @Test
  void badArgumentsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> LaunchOptions.parse("--scenario", "fly"))
        .hasMessageContaining("unknown scenario 'fly'")
        .hasMessageContaining("race, navigate");
    assertThatThrownBy(() -> LaunchOptions.parse("--set", "lidar.ray=3"))
        .hasMessageContaining("lidar.rays");
    assertThatThrownBy(() -> LaunchOptions.parse("--seed", "-1")).hasMessageContaining("--seed");
    assertThatThrownBy(() -> LaunchOptions.parse("--seed", "x"))
        .hasMessageContaining("Invalid value for option '--seed'");
    assertThatThrownBy(() -> LaunchOptions.parse("--policy"))
        .hasMessageContaining("Missing required parameter for option '--policy'");
    assertThatThrownBy(() -> LaunchOptions.parse("--fly"))
        .hasMessageContaining("Unknown option: '--fly'");
    assertThatThrownBy(() -> LaunchOptions.parse("--set", "novalue"))
        .hasMessageContaining("KEY=VALUE");
  }

  @Test
  void trainingOptionsAreCheckedBeforeTheWindowOpens(@TempDir Path tmp) throws Exception {
    LaunchOptions o =
        LaunchOptions.parse(
            "--train-set",
            "ppo.num_envs=8",
            "--train-set",
            "dagger.iterations=2",
            "--runs-dir",
            "r",
            "--demos",
            "a.jsonl",
            "--demos=b.jsonl");
    assertThat(o.training().sets()).containsExactly("ppo.num_envs=8", "dagger.iterations=2");
    assertThat(o.training().runsDir()).isEqualTo(Path.of("r"));
    assertThat(o.training().configYaml()).isNull();
    assertThat(o.demos()).containsExactly(Path.of("a.jsonl"), Path.of("b.jsonl"));
    assertThat(LaunchOptions.parse().training().runsDir()).isEqualTo(Path.of("runs"));

    assertThatThrownBy(() -> LaunchOptions.parse("--train-set", "ppo.num_env=8"))
        .hasMessageContaining("num_env");
    assertThatThrownBy(() -> LaunchOptions.parse("--from", "nowhere.zip"))
        .hasMessageContaining("--from")
        .hasMessageContaining("nowhere.zip");
    assertThatThrownBy(() -> LaunchOptions.parse("--train-config", "nowhere.yaml"))
        .hasMessageContaining("no such file")
        .hasMessageContaining("nowhere.yaml");
    Path yaml = tmp.resolve("t.yaml");
    Files.writeString(yaml, "steps: 1000\nbogus: 1\n");
    assertThatThrownBy(() -> LaunchOptions.parse("--train-config", yaml.toString()))
        .hasMessageContaining("bogus");
    Files.writeString(yaml, "steps: 1000\nalgo_config: {num_envs: 4}\n");
    assertThat(LaunchOptions.parse("--train-config", yaml.toString()).training().configYaml())
        .isEqualTo(yaml);
  }

  @Test
  void helpNeedsNothingElse() {
    assertThat(LaunchOptions.parse("--help", "--scenario", "fly").help()).isTrue();
    assertThat(LaunchOptions.usage())
        .contains("--policy=FILE", "--script", "--fps-report", "keys:");
  }

  @Test
  void aRunsPolicyIsNamedByItsRun() {
    assertThat(new Driver.Policy(Path.of("runs/race-bc-1-20261129-041852/policy.zip")).label())
        .isEqualTo("policy race-bc-1");
    assertThat(new Driver.Policy(Path.of("best.zip")).label()).isEqualTo("policy best.zip");
    assertThat(List.of(new Driver.Expert().label(), new Driver.Keyboard().label()))
        .containsExactly("expert", "keyboard");
  }

  /** A pipe given as a replay is refused in one plain line, never waited on (issue 26, 3, 15). */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aPipeGivenAsAReplayIsRefusedInOnePlainLine(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("x.replay.jsonl");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    assertThatThrownBy(() -> LaunchOptions.parse("--replay", fifo.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--replay: cannot read " + fifo + ": it is a device or a pipe, not a regular file");
  }

  /** A file that is no policy was only found once the window had opened (issue 26, probe 16). */
  @Test
  void aPolicyOrStartingPointThatIsNoPolicyIsRefusedBeforeTheWindow(@TempDir Path dir)
      throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    assertThatThrownBy(() -> LaunchOptions.parse("--policy", junk.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--policy: ")
        .hasMessageContaining("junk.zip")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> LaunchOptions.parse("--from", junk.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--from: ")
        .hasMessageContaining("junk.zip");
  }
}
