package dev.ugoki.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.core.replay.ReplayRecorder;
import dev.ugoki.core.replay.Replayer;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scene.Scene;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window with a replay (under Xvfb): it plays as recorded, the timeline scrubs it back to an
 * exact earlier state, the expert forks it there and a policy dropped on the window forks it too,
 * all three drive on from that one state, and the followed agent's episode is saved as a replay
 * that reproduces bit for bit. Checked in the screenshots' pixels and in what shots.json says each
 * shows, against the replay simulated headless.
 */
class DesktopReplayWindowTest {
  private static final long SEED = 4;
  private static Path dir;
  private static ScriptedApp app;
  private static Replay replay;
  private static Path policy;

  @BeforeAll
  static void runTheAppOnAReplay() throws Exception {
    dir = ScriptedApp.freshDir("desktop-replay-window-test");
    Replay[] done = new Replay[1];
    Env env = new ReplayRecorder(Scenarios.make("race"), "expert", r -> done[0] = r);
    env.reset(SEED);
    Expert e = env.expert();
    StepResult r;
    do {
      r = env.step(e.act());
    } while (!r.done());
    replay = done[0];
    Path file = dir.resolve("race-4" + ReplayFile.SUFFIX);
    ReplayFile.write(file, replay);
    policy = Zoo.resolve("zoo:race");
    String script =
        "frames 3; drive 4; shot playing; pause; seek 60; frames 2; shot scrubbed; "
            + "fork expert; frames 2; shot forked; drop "
            + policy
            + "; frames 2; shot dropped; camera 1; save; resume; drive 1; shot raced; "
            + "chase; drive 3; shot chase; chase; camera 3; saliency; frames 2; shot saliency; "
            + "saliency; pause; policies; frames 2; shot policies; pick 1; frames 2; shot picked; "
            + "remove; frames 2; shot removed";
    app =
        new ScriptedApp(
            dir,
            List.of(
                "--replay",
                file.toString(),
                "--replays-dir",
                dir.resolve("saved").toString(),
                "--script",
                script),
            120);
    assertThat(app.exitCode).as("exit code; stderr:\n" + app.stderr).isZero();
  }

  @AfterAll
  static void stopTheDisplay() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  private static Scene at(int step) {
    return Replayer.envAt(replay, step).scene();
  }

  private static void isAt(JsonNode agent, int step) {
    assertThat(agent.get("episode_steps").asInt()).as(agent.get("name").asText()).isEqualTo(step);
    Scene s = at(step);
    assertThat(agent.get("focus").get(0).asDouble()).isEqualTo(s.focusX());
    assertThat(agent.get("focus").get(1).asDouble()).isEqualTo(s.focusY());
  }

  @Test
  void theReplayPlaysAsRecordedAndScrubsBackToAnExactState() {
    JsonNode playing = app.shot("playing");
    int played = playing.get("timeline").get("step").asInt();
    assertThat(played).isGreaterThan(60);
    isAt(playing.get("agents").get(0), played);
    assertThat(playing.get("agents").get(0).get("name").asText()).isEqualTo("1 replay race-4");
    JsonNode scrubbed = app.shot("scrubbed");
    assertThat(scrubbed.get("paused").asBoolean()).isTrue();
    assertThat(scrubbed.get("timeline").get("step").asInt()).isEqualTo(60);
    isAt(scrubbed.get("agents").get(0), 60);
  }

  @Test
  void theTimelineIsDrawnPlayedInTheReplaysTintWithItsHandle() {
    JsonNode s = app.shot("scrubbed");
    BufferedImage img = app.images.get("scrubbed");
    JsonNode bar = s.get("timeline").get("bar");
    int x = bar.get(0).asInt();
    int top = bar.get(1).asInt();
    int w = bar.get(2).asInt();
    int midY = top + bar.get(3).asInt() / 2;
    int[] tint = ScriptedApp.rgb(s.get("agents").get(0).get("tint"));
    int handle = (int) s.get("timeline").get("handle_x").asDouble();
    assertThat(handle).isBetween(x + 1, x + w / 2); // 60 of ~640 steps
    assertThat(ScriptedApp.near(img, x + 1, midY, 1, tint)).as("played part").isTrue();
    assertThat(ScriptedApp.near(img, x + w - 4, midY, 1, tint)).as("not played").isFalse();
    assertThat(ScriptedApp.near(img, handle, midY, 1, new int[] {255, 255, 255}))
        .as("the handle")
        .isTrue();
    assertThat(s.get("hud").toString()).contains("[" + (x - 6) + ",");
  }

  @Test
  void theExpertAndADroppedPolicyForkTheReplayFromExactlyThatState() {
    JsonNode forked = app.shot("forked");
    assertThat(forked.get("agents")).hasSize(2);
    assertThat(forked.get("agents").get(1).get("name").asText()).isEqualTo("2 expert");
    isAt(forked.get("agents").get(1), 60);
    JsonNode dropped = app.shot("dropped");
    assertThat(dropped.get("agents")).hasSize(3);
    assertThat(dropped.get("agents").get(2).get("name").asText()).isEqualTo("3 policy race.zip");
    isAt(dropped.get("agents").get(2), 60);
    assertThat(app.stderr).contains("agent 3 policy race.zip takes over replay race-4 at step 60");
    // three bodies on one spot: each colour shows in a ring, left of the car (the tags are right)
    BufferedImage img = app.images.get("dropped");
    JsonNode car = dropped.get("agents").get(0);
    int cx = car.get("pixel").get(0).asInt();
    int cy = car.get("pixel").get(1).asInt();
    for (JsonNode a : dropped.get("agents")) {
      int[] tint = ScriptedApp.rgb(a.get("tint"));
      int seen = 0;
      for (int y = cy - 60; y <= cy + 60; y++) {
        for (int x = cx - 70; x < cx - 15; x++) {
          seen += ScriptedApp.close(img.getRGB(x, y), tint, ScriptedApp.TOLERANCE) ? 1 : 0;
        }
      }
      assertThat(seen).as(a.get("name").asText() + "'s ring").isGreaterThan(30);
    }
    // and they drive on from there, the replay as recorded
    JsonNode raced = app.shot("raced");
    int step = raced.get("timeline").get("step").asInt();
    assertThat(step).isGreaterThan(60);
    isAt(raced.get("agents").get(0), step);
    for (int i = 1; i < 3; i++) {
      assertThat(raced.get("agents").get(i).get("episode_steps").asInt()).isEqualTo(step);
    }
  }

  @Test
  void theChaseViewTurnsWithTheFollowedCarSoThatItFacesUp() {
    JsonNode north = app.shot("raced").get("agents").get(0);
    JsonNode chased = app.shot("chase").get("agents").get(0);
    assertThat(app.shot("raced").get("camera").get("up_rad").asDouble()).isEqualTo(Math.PI / 2);
    // the followed car in the middle, the point ahead of it straight up the screen
    double dx = chased.get("ahead_pixel").get(0).asDouble() - chased.get("pixel").get(0).asDouble();
    double dy = chased.get("ahead_pixel").get(1).asDouble() - chased.get("pixel").get(1).asDouble();
    assertThat(dy).isNegative();
    assertThat(Math.abs(dx)).isLessThan(0.2 * Math.abs(dy));
    // north up, the same car did not face up (it drives north-east there)
    double ndx = north.get("ahead_pixel").get(0).asDouble() - north.get("pixel").get(0).asDouble();
    assertThat(Math.abs(ndx)).isGreaterThan(0.2 * Math.abs(dy));
  }

  @Test
  void theSaliencyOverlayLightsTheRaysThatMoveThePolicysAction() {
    JsonNode s = app.shot("saliency");
    JsonNode sal = s.get("saliency");
    assertThat(sal.get("agent").asText()).isEqualTo("3 policy race.zip");
    assertThat(sal.get("weights")).hasSize(32);
    double max = 0;
    for (JsonNode w : sal.get("weights")) {
      assertThat(w.asDouble()).isNotNegative();
      max = Math.max(max, w.asDouble());
    }
    assertThat(max).isPositive();
    JsonNode mid = sal.get("strongest_mid_pixel");
    assertThat(
            ScriptedApp.near(
                app.images.get("saliency"),
                mid.get(0).asInt(),
                mid.get(1).asInt(),
                2,
                ScriptedApp.rgb(sal.get("color"))))
        .as("the strongest ray drawn bright")
        .isTrue();
    assertThat(app.shot("raced").has("saliency")).isFalse();
  }

  @Test
  void aPolicyPickedFromTheListForksTheReplayAndTheFollowedAgentCanLeave() {
    JsonNode list = app.shot("policies");
    // the list is a page over the middle of the window
    boolean page = false;
    for (JsonNode r : list.get("hud")) {
      page |=
          r.get(0).asInt() < 640
              && r.get(0).asInt() + r.get(2).asInt() > 640
              && r.get(1).asInt() < 400
              && r.get(1).asInt() + r.get(3).asInt() > 400;
    }
    assertThat(page).as("a page over the middle").isTrue();
    JsonNode picked = app.shot("picked");
    assertThat(picked.get("agents")).hasSize(4);
    JsonNode added = picked.get("agents").get(3);
    assertThat(added.get("name").asText()).isEqualTo("4 policy race.zip");
    int step = picked.get("timeline").get("step").asInt();
    isAt(added, step);
    assertThat(picked.get("camera_target").asInt()).isEqualTo(3);
    JsonNode removed = app.shot("removed");
    assertThat(removed.get("agents")).hasSize(3);
    assertThat(app.stderr).contains("agent 4 policy race.zip left");
  }

  @Test
  void theFollowedAgentsEpisodeIsSavedAndReplaysBitForBit() throws Exception {
    List<Path> saved;
    try (Stream<Path> s = Files.list(dir.resolve("saved"))) {
      saved = s.toList();
    }
    assertThat(saved).hasSize(1);
    Replay r = ReplayFile.read(saved.get(0));
    assertThat(r.seed()).isEqualTo(SEED);
    assertThat(r.steps()).isEqualTo(60);
    assertThat(Replayer.verify(r).reproduced()).isTrue();
    assertThat(app.stderr).contains("saved agent 1 replay race-4's episode (60 steps");
  }
}
