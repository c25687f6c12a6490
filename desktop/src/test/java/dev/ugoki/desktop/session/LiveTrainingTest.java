package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training live in the session: a background run whose newest weights drive an agent. */
class LiveTrainingTest {
  private static final List<String> TINY =
      List.of(
          "ppo.num_envs=2",
          "ppo.num_steps=64",
          "ppo.update_epochs=1",
          "ppo.hidden=16",
          "dagger.num_envs=2",
          "dagger.hidden=16",
          "dagger.iterations=1",
          "dagger.epochs=2",
          "max_steps=200");

  @TempDir Path dir;

  private Session session(long budget, List<String> sets) throws IOException {
    Path yaml = dir.resolve("train.yaml");
    Files.writeString(yaml, "steps: " + budget + "\n");
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.training().setSettings(new TrainingSettings(yaml, sets, dir.resolve("runs"), null));
    return s;
  }

  /** Frames of 1/60 s, as the window runs them, until {@code done} (at most a minute). */
  private static void framesUntil(Session s, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as("waited a minute; messages: " + s.messages())
          .isLessThan(end);
      s.advance(1.0 / 60);
      Thread.sleep(5);
    }
  }

  private static Agent liveAgent(Session s) {
    return s.agents().stream()
        .filter(a -> a.driver() instanceof Driver.Live)
        .findFirst()
        .orElse(null);
  }

  private Path onlyRun() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
      return runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void ppoTrainsInTheBackgroundAndItsNewestWeightsDriveAnAgent() throws Exception {
    Session s = session(640, TINY);
    s.training().start("ppo");
    assertThat(s.training().running()).isTrue();
    assertThat(s.training().algo()).isEqualTo("ppo");

    framesUntil(s, () -> liveAgent(s) != null);
    Agent live = liveAgent(s);
    assertThat(live.name()).isEqualTo("2 ppo live");
    assertThat(s.messages()).anyMatch(m -> m.contains("drives with the weights of update"));
    long stepsBefore = s.clock().steps();
    framesUntil(s, () -> !s.training().running());
    s.training().await(60_000);
    assertThat(s.clock().steps())
        .as("the window went on stepping while it trained")
        .isGreaterThan(stepsBefore);

    // 640 steps of 2 x 64: five updates, each on the chart
    assertThat(s.training().curve().updates()).isEqualTo(5);
    assertThat(s.training().curve().last().step()).isEqualTo(640);
    Path run = onlyRun();
    assertThat(s.training().runDir()).isEqualTo(run);
    for (String f : List.of("config.yaml", "metrics.csv", "policy.zip", "learning_curve.png")) {
      assertThat(run.resolve(f)).as(f).isRegularFile();
    }
    assertThat(s.messages()).anyMatch(m -> m.contains("trained 640 steps"));

    // the agent now drives with the final weights: the saved policy's action on its observation
    float[] obs = live.observation().clone();
    float[] expected = PolicyFile.load(run.resolve("policy.zip")).policy().actDeterministic(obs, 1);
    s.singleStep();
    assertThat(live.lastAction()).containsExactly(expected);
  }

  /**
   * The live agent's panel names the update whose weights it drives with: the newest, not the first
   * it drove with (it said update 1 while the training went on).
   */
  @Test
  void theLiveAgentSaysTheUpdateWhoseWeightsItDrivesWith() throws Exception {
    Session s = session(10_000_000, TINY);
    s.training().start("ppo");
    framesUntil(s, () -> liveAgent(s) != null && s.training().curve().updates() >= 3);
    s.training().stop();
    s.training().await(60_000);
    Agent live = liveAgent(s);
    int last = s.training().curve().last().update();
    assertThat(last).isGreaterThanOrEqualTo(3);
    dev.ugoki.desktop.view.Follow follow = new dev.ugoki.desktop.view.Follow();
    follow.follow(live.index(), s.agents());
    assertThat(dev.ugoki.desktop.view.HudText.status(s, follow, 60))
        .extracting(dev.ugoki.desktop.view.HudText.Line::text)
        .contains("2 ppo live  weights of update " + last);

    // and those are the weights it drives with: the run's last, as saved on the stop
    float[] obs = live.observation().clone();
    Path policy = onlyRun().resolve("policy.zip");
    assertThat(PolicyFile.load(policy).meta().steps())
        .isEqualTo(s.training().curve().last().step());
    float[] expected = PolicyFile.load(policy).policy().actDeterministic(obs, 1);
    s.singleStep();
    assertThat(live.lastAction()).containsExactly(expected);
  }

  @Test
  void aCheckpointIsSavedOnRequestAndAStopEndsTheRunWithItsPolicySaved() throws Exception {
    Session s = session(10_000_000, TINY);
    s.training().start("ppo");
    framesUntil(s, () -> s.training().curve().updates() >= 1);
    s.training().saveCheckpoint();
    framesUntil(s, () -> s.messages().stream().anyMatch(m -> m.startsWith("checkpoint saved")));
    String saved =
        s.messages().stream()
            .filter(m -> m.startsWith("checkpoint saved"))
            .findFirst()
            .orElseThrow();
    assertThat(Path.of(saved.substring(saved.indexOf(": ") + 2))).isRegularFile();

    s.training().toggle("ppo"); // the running algorithm's key stops it
    s.training().await(60_000);
    assertThat(s.training().running()).isFalse();
    assertThat(s.messages()).anyMatch(m -> m.contains("stopped on request"));
    Path policy = onlyRun().resolve("policy.zip");
    assertThat(PolicyFile.load(policy).meta().steps())
        .isEqualTo(s.training().curve().last().step())
        .isLessThan(10_000_000);
    assertThat(liveAgent(s)).isNotNull();

    // P again resumes the stopped run: the same run folder, agent and curve, steps going on
    Agent live = liveAgent(s);
    int updates = s.training().curve().updates();
    long step = s.training().curve().last().step();
    TrainingCurve.Point first = s.training().curve().points().get(0);
    s.training().toggle("ppo");
    assertThat(s.messages()).anyMatch(m -> m.startsWith("resuming ppo"));
    framesUntil(s, () -> s.training().curve().updates() > updates);
    assertThat(s.training().curve().last().step()).isGreaterThan(step);
    assertThat(s.training().curve().points().get(0)).as("the curve is kept").isEqualTo(first);
    s.training().toggle("ppo");
    s.training().await(60_000);
    assertThat(liveAgent(s)).isSameAs(live);
    try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
      assertThat(runs.filter(Files::isDirectory)).hasSize(1);
    }

    // across a round trip of scenarios the live agent stays, as its saved policy, same number
    Session nav = s.withScenario("navigate");
    // another scenario shows no chart of race's training (it read "null done" over the arm)
    assertThat(dev.ugoki.desktop.view.HudText.training(nav)).isEmpty();
    Session back = nav.withScenario("race");
    assertThat(dev.ugoki.desktop.view.HudText.training(back).get(0).text()).startsWith("ppo done ");
    assertThat(back.agents()).extracting(Agent::name).containsExactly("1 expert", "2 ppo live");
    assertThat(back.agents().get(1).driver()).isInstanceOf(Driver.Clone.class);
    assertThat(back.training().curve().updates()).isEqualTo(s.training().curve().updates());
  }

  @Test
  void daggerTrainsLiveToo() throws Exception {
    Session s = session(640, TINY);
    s.training().toggle("dagger");
    framesUntil(s, () -> !s.training().running());
    s.training().await(60_000);
    assertThat(liveAgent(s).name()).isEqualTo("2 dagger live");
    assertThat(s.training().curve().updates()).isEqualTo(2); // iterations 0 and 1
    assertThat(onlyRun().resolve("policy.zip")).isRegularFile();
  }

  @Test
  void aBadTrainingKeyIsAMessageAndNothingStarts() throws Exception {
    Session s = session(640, List.of("ppo.learnin_rate=0.1"));
    s.training().start("ppo");
    assertThat(s.training().running()).isFalse();
    assertThat(s.messages())
        .anyMatch(m -> m.startsWith("cannot train ppo") && m.contains("learnin_rate"));
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aPolicyForOtherSensorsCannotDriveInTheWindowAndItsTrainingStops() throws Exception {
    Session s =
        session(10_000_000, Stream.concat(TINY.stream(), Stream.of("lidar.rays=8")).toList());
    s.training().start("ppo");
    framesUntil(s, () -> !s.training().running());
    s.training().await(60_000);
    assertThat(s.messages())
        .anyMatch(m -> m.contains("cannot drive in this window") && m.contains("lidar"));
    assertThat(liveAgent(s)).isNull();
  }

  /**
   * A foundation policy (here a tiny one, cloned on every body) drives a car as a policy agent, and
   * a live training fine-tunes it (--from): both through the foundation's shared layout.
   */
  @Test
  void aFoundationPolicyDrivesAndIsFineTunedLiveFromTheWindow() throws Exception {
    Path foundation = TinyFoundation.train(dir.resolve("pre"));

    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Policy(foundation)));
    assertThat(s.agents()).hasSize(1);
    assertThat(s.agents().get(0).observation())
        .hasSize(PolicyFile.load(foundation).observationSpec().size());
    s.singleStep();
    assertThat(s.agents().get(0).lastAction()).hasSize(6); // every body's action channels

    Path yaml = dir.resolve("train.yaml");
    Files.writeString(yaml, "steps: 200\n");
    s.training()
        .setSettings(
            new TrainingSettings(
                yaml,
                List.of("bc.num_envs=2", "bc.epochs=2", "max_steps=100"),
                dir.resolve("runs"),
                foundation));
    s.training().start("bc");
    framesUntil(s, () -> !s.training().running());
    s.training().await(60_000);
    Agent live = liveAgent(s);
    assertThat(live).as(s.messages().toString()).isNotNull();
    assertThat(live.name()).isEqualTo("2 bc live");
    assertThat(Files.readString(onlyRun().resolve("config.yaml"))).contains("from: ");
    s.singleStep();
    assertThat(live.lastAction()).hasSize(6);
  }

  @Test
  void theChartKeepsABoundedShapeOfALongRun() {
    TrainingCurve c = new TrainingCurve();
    for (int u = 1; u <= 10_000; u++) {
      c.add(new dev.ugoki.core.train.TrainingListener.Update(u, 100L * u, 1_000_000, u, 0.5, u));
    }
    assertThat(c.updates()).isEqualTo(10_000);
    assertThat(c.points()).hasSizeBetween(TrainingCurve.MAX_POINTS / 2, TrainingCurve.MAX_POINTS);
    assertThat(c.points().get(0).step()).isEqualTo(100);
    assertThat(c.points())
        .isSortedAccordingTo(java.util.Comparator.comparingLong(TrainingCurve.Point::step));
    assertThat(c.last().step()).isEqualTo(1_000_000);
    assertThat(c.returnRange())
        .containsExactly(1, c.points().get(c.points().size() - 1).meanReturn());
  }
}
