package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teaching in the session: recording a person's driving, and cloning it. */
class TeachTest {
  @TempDir Path dir;

  private Session keyboardSession() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Keyboard()));
    s.teaching().setDemosDir(dir.resolve("demos"));
    s.training().setSettings(new TrainingSettings(null, List.of(), dir.resolve("runs"), null));
    return s;
  }

  /** Drives the keyboard agent like the expert would, by setting the keys before each step. */
  private static void driveLikeTheExpert(Session s, int steps) {
    Agent keys = s.agents().get(0);
    for (int i = 0; i < steps; i++) {
      float[] a = keys.env().unwrapped().expert().act();
      s.keyboard().set(a[0], a[1]);
      s.singleStep();
    }
  }

  @Test
  void recordingWritesTheHeaderAndOneFlushedLinePerStep() throws Exception {
    Session s = keyboardSession();
    Env fresh = Scenarios.make(s.config());
    float[] firstObs = fresh.reset(3);
    s.keyboard().set(0.1f, 1); // within one step's steering rate: the first action is the keys'

    s.teaching().setRecording(true);
    assertThat(s.teaching().recording()).isTrue();
    int steps = s.advance(0.25) + s.advance(0.25) + s.advance(0.25) + s.advance(0.25); // 1 s
    Path file = s.teaching().demoFiles().get(0);

    assertThat(steps).isEqualTo(20);
    assertThat(s.teaching().recordedSteps()).isEqualTo(20);
    assertThat(file.getFileName().toString()).matches("race-\\d{8}-\\d{6}\\.jsonl");
    assertThat(file.getParent()).isEqualTo(dir.resolve("demos"));
    // readable while still recording: every step is already in the file
    assertThat(Files.readAllLines(file)).hasSize(1 + 20);
    Demonstrations during = DemoFile.read(file, Scenarios.make(s.config()));
    assertThat(during.rows()).isEqualTo(20);
    assertThat(during.header().source()).isEqualTo("human");
    // the observation before the step, and the action taken on it
    assertThat(java.util.Arrays.copyOf(during.observations(), firstObs.length))
        .containsExactly(firstObs);
    assertThat(java.util.Arrays.copyOf(during.actions(), 2)).containsExactly(0.1f, 1f);

    s.restart(); // a new episode
    s.advance(0.25);
    s.teaching().setRecording(false);
    s.advance(0.25); // not recorded

    assertThat(s.teaching().recording()).isFalse();
    Demonstrations after = DemoFile.read(file, Scenarios.make(s.config()));
    assertThat(after.rows()).isEqualTo(25);
    assertThat(after.episodeCount()).isEqualTo(2);
    assertThat(after.warnings()).isEmpty();
    assertThat(Files.readAllLines(file)).hasSize(1 + 25);
  }

  /**
   * X drops the last attempt: the one being driven, or, right after a crash, the crashed one, whose
   * crash is no longer counted; the file stays a readable demonstration file of what was kept.
   */
  @Test
  void theLastAttemptCanBeDroppedAndCrashesAreCounted() throws Exception {
    Session s = keyboardSession();
    s.teaching().setRecording(true);
    driveLikeTheExpert(s, 30); // a good attempt
    s.restart();
    s.keyboard().set(1, 1); // full left lock: into the wall
    int steps = 0;
    while (s.teaching().recordedCrashes() == 0) {
      s.singleStep();
      assertThat(++steps).as("crashed within 30 s").isLessThan(600);
    }
    long withCrash = s.teaching().recordedSteps();
    assertThat(withCrash).isEqualTo(30 + steps);
    s.teaching().discardLastAttempt(); // the crashed one, which has just ended
    assertThat(s.teaching().recordedSteps()).isEqualTo(30);
    assertThat(s.teaching().recordedCrashes()).isZero();
    String said = "discarded the last attempt: " + steps;
    assertThat(s.messages()).anyMatch(m -> m.contains(said));
    driveLikeTheExpert(s, 10); // a new attempt, dropped while driving it
    s.teaching().discardLastAttempt();
    assertThat(s.teaching().recordedSteps()).isEqualTo(30);
    driveLikeTheExpert(s, 5);
    s.teaching().setRecording(false);
    Path file = s.teaching().demoFiles().get(0);
    Demonstrations kept = DemoFile.read(file, Scenarios.make(s.config()));
    assertThat(kept.rows()).isEqualTo(35);
    assertThat(Files.readAllLines(file)).hasSize(1 + 35);
    s.teaching().discardLastAttempt();
    assertThat(s.messages()).anyMatch(m -> m.startsWith("not recording"));
  }

  @Test
  void recordingWithoutAKeyboardAgentIsAMessage() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.teaching().setDemosDir(dir);
    s.teaching().setRecording(true);
    assertThat(s.teaching().recording()).isFalse();
    assertThat(s.messages()).anyMatch(m -> m.contains("no keyboard agent"));
  }

  @Test
  void aCloneTrainedOnARecordingDrivesAsANewAgent() throws Exception {
    Session s = keyboardSession();
    s.teaching().setRecording(true);
    driveLikeTheExpert(s, 200);
    s.teaching().trainClone(); // stops the recording first
    assertThat(s.teaching().recording()).isFalse();
    assertThat(s.teaching().cloning()).isTrue();

    s.teaching().awaitClone(60_000);

    assertThat(s.teaching().cloning()).isFalse();
    assertThat(s.agents()).hasSize(2);
    Agent clone = s.agents().get(1);
    assertThat(clone.driver()).isInstanceOf(Driver.Clone.class);
    assertThat(clone.name()).isEqualTo("2 clone 1");
    Path saved = ((Driver.Clone) clone.driver()).file();
    // a bc run like any other: its folder under the runs folder, its config recorded
    assertThat(saved).exists().hasFileName("policy.zip");
    assertThat(saved.getParent().getParent()).isEqualTo(dir.resolve("runs"));
    assertThat(Files.readString(saved.resolveSibling("config.yaml")))
        .contains("algo: \"bc\"", "demos: ");
    PolicyFile.Loaded loaded = PolicyFile.load(saved);
    assertThat(loaded.meta().algo()).isEqualTo("bc");
    assertThat(loaded.meta().steps()).isEqualTo(200);
    PolicyFit.checkFits(saved, loaded, Scenarios.make(s.config()));

    s.clock().setPaused(false);
    s.advance(0.25);
    s.advance(0.25);
    assertThat(clone.lastAction()).isNotEqualTo(new float[2]); // its policy drives it
    assertThat(s.messages()).anyMatch(m -> m.contains("trained on 200 labeled steps"));
  }

  /** With --from, B fine-tunes the foundation on a person's driving, in its shared layout. */
  @Test
  void aCloneFineTunesTheStartingFoundationOnTheRecording() throws Exception {
    Path foundationFile = TinyFoundation.train(dir.resolve("pre"));
    PolicyFile.Loaded foundation = PolicyFile.load(foundationFile);

    Session s = keyboardSession();
    s.training()
        .setSettings(new TrainingSettings(null, List.of(), dir.resolve("runs"), foundationFile));
    s.teaching().setRecording(true);
    driveLikeTheExpert(s, 120);
    s.teaching().trainClone();
    s.teaching().awaitClone(60_000);

    Agent clone = s.agents().get(1);
    assertThat(
            Files.readString(((Driver.Clone) clone.driver()).file().resolveSibling("config.yaml")))
        .contains("from: \"" + foundationFile);
    assertThat(clone.observation()).hasSize(foundation.observationSpec().size());
    Path saved = ((Driver.Clone) clone.driver()).file();
    PolicyFile.Loaded loaded = PolicyFile.load(saved);
    assertThat(loaded.observationSpec()).isEqualTo(foundation.observationSpec());
    assertThat(loaded.meta().scenario()).isEqualTo("race");
    assertThat(loaded.policy().network().params())
        .isNotEqualTo(foundation.policy().network().params());
    s.singleStep();
    assertThat(clone.lastAction()).hasSize(6);
  }

  @Test
  void aCorruptOrMismatchingDemoFileIsAMessageNotACrash() throws Exception {
    Session s = keyboardSession();
    Path corrupt = dir.resolve("corrupt.jsonl");
    Files.writeString(corrupt, "this is not json\n{}\n");
    s.teaching().trainClone(List.of(corrupt));
    s.teaching().awaitClone(60_000);
    assertThat(s.agents()).hasSize(1);
    assertThat(s.messages())
        .anyMatch(m -> m.startsWith("clone not trained") && m.contains("corrupt.jsonl"));

    Path navigate = dir.resolve("navigate.jsonl");
    try (DemoWriter w =
        DemoFile.create(navigate, DemoHeader.of(Scenarios.make("navigate", Map.of()), "human"))) {
      // a header alone: the scenario already does not match
    }
    s.teaching().trainClone(List.of(navigate));
    s.teaching().awaitClone(60_000);
    assertThat(s.agents()).hasSize(1);
    assertThat(s.messages()).anyMatch(m -> m.contains("scenario 'navigate'"));
  }

  @Test
  void cloningWithNothingRecordedIsAMessage() {
    Session s = keyboardSession();
    s.teaching().trainClone();
    assertThat(s.teaching().cloning()).isFalse();
    assertThat(s.messages()).anyMatch(m -> m.contains("no demonstrations"));
  }
}
