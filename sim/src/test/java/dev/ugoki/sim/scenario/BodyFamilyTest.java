package dev.ugoki.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.navigate.NavigateConfig;
import dev.ugoki.sim.scenario.navigate.NavigateScenario;
import dev.ugoki.sim.scenario.race.RaceConfig;
import dev.ugoki.sim.scenario.race.RaceScenario;
import dev.ugoki.sim.scenario.reach.ReachConfig;
import dev.ugoki.sim.scenario.reach.ReachScenario;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BodyFamilyTest {
  private static final Map<String, Object> CARS =
      Map.of(
          "body.wheelbase", 0.3,
          "body.max_speed", 0.6,
          "body.max_accel", 0.5,
          "body.max_brake", 0.5,
          "body.max_steer", 0.3,
          "body.steer_rate", 0.5,
          "dr.friction", 0.4);

  private static BodyFamily family(Map<String, Object> extra) {
    Map<String, Object> m = new java.util.HashMap<>(CARS);
    m.putAll(extra);
    return RaceConfig.of(Scenarios.config("race", m)).family();
  }

  static LongStream seeds() {
    return new SplittableRandom(20261202).longs(40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aDrawFollowsFromTheSeedAndStaysInItsRange(long seed) {
    BodyFamily f = family(Map.of("body.edge", 0.2, "body.holdout", 8));
    assertThat(f.draw(seed)).containsExactly(f.draw(seed));
    for (double u : f.draw(seed)) {
      assertThat(Math.abs(u)).as("training stays inside the band").isLessThanOrEqualTo(0.8);
    }
    double[] factors = f.factors(seed);
    for (int i = 0; i < factors.length; i++) {
      double spread = f.dims().get(i).spread();
      assertThat(factors[i]).isBetween(1 - spread, 1 + spread);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void trainingNeverDrawsAHeldOutBodyNorTheEdgeBand(long seed) {
    BodyFamily train = family(Map.of("body.edge", 0.2, "body.holdout", 16));
    double[] u = train.draw(seed);
    for (double[] h : train.heldOut()) {
      double d = 0;
      for (int i = 0; i < u.length; i++) {
        d = Math.max(d, Math.abs(u[i] - h[i]));
      }
      assertThat(d).isGreaterThanOrEqualTo(BodyFamily.HOLDOUT_RADIUS);
    }
    double[] edge =
        family(Map.of("body.edge", 0.2, "body.holdout", 16, "body.split", 2)).draw(seed);
    assertThat(java.util.Arrays.stream(edge).map(Math::abs).max().orElseThrow())
        .as("one parameter in the band, beyond what training saw")
        .isBetween(0.8, 1.0);
    double[] held =
        family(Map.of("body.edge", 0.2, "body.holdout", 16, "body.split", 1)).draw(seed);
    assertThat(train.heldOut()).anySatisfy(h -> assertThat(h).containsExactly(held));
  }

  @Test
  void aPoolOfNBodiesTrainsOnExactlyNDistinctBodiesAndLargerPoolsKeepTheSmallerOnes() {
    java.util.Set<List<Double>> three = new java.util.HashSet<>();
    java.util.Set<List<Double>> ten = new java.util.HashSet<>();
    BodyFamily pool3 = family(Map.of("body.edge", 0.2, "body.holdout", 16, "body.pool", 3));
    BodyFamily pool10 = family(Map.of("body.edge", 0.2, "body.holdout", 16, "body.pool", 10));
    seeds()
        .forEach(
            seed -> {
              three.add(java.util.Arrays.stream(pool3.draw(seed)).boxed().toList());
              ten.add(java.util.Arrays.stream(pool10.draw(seed)).boxed().toList());
            });
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      long seed = r.nextLong();
      three.add(java.util.Arrays.stream(pool3.draw(seed)).boxed().toList());
      ten.add(java.util.Arrays.stream(pool10.draw(seed)).boxed().toList());
    }
    assertThat(three).hasSize(3);
    assertThat(ten).hasSize(10).containsAll(three);
    for (List<Double> body : ten) {
      double[] u = body.stream().mapToDouble(Double::doubleValue).toArray();
      assertThat(pool10.nearHeldOut(u)).as("a pool's bodies are training bodies").isFalse();
    }
    BodyFamily held =
        family(Map.of("body.edge", 0.2, "body.holdout", 16, "body.pool", 3, "body.split", 1));
    assertThat(held.heldOut()).anySatisfy(h -> assertThat(h).containsExactly(held.draw(77)));
  }

  @Test
  void spreadsOfZeroAreTheNominalBodyAndFrictionDrawsAsItAlwaysHas() {
    BodyFamily none = RaceConfig.of(Scenarios.config("race", Map.of())).family();
    assertThat(none.varies()).isFalse();
    assertThat(none.factors(7)).containsOnly(1.0);
    // dr.friction's draw is the one it had before the family existed
    double[] f =
        RaceConfig.of(Scenarios.config("race", Map.of("dr.friction", 0.4))).family().factors(7);
    double old = 1 + 0.4 * (2 * new SplittableRandom(7 ^ 0xBB67AE8584CAA73BL).nextDouble() - 1);
    assertThat(f[f.length - 1]).isEqualTo(old);
  }

  @Test
  void aSplitWithoutBodiesIsRefused() {
    assertThatThrownBy(() -> family(Map.of("body.split", 1))).hasMessageContaining("body.holdout");
    assertThatThrownBy(() -> family(Map.of("body.split", 2))).hasMessageContaining("body.edge");
    assertThatThrownBy(() -> family(Map.of("body.holdout", 3, "body.index", 3)))
        .hasMessageContaining("body.index = 3 is no held-out body");
    assertThatThrownBy(() -> Scenarios.config("race", Map.of("body.max_speed", 0.7)))
        .hasMessageContaining("body.max_speed");
  }

  @Test
  void theRaceExpertDrivesTheEpisodesCarAndLapsAcrossTheFamily() {
    Config c = Scenarios.config("race", CARS);
    RaceScenario race = (RaceScenario) Scenarios.make(c).unwrapped();
    BodyFamily f = RaceConfig.of(c).family();
    int laps = 0;
    int episodes = 20;
    for (long seed = 1; seed <= episodes; seed++) {
      race.reset(seed);
      CarParams drawn = RaceConfig.scaled(CarParams.standard(), f.factors(seed));
      assertThat(race.carParams()).as("the car the expert plans with").isEqualTo(drawn);
      var expert = race.expert();
      boolean done = false;
      for (int t = 0; t < 4000 && !done; t++) {
        var r = race.step(expert.act());
        done = r.terminated();
        laps += r.info().success() ? 1 : 0;
      }
    }
    assertThat(laps)
        .as("laps of %d cars drawn from the family", episodes)
        .isGreaterThanOrEqualTo(19);
  }

  @Test
  void theFamilyKeysComeWithEveryRaceConfig() {
    assertThat(Scenarios.params("race"))
        .extracting(p -> p.key())
        .containsAll(List.of(BodyFamily.SPLIT, BodyFamily.EDGE, "body.max_speed"));
  }

  /** Episodes of {@code scenario}'s expert on seeds 1..n that succeed. */
  private static int expertSuccesses(dev.ugoki.sim.env.Env env, int n) {
    int ok = 0;
    for (long seed = 1; seed <= n; seed++) {
      env.reset(seed);
      var expert = env.expert();
      for (int t = 0; t < 5000; t++) {
        var r = env.step(expert.act());
        if (r.terminated() || r.truncated()) {
          ok += r.info().success() ? 1 : 0;
          break;
        }
      }
    }
    return ok;
  }

  @Test
  void theRobotExpertPlansWithTheEpisodesRobotAcrossTheFamily() {
    Map<String, Object> robots =
        Map.of(
            "robot.wheel_separation", 0.3,
            "body.radius", 0.2,
            "body.wheel_separation", 0.2,
            "body.max_speed", 0.5,
            "body.max_accel", 0.5);
    Config c = Scenarios.config("navigate", robots);
    var env = Scenarios.make(c);
    NavigateScenario nav = (NavigateScenario) env.unwrapped();
    nav.reset(5);
    assertThat(nav.robotParams())
        .isEqualTo(
            NavigateConfig.scaled(
                NavigateConfig.of(c).robot(), NavigateConfig.of(c).family().factors(5)));
    assertThat(nav.robotParams()).isNotEqualTo(NavigateConfig.of(c).robot());
    assertThat(expertSuccesses(env, 20)).isGreaterThanOrEqualTo(19);
  }

  @Test
  void theArmExpertPlansWithTheEpisodesArmAcrossTheFamily() {
    Map<String, Object> arms =
        Map.of(
            "body.upper", 0.3,
            "body.fore", 0.3,
            "body.max_speed", 0.5,
            "body.max_accel", 0.5,
            "body.elbow_limit", 0.1);
    Config c = Scenarios.config("reach", arms);
    var env = Scenarios.make(c);
    ReachScenario reach = (ReachScenario) env.unwrapped();
    reach.reset(5);
    assertThat(reach.armParams())
        .isEqualTo(ArmKeys.scaled(ReachConfig.of(c).arm(), ReachConfig.of(c).family().factors(5)));
    assertThat(expertSuccesses(env, 40)).isGreaterThanOrEqualTo(38);
    assertThatThrownBy(() -> Scenarios.config("reach", Map.of("body.elbow_limit", 0.2)))
        .hasMessageContaining("body.elbow_limit");
  }

  @Test
  void aScenarioThatObservesItsBodySeesEachParameterOfTheEpisodesDraw() {
    Map<String, Object> m = new java.util.HashMap<>(CARS);
    m.put("body.max_steer", 0.0);
    m.put("body.observe", true);
    RaceScenario race = (RaceScenario) Scenarios.make("race", m).unwrapped();
    List<String> names = race.observationSpec().names();
    assertThat(names.subList(names.size() - 7, names.size()))
        .containsExactly(
            "body.race.wheelbase",
            "body.race.max_speed",
            "body.race.max_accel",
            "body.race.max_brake",
            "body.race.max_steer",
            "body.race.steer_rate",
            "body.race.friction");
    float[] obs = race.reset(11);
    double[] body = race.body();
    for (int i = 0; i < 7; i++) {
      assertThat(obs[names.size() - 7 + i]).isEqualTo((float) body[i]);
    }
    assertThat(body[4]).as("a parameter that does not vary is nominal").isZero();
    assertThat(Scenarios.make("race").observationSpec().names())
        .as("without body.observe the layout is the one it always was")
        .doesNotContain("body.race.max_speed");
  }

  @Test
  void aToldNoiseMisstatesTheBodysChannelsPerEpisodeButNotTheBody() {
    Map<String, Object> m = new java.util.HashMap<>(CARS);
    m.put("body.max_steer", 0.0);
    m.put("body.observe", true);
    RaceScenario exact = (RaceScenario) Scenarios.make("race", m).unwrapped();
    m.put("body.told_noise", 0.2);
    RaceScenario told = (RaceScenario) Scenarios.make("race", m).unwrapped();
    RaceScenario again = (RaceScenario) Scenarios.make("race", m).unwrapped();
    int n = told.observationSpec().size();
    double sumSq = 0;
    int count = 0;
    for (long seed = 1; seed <= 200; seed++) {
      float[] a = exact.reset(seed);
      float[] b = told.reset(seed);
      assertThat(again.reset(seed)).isEqualTo(b);
      assertThat(told.body()).as("the body is as drawn").isEqualTo(exact.body());
      assertThat(java.util.Arrays.copyOf(b, n - 7)).isEqualTo(java.util.Arrays.copyOf(a, n - 7));
      for (int i = n - 7; i < n; i++) {
        assertThat(b[i]).isBetween(-1f, 1f);
        if (i == n - 3) {
          assertThat(b[i]).as("a parameter that does not vary stays nominal").isZero();
          continue;
        }
        sumSq += (b[i] - a[i]) * (b[i] - a[i]);
        count++;
      }
      // the same error all episode long
      float[] next = told.step(new float[] {0.2f, 0f}).observation();
      assertThat(java.util.Arrays.copyOfRange(next, n - 7, n))
          .isEqualTo(java.util.Arrays.copyOfRange(b, n - 7, n));
    }
    // about the spread asked for (less where the clip to [-1, 1] bites)
    assertThat(Math.sqrt(sumSq / count)).isBetween(0.15, 0.21);
  }

  @Test
  void aCarsGripChangesMidEpisodeAndTheExpertDrivesOnWithIt() {
    Map<String, Object> m = Map.of("body.change_at", 10.0, "body.change_friction", 0.6);
    RaceScenario race = (RaceScenario) Scenarios.make("race", m).unwrapped();
    race.reset(3);
    var expert = race.expert();
    double before = race.carParams().frictionMu();
    boolean lapped = false;
    for (int t = 0; t < 4000; t++) {
      var r = race.step(expert.act());
      if (t * race.dt() < 10 - 1e-9) {
        assertThat(race.carParams().frictionMu()).isEqualTo(before);
      }
      if (r.terminated()) {
        lapped = r.info().success();
        break;
      }
    }
    assertThat(race.carParams().frictionMu()).isCloseTo(0.6 * before, within(1e-12));
    assertThat(lapped).as("the expert, planning with the car as it is now, still laps").isTrue();
  }

  @Test
  void aBodyThatChangesIsStillAnnouncedAsItsDrawButKnownAsItIsNow() {
    Map<String, Object> m =
        Map.of(
            "dr.friction", 0.4,
            "body.max_speed", 0.5,
            "body.observe", true,
            "body.change_at", 2.0,
            "body.change_friction", 0.6);
    var env = Scenarios.make("race", m);
    RaceScenario race = (RaceScenario) env.unwrapped();
    race.reset(5);
    double[] drawn = race.body();
    assertThat(race.bodyNow()).containsExactly(drawn);
    int channel = env.observationSpec().indexOf("body.race.friction");
    float[] obs = null;
    for (int t = 0; t * race.dt() < 3; t++) {
      obs = race.step(race.expert().act()).observation();
    }
    double[] now = race.bodyNow();
    int fr = drawn.length - 1; // the friction, the family's last parameter
    assertThat(now[fr]).isCloseTo(((1 + 0.4 * drawn[fr]) * 0.6 - 1) / 0.4, within(1e-12));
    for (int i = 0; i < fr; i++) {
      assertThat(now[i]).as("only the grip changed").isEqualTo(drawn[i]);
    }
    assertThat(race.body()).as("the draw stays").containsExactly(drawn);
    assertThat((double) obs[channel]).as("unannounced").isCloseTo(drawn[fr], within(1e-6));
    race.reset(5);
    assertThat(race.bodyNow()).as("a new episode starts as drawn").containsExactly(drawn);
  }
}
