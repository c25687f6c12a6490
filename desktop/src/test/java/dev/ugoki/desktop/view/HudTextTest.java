package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.core.replay.ReplayRecorder;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HudTextTest {
  private static String text(List<HudText.Line> lines) {
    return String.join("\n", lines.stream().map(HudText.Line::text).toList());
  }

  @Test
  void theStatusShowsTheFollowedAgentsNumbersAndTheLiveTerms() {
    Session s =
        new Session("race", Map.of(), 3, List.of(new Driver.Expert(), new Driver.Keyboard()));
    s.clock().setSpeed(4);
    s.advance(0.25); // 20 steps
    s.clock().setPaused(true);
    String status = text(HudText.status(s, new Follow(), 58));
    assertThat(status)
        .contains(
            "race",
            "seed 3",
            "step 20",
            "4x",
            "PAUSED",
            "58 fps",
            "follows 1 expert",
            "km/h",
            "steer",
            "action",
            "throttle",
            "return this episode",
            "lap",
            "best -",
            "progress",
            "crash",
            "steer_change",
            "total");
    assertThat(status).doesNotContain("-0.000 ", "NaN");
    Follow free = new Follow();
    free.setFree();
    assertThat(text(HudText.status(s, free, 58))).contains("camera: free");
  }

  /**
   * With a replay open, the status's step is the replay's own, the timeline's: not the clock's,
   * which counts on through a scrub and past the replay's end (it said 666 over a timeline at 299).
   */
  @Test
  void theStatusStepIsTheOpenReplaysStep() {
    Replay[] done = new Replay[1];
    Env env = new ReplayRecorder(Scenarios.make("race", Map.of()), "expert", r -> done[0] = r);
    env.reset(9);
    Expert e = env.expert();
    while (!env.step(e.act()).done()) {}
    Replay replay = done[0];
    Session s = new Session("race", Map.of(), 9, List.of(new Driver.Expert()));
    s.replays().open(Path.of("expert" + ReplayFile.SUFFIX), replay);
    for (int i = 0; i < 50; i++) {
      s.singleStep();
    }
    s.replays().seek(20);
    assertThat(text(HudText.status(s, new Follow(), 60))).contains("  step 20  ");
    s.replays().seek(replay.steps() - 5);
    for (int i = 0; i < 30; i++) {
      s.singleStep();
    }
    assertThat(s.replays().timeline().step()).isEqualTo(replay.steps());
    assertThat(text(HudText.status(s, new Follow(), 60)))
        .contains("  step " + replay.steps() + "  ");
  }

  @Test
  void theStatusShowsARecordingWithItsSteps(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Keyboard()));
    s.teaching().setDemosDir(dir);
    assertThat(text(HudText.status(s, new Follow(), 60))).doesNotContain("REC");
    s.teaching().setRecording(true);
    s.advance(0.25); // 5 steps
    assertThat(text(HudText.status(s, new Follow(), 60))).contains("REC 5");
    s.teaching().setRecording(false);
    assertThat(text(HudText.status(s, new Follow(), 60))).doesNotContain("REC");
  }

  @Test
  void theRobotHasGoalsNotLapsAndNoSteering() {
    Session s = new Session("navigate", Map.of(), 3, List.of(new Driver.Expert()));
    s.singleStep();
    String status = text(HudText.status(s, new Follow(), 60));
    assertThat(status).contains("goal", "left", "right", "m/s").doesNotContain("deg", "km/h");
  }

  /** The HUD says the speed the simulation achieves when it falls short of the one asked for. */
  @Test
  void theStatusSaysTheSpeedAchieved() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.clock().setSpeed(16);
    for (int i = 0; i < 4; i++) {
      s.advance(0.5); // frames of half a second: only 0.25 s of each counts
    }
    assertThat(text(HudText.status(s, new Follow(), 2))).contains("16x (runs 8.0x)");
  }

  /** The panel's return is this episode's; the chart's is per training episode, and says so. */
  @Test
  void eachReturnSaysWhichItIs() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.advance(0.25);
    assertThat(text(HudText.status(s, new Follow(), 60)))
        .contains("return this episode")
        .doesNotContain("last episode");
    s.training()
        .curve()
        .add(new dev.ugoki.core.train.TrainingListener.Update(1, 2048, 10_000, 52.3, 0.5, 3));
    assertThat(text(HudText.training(s)))
        .contains(
            "mean return per training episode (left)  52.3",
            "success rate of training episodes (right)  50%");
  }

  /** A long line breaks at spaces within the panel's width and goes on indented. */
  @Test
  void longLinesWrapAtSpacesWithinTheWidth() {
    List<HudText.Line> wrapped =
        HudText.wrap(
            List.of(
                HudText.Line.of(2, "agent 3 sits out race: policy file missing.zip does not exist"),
                HudText.Line.plain("  progress", "+0.073")),
            20);
    assertThat(wrapped)
        .extracting(HudText.Line::text)
        .containsExactly(
            "agent 3 sits out",
            "  race: policy file",
            "  missing.zip does",
            "  not exist",
            "  progress +0.073");
    assertThat(wrapped).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(20));
    assertThat(wrapped.get(2).agent()).as("a wrapped line keeps its colour").isEqualTo(2);
  }

  @Test
  void aLineOfFieldsBreaksBetweenFields() {
    assertThat(
            HudText.wrap(
                List.of(
                    HudText.Line.plain(
                        "action  steer +0.00  throttle +0.00  left +0.97  right +1.00")),
                42))
        .extracting(HudText.Line::text)
        .containsExactly("action  steer +0.00  throttle +0.00", "  left +0.97  right +1.00");
  }

  @Test
  void aWordLongerThanTheWidthBreaksMidWord() {
    assertThat(HudText.wrap(List.of(HudText.Line.plain("/a/very/long/path/policy.zip")), 10))
        .extracting(HudText.Line::text)
        .containsExactly("/a/very/lo", "  ng/path/", "  policy.z", "  ip");
  }

  /** The followed agent's panel keeps its width: what changes every frame has a fixed width. */
  @Test
  void theStatusNumbersHaveFixedWidths() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.advance(0.5);
    String early = text(HudText.status(s, new Follow(), 9));
    s.advance(3);
    String later = text(HudText.status(s, new Follow(), 61));
    assertThat(lineStarting(later, "speed").length())
        .isEqualTo(lineStarting(early, "speed").length());
    assertThat(lineStarting(later, "  total").length())
        .isEqualTo(lineStarting(early, "  total").length());
    assertThat(lineStarting(later, " 61 fps").length())
        .isEqualTo(lineStarting(early, "  9 fps").length());
  }

  private static String lineStarting(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  /** The log keeps more than the HUD shows, and scrolls within its bounds. */
  @Test
  void theMessageWindowScrollsThroughTheLog() {
    List<String> log = List.of("a", "b", "c", "d", "e");
    assertThat(HudText.messageWindow(log, 0, 3))
        .containsExactly("c", "d", "e", "messages 3-5 of 5 (PgUp / PgDn)");
    assertThat(HudText.messageWindow(log, 2, 3))
        .containsExactly("a", "b", "c", "messages 1-3 of 5 (PgUp / PgDn)");
    assertThat(HudText.messageWindow(log, 99, 3)).first().isEqualTo("a");
    assertThat(HudText.messageWindow(List.of("only"), 5, 3)).containsExactly("only");
  }

  /** Name tags beside the bodies; ghosts on one spot get their names one under the other. */
  @Test
  void nameTagsOfGhostsOnOneSpotStayReadable() {
    Session s =
        new Session(
            "race",
            Map.of(),
            3,
            List.of(new Driver.Expert(), new Driver.Expert(), new Driver.Keyboard()));
    List<float[]> px =
        List.of(new float[] {100, 100}, new float[] {100, 100}, new float[] {600, 300});
    List<HudText.Tag> tags = HudText.tags(s.agents(), px, 18);
    assertThat(tags)
        .extracting(HudText.Tag::text)
        .containsExactly("1 expert", "2 expert", "3 keyboard");
    assertThat(tags.get(0).y()).isEqualTo(114);
    assertThat(tags.get(1).y()).as("moved a line down").isEqualTo(132);
    assertThat(tags.get(1).x()).isEqualTo(tags.get(0).x());
    assertThat(tags.get(2).x()).isEqualTo(614);
    assertThat(tags.get(2).y()).isEqualTo(314);
  }

  /**
   * Eight ghosts on one spot with a line height that float arithmetic cannot add exactly: every tag
   * gets its own line (the stacking once looped forever here, freezing the window).
   */
  @Test
  void manyGhostsGetALineEachWhateverTheLineHeight() {
    List<Driver> drivers = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      drivers.add(new Driver.Expert());
    }
    Session s = new Session("race", Map.of(), 3, drivers);
    List<float[]> px = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      px.add(new float[] {633.3f, 412.7f});
    }
    for (float lh : new float[] {18.69f, 18.75f, 17.1f, 23.3f, 0.1f}) {
      List<HudText.Tag> tags = HudText.tags(s.agents(), px, lh);
      assertThat(tags).hasSize(8);
      for (int i = 1; i < tags.size(); i++) {
        assertThat(tags.get(i).y() - tags.get(i - 1).y())
            .as("line height %s, tag %d", lh, i)
            .isCloseTo(lh, org.assertj.core.data.Offset.offset(0.01f));
      }
    }
  }

  /** Words and units fit the body: the arm has targets, a tip speed in m/s and no crashes. */
  @Test
  void theArmHasTargetsATipSpeedAndNoCrashCount() {
    Session s = new Session("reach", Map.of(), 3, List.of(new Driver.Expert()));
    s.singleStep();
    String status = text(HudText.status(s, new Follow(), 60));
    assertThat(status).contains("target", "m/s (tip)").doesNotContain("km/h", "lap ");
  }

  /** In multitask each agent's panel speaks of its own task, the table of what each completed. */
  @Test
  void multitaskSpeaksOfEachAgentsTask() {
    Session s = new Session("multitask", Map.of(), 3, List.of(new Driver.Expert()));
    s.singleStep();
    String task = s.agents().get(0).task();
    String status = text(HudText.status(s, new Follow(), 60));
    assertThat(status).contains(HudText.unit(task) + " ");
  }

  @Test
  void centerlineDashesAreThreeMetresOnThreeOff() {
    float[] d = SessionRenderer.dashes(new float[] {0, 0, 10, 0, 10, 5}, false);
    // along 15 m: dashes at 0-3, 6-9 and 12-15, the last on the second leg (from 10, 0 up)
    assertThat(d).containsExactly(0, 0, 3, 0, 6, 0, 9, 0, 10, 2, 10, 5);
  }

  @Test
  void theStatusShowsTheBodyTheEpisodeDrewFromItsFamily() {
    Session nominal = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    assertThat(text(HudText.status(nominal, new Follow(), 60))).doesNotContain("body ");
    Session family =
        new Session(
            "race",
            Map.of("body.max_speed", "0.6", "dr.friction", "0.4"),
            3,
            List.of(new Driver.Expert()));
    assertThat(text(HudText.status(family, new Follow(), 60)))
        .containsPattern("body  max_speed x[01]\\.\\d\\d  friction x[01]\\.\\d\\d");
  }

  @Test
  void anAdaptedPolicyShowsTheBodyItInfersUnderTheOneItDrives(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    Map<String, Object> keys =
        Map.of("body.max_speed", 0.6, "dr.friction", 0.4, "body.observe", true);
    var cfg = dev.ugoki.sim.registry.Scenarios.config("race", keys);
    var env = dev.ugoki.sim.registry.Scenarios.make(cfg);
    var base =
        dev.ugoki.core.policy.GaussianPolicy.create(
            env.observationSpec(), env.actionSpec(), 8, 1, 0, 1);
    var adapter =
        dev.ugoki.core.algorithm.Adaptation.train(
            base,
            cfg,
            new dev.ugoki.core.algorithm.Adaptation.Settings(2, 0, 1, 100, 1, 4, 1, 1, 0.1, 1),
            new java.io.PrintWriter(new java.io.StringWriter()));
    java.nio.file.Path file = tmp.resolve("adapted.zip");
    dev.ugoki.core.io.PolicyFile.save(
        file,
        base,
        new dev.ugoki.core.io.PolicyFile.Meta("race", 1, keys, "bc", Map.of(), 1, 1, 1, Map.of()),
        adapter);
    Session s = new Session("race", keys, 3, List.of(new Driver.Policy(file)));
    s.advance(0.5);
    assertThat(text(HudText.status(s, new Follow(), 60)))
        .containsPattern("body  max_speed x[01]\\.\\d\\d  friction x[01]\\.\\d\\d")
        .containsPattern("inferred  max_speed x[01]\\.\\d\\d  friction x[01]\\.\\d\\d");
  }
}
