package dev.ugoki.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays kept by {@link ReplayRecorder}, written and read back by {@link ReplayFile} and played
 * again by {@link Replayer}: on every scenario, with the wrappers that draw random numbers (sensor
 * noise, domain randomization, a body family) and the action repeat; an episode's every state comes
 * back at its step; and every kind of damaged file is refused naming its line.
 */
class ReplayFileTest {
  @TempDir Path dir;

  static Stream<Arguments> configs() {
    return Stream.of(
        Arguments.of("race", Map.of()),
        Arguments.of(
            "race", Map.of("obs_noise", 0.05, "dr.action_delay", 2, "dr.sensor_noise", 0.1)),
        Arguments.of("navigate", Map.of("action_repeat", 3)),
        Arguments.of("reach", Map.of()),
        Arguments.of("multitask", Map.of()));
  }

  /** An episode of the expert with seeded noise on its actions (so not the expert's own path). */
  static Replay record(String scenario, Map<String, ?> keys, long seed, List<float[]> obsSeen) {
    Replay[] done = new Replay[1];
    Env env = new ReplayRecorder(Scenarios.make(scenario, keys), "expert", r -> done[0] = r);
    Random noise = new Random(seed);
    obsSeen.add(env.reset(seed));
    Expert expert = env.expert();
    StepResult r;
    do {
      float[] a = expert.act();
      for (int i = 0; i < a.length; i++) {
        a[i] = Math.max(-1f, Math.min(1f, a[i] + 0.2f * (float) noise.nextGaussian()));
      }
      r = env.step(a);
      obsSeen.add(r.observation());
    } while (!r.done() && obsSeen.size() < 3000);
    return done[0] != null ? done[0] : ((ReplayRecorder) env).current();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configs")
  void aReplayReadBackIsTheReplayWrittenAndReproducesItsEpisode(
      String scenario, Map<String, ?> keys) throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      List<float[]> obs = new ArrayList<>();
      Replay r = record(scenario, keys, seed, obs);
      assertThat(r.steps()).isPositive();
      Path f = dir.resolve(scenario + "-" + seed + ReplayFile.SUFFIX);
      ReplayFile.write(f, r);
      Replay back = ReplayFile.read(f);
      assertThat(back).isEqualTo(r);
      assertThat(Replayer.verify(back).reproduced()).as(Replayer.verify(back).why()).isTrue();
      assertThat(ReplayFile.looksLikeReplay(f)).isTrue();
      // same replay, same bytes
      Path g = dir.resolve("again" + ReplayFile.SUFFIX);
      ReplayFile.write(g, back);
      assertThat(Files.readAllBytes(g)).isEqualTo(Files.readAllBytes(f));
      // the state at any step is the one the episode passed through
      for (int step : new int[] {0, r.steps() / 3, r.steps() - 1}) {
        Env at = Replayer.envAt(back, step);
        float[] o = at.step(back.action(step)).observation();
        assertThat(o).as("step %d", step).isEqualTo(obs.get(step + 1));
      }
    }
  }

  @Test
  void aChangedRewardOrActionIsCaughtAtItsStep() throws Exception {
    Replay r = record("race", Map.of(), 7, new ArrayList<>());
    double[] rewards = r.rewards().clone();
    rewards[100] = Math.nextUp(rewards[100]); // one bit
    Replay changed =
        new Replay(
            r.scenario(),
            r.scenarioVersion(),
            r.config(),
            r.seed(),
            r.driver(),
            r.actionSize(),
            r.actions(),
            rewards,
            r.end());
    Replayer.Check c = Replayer.verify(changed);
    assertThat(c.reproduced()).isFalse();
    assertThat(c.steps()).isEqualTo(100);
    assertThat(c.why()).contains("step 100 gave reward");
    Replay cut = r.firstSteps(50);
    assertThat(Replayer.verify(cut).reproduced()).isTrue();
    assertThat(cut.end()).isEqualTo(Replay.CUT);
    Replay otherSeed =
        new Replay(
            r.scenario(),
            r.scenarioVersion(),
            r.config(),
            8,
            r.driver(),
            r.actionSize(),
            r.actions(),
            r.rewards(),
            r.end());
    assertThat(Replayer.verify(otherSeed).reproduced()).isFalse();
  }

  private String good() throws Exception {
    Replay r = record("reach", Map.of(), 3, new ArrayList<>()).firstSteps(3);
    return new String(ReplayFile.bytes(r), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void everyKindOfDamagedFileIsRefusedNamingItsLine() throws Exception {
    String ok = good();
    String[] lines = ok.split("\n");
    assertThat(lines).hasSize(5);
    String header = lines[0];
    String step0 = lines[1];
    String end = lines[4];
    Map<String, String[]> bad = new java.util.LinkedHashMap<>();
    bad.put("", new String[] {"line 1", "empty"});
    bad.put("not json\n", new String[] {"line 1", "not a replay header"});
    bad.put("{\"format\":\"ugoki-demo\"}\n", new String[] {"line 1", "not a Ugoki replay"});
    bad.put(
        header.replace("\"version\":1", "\"version\":2") + "\n" + end,
        new String[] {"line 1", "version 2"});
    bad.put(
        header.replace("\"action_size\":2", "\"action_size\":100000") + "\n",
        new String[] {"line 1", "action_size"});
    bad.put(header.replace("\"seed\":3", "\"seed\":1e400") + "\n", new String[] {"line 1", "seed"});
    bad.put(header + "\n" + lines[2] + "\n", new String[] {"line 2", "t=1 where t=0"});
    bad.put(
        header + "\n" + step0.replace("],", ",0.5],") + "\n",
        new String[] {"line 2", "more than 2"});
    bad.put(
        header + "\n" + step0.replaceFirst("\\[[^,]*,", "[NaN,") + "\n",
        new String[] {"line 2", "action[0] is NaN"});
    bad.put(
        header + "\n" + step0.replaceFirst("\"reward\":[^}]*", "\"reward\":\"x\"") + "\n",
        new String[] {"line 2", "reward is not a number"});
    bad.put(header + "\n" + step0 + "\n" + lines[2] + "\n", new String[] {"line 3", "cut off"});
    bad.put(
        header + "\n" + step0 + "\n" + end,
        new String[] {"line 3", "counts 3 steps, the file has 1"});
    bad.put(
        ok.replaceFirst("\"return\":[^}]*", "\"return\":1.5"),
        new String[] {"line 5", "not the sum"});
    bad.put(ok + step0 + "\n", new String[] {"line 6", "after the last"});
    bad.put(
        header + "\n" + "{\"t\":0,\"action\":[" + "1.0,".repeat(2000) + "1.0]}\n",
        new String[] {"line 2", "longer than"});
    int i = 0;
    for (Map.Entry<String, String[]> e : bad.entrySet()) {
      Path f = dir.resolve("bad-" + i++ + ReplayFile.SUFFIX);
      Files.writeString(f, e.getKey());
      assertThatThrownBy(() -> ReplayFile.read(f))
          .as(e.getKey())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(f.toString())
          .hasMessageContainingAll(e.getValue());
    }
  }

  @Test
  void aFileLargerThanAnyReplayIsRefusedBeforeItIsRead() throws Exception {
    Path f = dir.resolve("huge" + ReplayFile.SUFFIX);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(ReplayFile.MAX_BYTES + 1); // sparse: no disk is used
    }
    assertThatThrownBy(() -> ReplayFile.read(f)).hasMessageContaining("larger than a replay");
    assertThat(ReplayFile.looksLikeReplay(f)).isFalse();
  }
}
