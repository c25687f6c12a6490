package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.ImitationTrainer;
import dev.ugoki.core.train.Progress;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
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
    s.setDemosDir(dir.resolve("demos"));
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
    s.keyboard().set(0.25f, 1);

    s.setRecording(true);
    assertThat(s.recording()).isTrue();
    int steps = s.advance(0.25) + s.advance(0.25) + s.advance(0.25) + s.advance(0.25); // 1 s
    Path file = s.demoFiles().get(0);

    assertThat(steps).isEqualTo(20);
    assertThat(s.recordedSteps()).isEqualTo(20);
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
    assertThat(java.util.Arrays.copyOf(during.actions(), 2)).containsExactly(0.25f, 1f);

    s.restart(); // a new episode
    s.advance(0.25);
    s.setRecording(false);
    s.advance(0.25); // not recorded

    assertThat(s.recording()).isFalse();
    Demonstrations after = DemoFile.read(file, Scenarios.make(s.config()));
    assertThat(after.rows()).isEqualTo(25);
    assertThat(after.episodeCount()).isEqualTo(2);
    assertThat(after.warnings()).isEmpty();
    assertThat(Files.readAllLines(file)).hasSize(1 + 25);
  }

  @Test
  void recordingWithoutAKeyboardAgentIsAMessage() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.setDemosDir(dir);
    s.setRecording(true);
    assertThat(s.recording()).isFalse();
    assertThat(s.messages()).anyMatch(m -> m.contains("no keyboard agent"));
  }

  @Test
  void aCloneTrainedOnARecordingDrivesAsANewAgent() throws Exception {
    Session s = keyboardSession();
    s.setRecording(true);
    driveLikeTheExpert(s, 200);
    s.trainClone(); // stops the recording first
    assertThat(s.recording()).isFalse();
    assertThat(s.cloning()).isTrue();

    s.awaitCloneTraining(60_000);

    assertThat(s.cloning()).isFalse();
    assertThat(s.agents()).hasSize(2);
    Agent clone = s.agents().get(1);
    assertThat(clone.driver()).isInstanceOf(Driver.Clone.class);
    assertThat(clone.name()).isEqualTo("2 clone 1");
    Path saved = ((Driver.Clone) clone.driver()).file();
    assertThat(saved).exists().hasParent(dir.resolve("demos"));
    PolicyFile.Loaded loaded = PolicyFile.load(saved);
    assertThat(loaded.meta().algo()).isEqualTo("bc");
    assertThat(loaded.meta().steps()).isEqualTo(200);
    PolicyFit.checkFits(saved, loaded, Scenarios.make(s.config()));

    s.setPaused(false);
    s.advance(0.25);
    s.advance(0.25);
    assertThat(clone.lastAction()).isNotEqualTo(new float[2]); // its policy drives it
    assertThat(s.messages()).anyMatch(m -> m.contains("clone 1 trained"));
  }

  /** With --from, B fine-tunes the foundation on a person's driving, in its shared layout. */
  @Test
  void aCloneFineTunesTheStartingFoundationOnTheRecording() throws Exception {
    RunConfig run =
        RunConfig.resolve(
            null,
            "multitask",
            "bc",
            1L,
            600L,
            null,
            List.of(
                "bc.num_envs=3",
                "bc.epochs=2",
                "bc.hidden=16",
                "race/max_steps=100",
                "navigate/max_steps=100",
                "reach/max_steps=100"));
    RunFolder folder = RunFolder.create(dir.resolve("pre"), run);
    ImitationTrainer.train(run, folder, Progress.silent());
    PolicyFile.Loaded foundation = PolicyFile.load(folder.policy());

    Session s = keyboardSession();
    s.setTrainingSettings(null, List.of(), dir.resolve("runs"), folder.policy());
    s.setRecording(true);
    driveLikeTheExpert(s, 120);
    s.trainClone();
    s.awaitCloneTraining(60_000);

    assertThat(s.messages()).anyMatch(m -> m.startsWith("fine-tuning"));
    Agent clone = s.agents().get(1);
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
    s.trainClone(List.of(corrupt));
    s.awaitCloneTraining(60_000);
    assertThat(s.agents()).hasSize(1);
    assertThat(s.messages())
        .anyMatch(m -> m.startsWith("clone not trained") && m.contains("corrupt.jsonl"));

    Path navigate = dir.resolve("navigate.jsonl");
    try (DemoFile.Writer w =
        DemoFile.create(navigate, DemoHeader.of(Scenarios.make("navigate", Map.of()), "human"))) {
      // a header alone: the scenario already does not match
    }
    s.trainClone(List.of(navigate));
    s.awaitCloneTraining(60_000);
    assertThat(s.agents()).hasSize(1);
    assertThat(s.messages()).anyMatch(m -> m.contains("scenario 'navigate'"));
  }

  @Test
  void cloningWithNothingRecordedIsAMessage() {
    Session s = keyboardSession();
    s.trainClone();
    assertThat(s.cloning()).isFalse();
    assertThat(s.messages()).anyMatch(m -> m.contains("no demonstrations"));
  }
}
