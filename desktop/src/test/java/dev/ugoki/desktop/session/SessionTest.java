package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.race.RaceScenario;
import dev.ugoki.sim.scenario.race.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
  @TempDir Path dir;

  private static Session race(long seed, Driver... drivers) {
    return new Session("race", Map.of(), seed, List.of(drivers));
  }

  private static CarState car(Agent a) {
    return ((RaceScenario) a.env().unwrapped()).car();
  }

  private static Track track(Agent a) {
    return ((RaceScenario) a.env().unwrapped()).track();
  }

  /** Runs {@code seconds} of wall-clock time in frames of {@code frameS}. */
  private static int run(Session s, double seconds, double frameS) {
    int steps = 0;
    long frames = Math.round(seconds / frameS);
    for (long f = 0; f < frames; f++) {
      steps += s.advance(frameS);
    }
    return steps;
  }

  /** A fresh (untrained) policy for race with these overrides, saved as a policy file. */
  static Path policyFile(Path dir, String name, Map<String, ?> overrides) throws Exception {
    Env env = Scenarios.make("race", overrides);
    GaussianPolicy p =
        GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, -0.5, 7);
    Path file = dir.resolve(name);
    PolicyFile.save(
        file,
        p,
        new PolicyFile.Meta(
            "race",
            env.unwrapped().version(),
            env.unwrapped().config().asMap(),
            "test",
            Map.of(),
            7,
            0,
            0,
            Map.of()));
    return file;
  }

  @Test
  void theSameTotalTimeGivesTheSameStatesAtAnyFrameRate() {
    Session slow = race(3, new Driver.Expert(), new Driver.Expert());
    Session fast = race(3, new Driver.Expert(), new Driver.Expert());

    int slowSteps = run(slow, 3, 1.0 / 30);
    int fastSteps = run(fast, 3, 1.0 / 144);

    assertThat(slowSteps).isEqualTo(60); // 3 s at dt = 0.05 s
    assertThat(fastSteps).isEqualTo(60);
    for (int i = 0; i < 2; i++) {
      assertThat(car(fast.agents().get(i))).isEqualTo(car(slow.agents().get(i)));
      assertThat(fast.agents().get(i).episodeReturn())
          .isEqualTo(slow.agents().get(i).episodeReturn());
    }
    assertThat(car(slow.agents().get(0)).speedMps()).isGreaterThan(5); // it did drive
  }

  @Test
  void aFrameShorterThanAStepCarriesOverToTheNextFrame() {
    Session s = race(3, new Driver.Expert());
    assertThat(s.advance(0.03)).isZero();
    assertThat(s.advance(0.03)).isEqualTo(1); // 0.06 s accumulated: one step, 0.01 s left
    assertThat(s.advance(0.04)).isEqualTo(1);
    assertThat(s.clock().steps()).isEqualTo(2);
  }

  @Test
  void allAgentsShareTheSeedsTrack() {
    Session s = race(11, new Driver.Expert(), new Driver.Expert(), new Driver.Keyboard());
    Track first = track(s.agents().get(0));
    for (Agent a : s.agents()) {
      assertThat(track(a).seed()).isEqualTo(first.seed());
      assertThat(car(a)).isEqualTo(car(s.agents().get(0)));
    }
  }

  @Test
  void nDrawsTheNextSeedsBodyFromTheFamilyForEveryAgentAndSaysSo() {
    Session s =
        new Session(
            "race",
            Map.of("body.max_speed", 0.5, "body.wheelbase", 0.3),
            11,
            List.of(new Driver.Expert(), new Driver.Expert()));
    Map<String, Double> before = body(s.agents().get(0));
    s.newTrack();
    Map<String, Double> after = body(s.agents().get(0));
    assertThat(after).containsOnlyKeys(before.keySet()).isNotEqualTo(before);
    assertThat(body(s.agents().get(1))).as("every agent on the same body").isEqualTo(after);
    assertThat(s.messages()).last().asString().contains("seed 12", "a new body from the family");
    Session plain = race(11, new Driver.Expert());
    plain.newTrack();
    assertThat(plain.messages()).last().asString().doesNotContain("body");
  }

  private static Map<String, Double> body(Agent a) {
    return ((dev.ugoki.sim.scenario.ScenarioBase<?>) a.env().unwrapped()).bodyFactors();
  }

  @Test
  void pauseStopsTime() {
    Session s = race(3, new Driver.Expert());
    run(s, 1, 1.0 / 60);
    CarState before = car(s.agents().get(0));
    long stepsBefore = s.clock().steps();

    s.clock().setPaused(true);
    assertThat(run(s, 2, 1.0 / 60)).isZero();

    assertThat(s.clock().steps()).isEqualTo(stepsBefore);
    assertThat(car(s.agents().get(0))).isEqualTo(before);
    s.clock().togglePause();
    assertThat(s.clock().paused()).isFalse();
    assertThat(run(s, 1, 1.0 / 60)).isEqualTo(20);
  }

  @Test
  void singleStepAdvancesExactlyOneStepAndPauses() {
    Session s = race(3, new Driver.Expert());
    Session reference = race(3, new Driver.Expert());
    run(s, 1, 1.0 / 60);
    run(reference, 1, 1.0 / 60);

    s.singleStep();
    reference.advance(0.05);

    assertThat(s.clock().paused()).isTrue();
    assertThat(s.clock().steps()).isEqualTo(21);
    assertThat(car(s.agents().get(0))).isEqualTo(car(reference.agents().get(0)));
    s.singleStep();
    assertThat(s.clock().steps()).isEqualTo(22);
  }

  @Test
  void speedFourRunsFourStepsPerTwentiethOfASecond() {
    Session s = race(3, new Driver.Expert());
    s.clock().setSpeed(4);
    assertThat(s.advance(0.05)).isEqualTo(4);
    s.clock().setSpeed(16);
    assertThat(run(s, 1, 1.0 / 60)).isEqualTo(320);
    assertThatThrownBy(() -> s.clock().setSpeed(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 2, 4, 8, 16]");
  }

  @Test
  void aLongStallRunsAtMostAQuarterSecond() {
    Session s = race(3, new Driver.Expert());
    assertThat(s.advance(5.0)).isEqualTo(5); // 0.25 s / 0.05 s
  }

  @Test
  void aMissingPolicyFileBecomesAMessageNotAnException() {
    Path missing = dir.resolve("nope.zip");
    Session s = race(3, new Driver.Expert(), new Driver.Policy(missing));

    assertThat(s.agents()).hasSize(1);
    assertThat(s.agents().get(0).driver()).isEqualTo(new Driver.Expert());
    assertThat(s.messages())
        .singleElement()
        .asString()
        .contains("agent 2", "nope.zip", "does not exist");
    assertThat(run(s, 1, 1.0 / 60)).isEqualTo(20);
  }

  @Test
  void aPolicyThatDoesNotFitBecomesAMessageAndTheExpertStandsIn() throws Exception {
    Path file = policyFile(dir, "rays16.zip", Map.of("lidar.rays", 16));
    List<String> heard = new ArrayList<>();
    Session s =
        new Session(
            "race",
            Map.of(),
            3,
            List.of(new Driver.Policy(file)),
            new Session.Listener() {
              @Override
              public void onMessage(String message) {
                heard.add(message);
              }
            });

    assertThat(s.messages()).hasSize(2);
    assertThat(s.messages().get(0)).contains("rays16.zip", "does not fit", "lidar");
    assertThat(s.messages().get(1)).contains("the expert drives instead");
    assertThat(heard).isEqualTo(s.messages());
    assertThat(s.agents()).singleElement().extracting(Agent::driver).isEqualTo(new Driver.Expert());
  }

  @Test
  void aGarbageFileBecomesAMessage() throws Exception {
    Path file = dir.resolve("garbage.zip");
    java.nio.file.Files.writeString(file, "not a zip");
    Session s = race(3, new Driver.Expert(), new Driver.Policy(file));
    assertThat(s.messages()).singleElement().asString().contains("garbage.zip", "unusable");
  }

  @Test
  void policyAgentsOfOneFileDriveWithTheFilesPolicy() throws Exception {
    Path file = policyFile(dir, "fits.zip", Map.of());
    Session s = race(5, new Driver.Policy(file), new Driver.Expert(), new Driver.Policy(file));
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    float[] obs = s.agents().get(0).observation().clone();

    s.singleStep();

    assertThat(s.messages()).isEmpty();
    float[] expected = loaded.policy().actDeterministic(obs, 1);
    assertThat(s.agents().get(0).lastAction()).isEqualTo(expected);
    assertThat(s.agents().get(2).lastAction()).isEqualTo(expected); // same start, same obs
    assertThat(s.agents().get(1).lastAction()).isNotEqualTo(expected);
  }

  @Test
  void theKeyboardDrivesItsAgent() {
    Session s = race(3, new Driver.Keyboard());
    s.keyboard().set(1, 1); // left, full throttle
    run(s, 1, 1.0 / 60);
    CarState c = car(s.agents().get(0));
    assertThat(c.speedMps()).isGreaterThan(3);
    assertThat(c.steerRad()).isGreaterThan(0);
    assertThat(s.agents().get(0).lastAction()).containsExactly(1f, 1f);
    assertThat(s.hasKeyboardAgent()).isTrue();
  }

  @Test
  void theKeyboardMixesWheelSpeedsForTheRobot() {
    Session s = new Session("navigate", Map.of(), 3, List.of(new Driver.Keyboard()));
    s.keyboard().set(1, 0.5f);
    for (int i = 0; i < 8; i++) {
      s.singleStep(); // 0.4 s: past the time to full lock
    }
    assertThat(s.agents().get(0).lastAction()).containsExactly(0f, 1f);
  }

  /**
   * Steering follows the keys gradually: full lock takes {@link KeyboardInput#FULL_LOCK_S}, going
   * back toward the centre twice as fast; over seeded key sequences no step turns the wheel more
   * than the rate allows, and a held key always gets there.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
  void steeringFollowsTheKeysAtALimitedRate(long seed) {
    KeyboardInput k = new KeyboardInput();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double dt = 0.05;
    float before = 0;
    for (int i = 0; i < 400; i++) {
      if (i % 7 == 0) {
        k.set(r.nextInt(3) - 1, 0); // left, none or right, changed every 0.35 s
      }
      k.advance(dt);
      float now = k.appliedTurn();
      assertThat(Math.abs(now - before))
          .isLessThanOrEqualTo((float) (2 * KeyboardInput.TURN_PER_S * dt) + 1e-6f);
      before = now;
    }
    k.set(1, 0);
    k.centre();
    int steps = 0;
    while (k.appliedTurn() < 1) {
      k.advance(dt);
      steps++;
    }
    assertThat(steps * dt)
        .isCloseTo(KeyboardInput.FULL_LOCK_S, org.assertj.core.data.Offset.offset(dt));
    k.set(0, 0);
    steps = 0;
    while (k.appliedTurn() > 0) {
      k.advance(dt);
      steps++;
    }
    assertThat(steps * dt)
        .isCloseTo(KeyboardInput.FULL_LOCK_S / 2, org.assertj.core.data.Offset.offset(dt));
  }

  @Test
  void aNewTrackComesFromTheNextSeed() {
    Session s = race(3, new Driver.Expert());
    long before = track(s.agents().get(0)).seed();
    run(s, 1, 1.0 / 60);
    s.newTrack();
    assertThat(s.seed()).isEqualTo(4);
    assertThat(track(s.agents().get(0)).seed()).isNotEqualTo(before);
    assertThat(car(s.agents().get(0)).speedMps()).isZero();
    assertThat(s.messages()).singleElement().asString().contains("seed 4");
  }

  @Test
  void theExpertLapsAndTheLapIsTimed() {
    Session s = race(3, new Driver.Expert());
    s.clock().setSpeed(16);
    List<Double> laps = new ArrayList<>();
    s.setListener(
        new Session.Listener() {
          @Override
          public void onLap(Agent agent, double lapS) {
            laps.add(lapS);
          }
        });
    run(s, 6, 1.0 / 60); // 96 s simulated: two laps of about 37 s
    Agent a = s.agents().get(0);
    assertThat(a.lapsTotal()).isGreaterThanOrEqualTo(2);
    assertThat(laps).hasSize(a.lapsTotal());
    assertThat(a.bestLapS()).isBetween(15.0, 60.0);
    assertThat(a.lastLapS()).isCloseTo(laps.get(laps.size() - 1), within(1e-9));
    assertThat(a.crashes()).isZero();
    assertThat(a.lastTerms().names()).contains("progress", "lap");
  }

  @Test
  void aCrashRestartsTheAgentOnTheSameTrack() {
    Session s = race(3, new Driver.Keyboard());
    s.keyboard().set(1, 1); // full left lock: into the wall
    run(s, 10, 1.0 / 60);
    Agent a = s.agents().get(0);
    assertThat(a.crashes()).isGreaterThanOrEqualTo(1);
    assertThat(a.lastOutcome()).isEqualTo("crash");
    assertThat(a.lastEpisodeReturn()).isFinite();
  }

  @Test
  void aBadScenarioOrKeyIsRefusedAtOnce() {
    assertThatThrownBy(() -> new Session("fly", Map.of(), 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scenario");
    assertThatThrownBy(() -> new Session("race", Map.of("lidar.ray", 3), 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lidar.rays");
  }

  /** In multitask the HUD's speed is the body of this episode's task. */
  @Test
  void aMultitaskAgentShowsTheSpeedOfItsEpisodesBody() {
    Session s = new Session("multitask", Map.of(), 3, List.of(new Driver.Expert()));
    for (int k = 0; k < 40; k++) {
      s.singleStep();
    }
    assertThat(s.agents().get(0).speedMps()).isFinite().isPositive();
  }

  /** M: the same agents on the next scenario; a policy that cannot drive it sits out. */
  @Test
  void switchingScenarioKeepsTheAgentsThatCanDriveIt() throws Exception {
    Path policy = policyFile(dir, "race.zip", Map.of());
    List<String> heard = new java.util.ArrayList<>();
    Session race =
        new Session(
            "race",
            Map.of("lidar.noise", 0.01),
            3,
            List.of(new Driver.Expert(), new Driver.Policy(policy), new Driver.Keyboard()),
            new Session.Listener() {
              @Override
              public void onMessage(String m) {
                heard.add(m);
              }
            });
    race.clock().setSpeed(4);
    assertThat(race.nextScenario()).isEqualTo("navigate");
    Session nav = race.withScenario("navigate");
    assertThat(nav.scenario()).isEqualTo("navigate");
    assertThat(nav.seed()).isEqualTo(3);
    assertThat(nav.clock().speed()).isEqualTo(4);
    assertThat(nav.agents()).extracting(Agent::name).containsExactly("1 expert", "3 keyboard");
    assertThat(heard)
        .anyMatch(
            m -> m.contains("agent 2") && m.contains("sits out navigate") && m.contains("race"));
    assertThat(nav.messages()).anyMatch(m -> m.contains("lidar.noise"));
    assertThat(nav.withScenario("navigate")).isSameAs(nav);
    assertThat(nav.withScenario("multitask").nextScenario()).isEqualTo("push");
    assertThat(nav.withScenario("push").nextScenario()).isEqualTo("grandprix");
    assertThat(nav.withScenario("grandprix").nextScenario()).isEqualTo("race");
    assertThatThrownBy(() -> nav.withScenario("mars")).hasMessageContaining("mars");
  }

  /**
   * The round trip of issue 15: race, navigate, reach, multitask and back to race with M keeps
   * every agent with its number (so its colour), and the recordings; agents that cannot drive a
   * scenario sit it out and come back; a clone of the race demonstrations is not offered on
   * navigate.
   */
  @Test
  void theRoundTripOfEveryScenarioKeepsEveryAgentAndRecording() throws Exception {
    Path policy = policyFile(dir, "race.zip", Map.of());
    Session s =
        new Session(
            "race",
            Map.of(),
            3,
            List.of(
                new Driver.Expert(),
                new Driver.Policy(policy),
                new Driver.Keyboard(),
                new Driver.Policy(dir.resolve("missing.zip"))));
    s.teaching().setDemosDir(dir.resolve("demos"));
    s.teaching().setRecording(true);
    s.keyboard().set(0, 1);
    run(s, 1, 1.0 / 60);
    s.teaching().setRecording(false);
    List<Path> recorded = s.teaching().demoFiles();
    assertThat(recorded).hasSize(1);
    assertThat(s.agents())
        .extracting(Agent::name)
        .containsExactly("1 expert", "2 policy race.zip", "3 keyboard");
    List<List<String>> seen = new java.util.ArrayList<>();
    for (String next : List.of("navigate", "reach", "multitask", "race")) {
      s = s.withScenario(next);
      assertThat(s.scenario()).isEqualTo(next);
      seen.add(s.agents().stream().map(Agent::name).toList());
      assertThat(s.teaching().demoFiles()).as("recordings on " + next).isEqualTo(recorded);
      if (next.equals("navigate")) {
        s.teaching().trainClone();
        assertThat(s.messages()).anyMatch(m -> m.contains("no demonstrations of navigate"));
        assertThat(s.teaching().cloning()).isFalse();
      }
    }
    assertThat(seen.get(0)).containsExactly("1 expert", "3 keyboard");
    // the arm's tip follows the person's pointer (issue 27)
    assertThat(seen.get(1)).containsExactly("1 expert", "3 keyboard");
    assertThat(seen.get(3)).containsExactly("1 expert", "2 policy race.zip", "3 keyboard");
    assertThat(s.hasKeyboardAgent()).isTrue();
    assertThat(s.agents()).extracting(Agent::index).containsExactly(0, 1, 2);
    // the log came along: what was said on race before the trip is still there, in order
    assertThat(s.messages())
        .anyMatch(m -> m.contains("missing.zip"))
        .anyMatch(m -> m.contains("no demonstrations of navigate"))
        .last()
        .asString()
        .startsWith("scenario race");
  }

  /** J: a person can always join, once, where the keys can drive the body. */
  @Test
  void aPersonJoinsWithTheKeysOnce() {
    Session s = race(3, new Driver.Expert());
    Agent joined = s.roster().addKeyboard();
    assertThat(joined.name()).isEqualTo("2 keyboard");
    assertThat(s.agents()).hasSize(2);
    assertThat(s.hasKeyboardAgent()).isTrue();
    assertThat(s.roster().addKeyboard()).isNull();
    assertThat(s.messages()).anyMatch(m -> m.contains("already"));
    // an arm joins too: its tip follows the pointer (issue 27)
    Session arm = new Session("reach", Map.of(), 3, List.of(new Driver.Expert()));
    assertThat(arm.roster().addKeyboard()).isNotNull();
    assertThat(arm.messages()).anyMatch(m -> m.contains("its tip follows the mouse pointer"));
    assertThat(arm.pointerDrives()).isTrue();
  }

  /** R left laps, best laps and the step counter as they were (issue 26, probe 21). */
  @Test
  void restartStartsTheTableAndTheStepsAnew() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    s.clock().setSpeed(16);
    for (int i = 0; i < 2000 && s.agents().get(0).lapsTotal() == 0; i++) {
      s.advance(0.25);
    }
    Agent a = s.agents().get(0);
    assertThat(a.lapsTotal()).as("the expert lapped").isPositive();
    assertThat(a.bestLapS()).isFinite();
    assertThat(s.clock().steps()).isPositive();
    s.restart();
    assertThat(a.lapsTotal()).isZero();
    assertThat(a.bestLapS()).isNaN();
    assertThat(a.crashes()).isZero();
    assertThat(s.clock().steps()).isZero();
  }
}
