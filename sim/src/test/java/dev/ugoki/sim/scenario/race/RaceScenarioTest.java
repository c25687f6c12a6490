package dev.ugoki.sim.scenario.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RaceScenarioTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  /**
   * From random poses and headings on the track, at top speed and the largest step the config
   * allows, the car drives flat out into the walls: every corner of its body stays on the track.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void fullSpeedIntoWallsNeverEndsUpOnTheOtherSide(long seed) {
    RaceScenario race =
        new RaceScenario(
            Scenarios.config("race", Map.of("dt", 0.1, "car.max_speed", 100, "car.max_accel", 50)));
    SplittableRandom r = new SplittableRandom(seed);
    int crashes = 0;
    for (int trial = 0; trial < 40; trial++) {
      race.reset(seed);
      Track t = race.track();
      CarState start = randomPoseOnTrack(race, seed, t, r);
      race.reset(seed, start);
      float[] action = {(float) r.nextDouble(-1, 1), 1};
      for (int k = 0; k < 200; k++) {
        StepResult res = race.step(action);
        assertBodyOnTrack(race);
        if (res.terminated()) {
          crashes += res.info().crashed() ? 1 : 0;
          break;
        }
      }
    }
    assertThat(crashes).as("flat-out runs that ended at a wall").isGreaterThan(30);
  }

  /** The same walls hold a car that slides: dynamic, flat out, with the steering thrown about. */
  @ParameterizedTest
  @MethodSource("fewSeeds")
  void aSlidingCarNeverEndsUpOnTheOtherSideOfAWall(long seed) {
    RaceScenario race =
        new RaceScenario(
            Scenarios.config("race", Map.of("dt", 0.1, "car.max_speed", 60, "car.dynamic", true)));
    SplittableRandom r = new SplittableRandom(seed);
    for (int trial = 0; trial < 20; trial++) {
      race.reset(seed);
      race.reset(seed, randomPoseOnTrack(race, seed, race.track(), r));
      for (int k = 0; k < 200; k++) {
        float[] action = {(float) r.nextDouble(-1, 1), 1};
        StepResult res = race.step(action);
        assertBodyOnTrack(race);
        if (res.terminated()) {
          break;
        }
      }
    }
  }

  static LongStream fewSeeds() {
    return LongStream.rangeClosed(1, 5);
  }

  @Test
  void carDynamicLetsTheRearSlideWhereTheKinematicCarGrips() {
    for (boolean dynamic : new boolean[] {false, true}) {
      RaceScenario race =
          new RaceScenario(
              Scenarios.config(
                  "race",
                  Map.of("car.dynamic", dynamic, "race.random_start", false, "track.seed", 3)));
      race.reset(1);
      CarState grid = race.car();
      race.reset(1, new CarState(grid.x(), grid.y(), grid.heading(), 20, 0, 0));
      double most = 0;
      for (int k = 0; k < 20; k++) {
        // the wheel thrown to the left at 20 m/s, flat out
        StepResult res = race.step(new float[] {1, 1});
        most = Math.max(most, Math.abs(race.car().lateralMps()));
        if (res.terminated()) {
          break;
        }
      }
      if (dynamic) {
        assertThat(most).as("the dynamic car's rear slides").isGreaterThan(0.5);
      } else {
        assertThat(most).as("the kinematic car's rear never slides").isZero();
      }
    }
  }

  private static CarState randomPoseOnTrack(
      RaceScenario race, long seed, Track t, SplittableRandom r) {
    double off = race.carParams().centerOffsetM();
    while (true) {
      double s = r.nextDouble(0, t.length());
      int i = t.sampleAt(s);
      double lateral = r.nextDouble(-1, 1) * (t.halfWidth(i) - 1.2);
      double h = t.heading(i);
      double cx = t.x(i) - Math.sin(h) * lateral;
      double cy = t.y(i) + Math.cos(h) * lateral;
      double heading = r.nextDouble(-Math.PI, Math.PI);
      CarState c =
          new CarState(
              cx - off * Math.cos(heading),
              cy - off * Math.sin(heading),
              heading,
              race.carParams().maxSpeedMps(),
              0,
              0);
      try {
        race.reset(seed, c);
        return c;
      } catch (IllegalArgumentException touchingAWall) {
        // draw another pose
      }
    }
  }

  private static void assertBodyOnTrack(RaceScenario race) {
    CarState s = race.car();
    double c = Math.cos(s.heading());
    double sn = Math.sin(s.heading());
    double back = -race.carParams().rearOverhangM();
    double front = race.carParams().lengthM() + back;
    double half = race.carParams().widthM() / 2 * 0.99;
    for (double along : new double[] {back + 0.9, front - 0.9}) {
      for (double side : new double[] {-half, 0, half}) {
        double x = s.x() + along * c - side * sn;
        double y = s.y() + along * sn + side * c;
        assertThat(race.track().onSurface(x, y))
            .as("body point (%.2f, %.2f) on the track", x, y)
            .isTrue();
      }
    }
  }

  @Test
  void aCrashStopsTheCarAndEndsTheEpisodeWithThePenalty() {
    RaceScenario race = new RaceScenario();
    race.reset(3);
    StepResult r;
    int steps = 0;
    do {
      r = race.step(new float[] {1, 1}); // full lock, full throttle: into the wall
      steps++;
    } while (!r.done() && steps < 1000);
    assertThat(r.terminated()).isTrue();
    assertThat(r.info().crashed()).isTrue();
    assertThat(r.info().success()).isFalse();
    assertThat(r.info().rewardTerms().get("crash")).isEqualTo(-10);
    assertThat(race.car().speedMps()).isZero();
    assertThatThrownBy(() -> race.step(new float[] {0, 0}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reset");
  }

  @Test
  void progressRewardIsMetresAlongTheCenterlineTimesItsWeight() {
    RaceScenario race = new RaceScenario();
    race.reset(5);
    double before = race.progressM();
    StepResult r = null;
    for (int i = 0; i < 40; i++) {
      r = race.step(new float[] {0, 1});
    }
    double gained = race.progressM() - before;
    assertThat(gained).isGreaterThan(5);
    assertThat(r.info().rewardTerms().get("progress")).isGreaterThan(0);
    assertThat(r.reward()).isEqualTo(r.info().rewardTerms().total());
  }

  @Test
  void impossibleCrossFieldConfigIsRefusedNamingTheKeys() {
    assertThatThrownBy(
            () -> Scenarios.make("race", Map.of("track.width_min", 12, "track.width_max", 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("track.width_min")
        .hasMessageContaining("track.width_max");
  }

  /** Backing over the start and crossing it again forwards pays no lap: a lap pays once. */
  @Test
  void aLapIsPaidOnlyForALapNotForRecrossingTheStart() {
    RaceScenario race =
        new RaceScenario(
            Scenarios.config(
                "race",
                Map.of(
                    "track.width_min",
                    20,
                    "track.width_max",
                    20,
                    "car.max_steer_deg",
                    45,
                    "car.steer_rate_deg",
                    1000,
                    "race.random_start",
                    false)));
    race.reset(4);
    Track t = race.track();
    // facing against the lap, 4 m past the start: a U-turn to the left brings it back across
    double h = t.headingAt(4) + Math.PI;
    double[] p = t.pointAt(4);
    double off = race.carParams().centerOffsetM();
    race.reset(4, new CarState(p[0] - off * Math.cos(h), p[1] - off * Math.sin(h), h, 4, 0, 0));
    double least = 0;
    double lapReward = 0;
    StepResult r = null;
    for (int k = 0; k < 120; k++) {
      r = race.step(new float[] {k < 60 ? 1 : 0, k < 60 ? 0 : 0.3f});
      least = Math.min(least, race.progressM());
      lapReward += r.info().rewardTerms().get("lap");
      if (r.done()) {
        break;
      }
    }
    assertThat(least).as("drove back over the start").isLessThan(-1);
    assertThat(race.progressM()).as("and forwards across it again").isGreaterThan(0);
    assertThat(lapReward).isZero();
    assertThat(r.info().success()).isFalse();
  }

  @Test
  void aStartStateWithImpossibleSpeedOrSteeringIsRefused() {
    RaceScenario race = new RaceScenario();
    race.reset(2);
    CarState ok = race.car();
    assertThatThrownBy(() -> race.reset(2, new CarState(ok.x(), ok.y(), ok.heading(), -5, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speed");
    assertThatThrownBy(() -> race.reset(2, new CarState(ok.x(), ok.y(), ok.heading(), 5, 3, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wheel angle");
  }

  @Test
  void aScenarioMadeWithoutTheRegistryRefusesToNameAnExpert() {
    assertThatThrownBy(() -> new RaceScenario().expert())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("race was made without its expert: make it with Scenarios.make");
  }
}
