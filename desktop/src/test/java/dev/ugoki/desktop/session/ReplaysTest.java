package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.Zoo;
import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.core.replay.Replayer;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scene.Scene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays in the window, without graphics: every agent's episode saved replays bit for bit
 * headless; an opened replay plays as recorded and stands still at its end; the timeline scrubs
 * back and forward to exactly the recorded states; a fork from the keys, the expert or a policy
 * (also one in a shared layout that infers its body) starts from exactly the replay's state; and
 * agents join and leave at runtime.
 */
class ReplaysTest {
  @TempDir Path dir;

  /** Runs {@code steps} single steps. */
  private static void steps(Session s, int steps) {
    for (int i = 0; i < steps; i++) {
      s.singleStep();
    }
  }

  /** An expert episode of {@code scenario} on {@code seed}, written to a replay file. */
  private Path expertReplay(String scenario, Map<String, ?> keys, long seed) throws Exception {
    Replay[] done = new Replay[1];
    Env env =
        new dev.ugoki.core.replay.ReplayRecorder(
            Scenarios.make(scenario, keys), "expert", r -> done[0] = r);
    env.reset(seed);
    Expert e = env.expert();
    StepResult r;
    do {
      r = env.step(e.act());
    } while (!r.done());
    Path f = dir.resolve(scenario + "-" + seed + ReplayFile.SUFFIX);
    ReplayFile.write(f, done[0]);
    return f;
  }

  private static void sameState(Scene a, Scene b, String what) {
    assertThat(a.focusX()).as(what + " x").isEqualTo(b.focusX());
    assertThat(a.focusY()).as(what + " y").isEqualTo(b.focusY());
  }

  @Test
  void everyAgentsEpisodeSavedInTheWindowReplaysBitForBit() throws Exception {
    Session s =
        new Session(
            "race",
            Map.of(),
            5,
            List.of(
                new Driver.Expert(),
                new Driver.Keyboard(),
                new Driver.Policy(Zoo.resolve("zoo:race"))));
    s.replays().setDir(dir.resolve("saved"));
    Random keys = new Random(11);
    for (int i = 0; i < 900; i++) {
      // a person's uneven hand: long holds of random steering, full throttle: it crashes
      if (i % 20 == 0) {
        s.keyboard().set(keys.nextFloat() * 2 - 1, 1);
      }
      s.singleStep();
    }
    assertThat(s.agents().get(1).crashes()).as("the keyboard agent crashed").isPositive();
    for (Agent a : s.agents()) {
      Path f = s.replays().save(a);
      assertThat(f).as(s.messages().toString()).isNotNull();
      Replay r = ReplayFile.read(f);
      assertThat(r.driver()).isEqualTo(a.driver().label());
      Replayer.Check c = Replayer.verify(r);
      assertThat(c.reproduced()).as(a.name() + ": " + c.why()).isTrue();
    }
    assertThat(s.messages().get(s.messages().size() - 1)).contains("saved agent 3 policy race");
  }

  @Test
  void anOpenedReplayPlaysAsRecordedScrubsBackAndForthAndStandsStillAtItsEnd() throws Exception {
    Path file = expertReplay("race", Map.of(), 9);
    Replay replay = ReplayFile.read(file);
    Session s = new Session("race", Map.of(), 2, List.of(new Driver.Expert()));
    Agent a = s.replays().open(file, replay);
    assertThat(a).isNotNull();
    assertThat(s.seed()).as("every agent moves to the replay's track").isEqualTo(9);
    // an evaluation's race ends after its lap; the window's watched race goes on for 100
    assertThat(s.messages())
        .anyMatch(m -> m.contains("on its own configuration (max_steps=2000, race.laps=1)"));
    steps(s, 120);
    sameState(a.scene(), Replayer.envAt(replay, 120).scene(), "played 120");
    for (int step : new int[] {40, 300, 0, replay.steps() - 1, 77}) {
      assertThat(s.replays().seek(step)).isTrue();
      assertThat(s.clock().paused()).isTrue();
      assertThat(s.replays().timeline().step()).isEqualTo(step);
      sameState(a.scene(), Replayer.envAt(replay, step).scene(), "seek " + step);
    }
    s.replays().seek(replay.steps() - 3);
    steps(s, 10);
    assertThat(a.replayOver()).isTrue();
    assertThat(a.episodeSteps()).isEqualTo(replay.steps());
    assertThat(a.lastOutcome()).isEqualTo(replay.end());
    sameState(a.scene(), Replayer.envAt(replay, replay.steps()).scene(), "the end");
    // the other agent went on driving
    assertThat(s.agents().get(0).episodeSteps()).isPositive();
  }

  @Test
  void aForkStartsExactlyWhereTheTimelineIsForTheKeysTheExpertAndAPolicy() throws Exception {
    Path file = expertReplay("race", Map.of(), 4);
    Replay replay = ReplayFile.read(file);
    Session s = new Session("race", Map.of(), 4, List.of(new Driver.Replayed(file, replay)));
    s.replays().seek(200);
    Scene there = Replayer.envAt(replay, 200).scene();
    Agent expert = s.replays().fork(new Driver.Expert());
    Agent keys = s.roster().addKeyboard();
    Agent policy = s.roster().add(new Driver.Policy(Zoo.resolve("zoo:race")));
    for (Agent a : List.of(expert, keys, policy)) {
      assertThat(a).as(s.messages().toString()).isNotNull();
      assertThat(a.episodeSteps()).isEqualTo(200);
      sameState(a.scene(), there, a.name());
    }
    assertThat(s.messages()).anyMatch(m -> m.contains("takes over replay race-4 at step 200"));
    // the keys brake hard from there: that body leaves the replay's path
    s.keyboard().set(0, -1);
    steps(s, 30);
    assertThat(keys.speedMps()).isLessThan(s.replays().timeline().agent().speedMps());
    // the fork is a new agent: its episode, saved, replays from the reset through the fork
    Replay forked = keys.replayToSave(0);
    assertThat(forked.steps()).isEqualTo(230);
    assertThat(Replayer.verify(forked).reproduced()).isTrue();
  }

  /** A crash after a fork starts that agent again where the person took over, not at the start. */
  @Test
  void aForkedAgentStartsAgainFromTheForkAfterACrash() throws Exception {
    Path file = expertReplay("race", Map.of(), 4);
    Replay replay = ReplayFile.read(file);
    Session s = new Session("race", Map.of(), 4, List.of(new Driver.Replayed(file, replay)));
    s.replays().seek(200);
    Agent keys = s.roster().addKeyboard();
    // full throttle, hard left: into the wall
    s.keyboard().set(-1, 1);
    for (int i = 0; i < 1000 && keys.crashes() == 0; i++) {
      s.singleStep();
    }
    assertThat(keys.crashes()).isEqualTo(1);
    assertThat(keys.episodeSteps()).isEqualTo(200);
    sameState(keys.scene(), Replayer.envAt(replay, 200).scene(), "after the crash");
  }

  @Test
  void aFoundationPolicyInItsSharedLayoutForksAMultitaskReplayExactly() throws Exception {
    Path foundation = Zoo.resolve("zoo:foundation");
    // the multitask world the foundation was trained on: the body family, its channels
    Map<String, Object> world =
        dev.ugoki.core.io.PolicyFile.load(foundation).meta().scenarioConfig();
    Path file = expertReplay("multitask", world, 3);
    Replay replay = ReplayFile.read(file);
    Session s = new Session("multitask", world, 3, List.of(new Driver.Replayed(file, replay)));
    int step = replay.steps() / 2;
    s.replays().seek(step);
    Agent f = s.roster().add(new Driver.Policy(foundation));
    assertThat(f).as(s.messages().toString()).isNotNull();
    assertThat(f.env()).isNotSameAs(f.env().unwrapped()); // fitted: shared layout, adapter
    sameState(f.scene(), Replayer.envAt(replay, step).scene(), "foundation fork");
    assertThat(f.task()).isEqualTo(s.replays().timeline().agent().task());
  }

  @Test
  void aReplaySitsOutOtherScenariosAndComesBack() throws Exception {
    Path file = expertReplay("race", Map.of(), 6);
    Replay replay = ReplayFile.read(file);
    Session s =
        new Session(
            "race", Map.of(), 6, List.of(new Driver.Expert(), new Driver.Replayed(file, replay)));
    Session nav = s.withScenario("navigate");
    assertThat(nav.agents()).hasSize(1);
    assertThat(nav.replays().timeline()).isNull();
    assertThat(nav.messages()).anyMatch(m -> m.contains("it is a replay of race"));
    assertThat(nav.replays().open(file, replay)).isNull();
    assertThat(nav.messages().get(nav.messages().size() - 1)).contains("is of race, not navigate");
    Session back = nav.withScenario("race");
    assertThat(back.replays().timeline()).isNotNull();
    assertThat(back.replays().timeline().agent().index()).isEqualTo(1);
  }

  @Test
  void agentsJoinAndLeaveAtRuntime() throws Exception {
    Session s = new Session("race", Map.of(), 1, List.of(new Driver.Expert()));
    Agent p = s.roster().add(new Driver.Policy(Zoo.resolve("zoo:race")));
    Agent e = s.roster().add(new Driver.Expert());
    assertThat(s.agents()).hasSize(3);
    steps(s, 5);
    assertThat(p.episodeSteps()).isEqualTo(5);
    assertThat(s.roster().remove(p)).isTrue();
    assertThat(s.seats().batches()).as("its policy batch left with it").isEmpty();
    assertThat(s.roster().remove(e)).isTrue();
    assertThat(s.roster().remove(s.agents().get(0))).isFalse();
    assertThat(s.messages().get(s.messages().size() - 1)).contains("stays: it is the last one");
    // numbers are not given again
    assertThat(s.roster().add(new Driver.Expert()).name()).isEqualTo("4 expert");
    // a file that is no policy is a message, not an agent
    Path junk = dir.resolve("notes.zip");
    Files.writeString(junk, "hello");
    assertThat(s.roster().add(new Driver.Policy(junk))).isNull();
    assertThat(s.messages().get(s.messages().size() - 1)).contains("notes.zip");
    steps(s, 3);
  }
}
