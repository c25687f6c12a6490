package dev.ugoki.sim.scenario.navigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.RobotState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NavigateScenarioTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  private static NavigateScenario scenario(Map<String, ?> overrides) {
    return new NavigateScenario(
        Config.defaults(NavigateScenario.NAME, NavigateConfig.PARAMS).with(overrides));
  }

  /** A pose whose disc clears every wall, outside every obstacle, with wheels already turning. */
  private static RobotState randomFreePose(NavigateScenario s, SplittableRandom r) {
    Room room = s.room();
    double radius = s.robotParams().radiusM();
    double vmax = s.robotParams().maxWheelSpeedMps();
    while (true) {
      double x = r.nextDouble(0, room.widthM());
      double y = r.nextDouble(0, room.heightM());
      if (room.index().clearance(x, y, radius) >= radius
          && room.contains(x, y)
          && !room.insideObstacle(x, y)) {
        return new RobotState(
            x,
            y,
            r.nextDouble(-Math.PI, Math.PI),
            r.nextDouble(-vmax, vmax),
            r.nextDouble(-vmax, vmax));
      }
    }
  }

  /**
   * Fuzz: from random free poses the robot drives at full speed (mostly straight at whatever is
   * ahead) until it hits something. The body never overlaps a wall, never ends inside an obstacle
   * or outside the room, and a hit ends the episode with the robot stopped where it was.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aCollisionEndsTheEpisodeAndTheBodyNeverEntersAWallOrLeavesTheRoom(long seed) {
    // A fast robot with strong wheels: the largest steps the configuration allows.
    NavigateScenario s =
        scenario(
            Map.of(
                NavigateConfig.ROBOT_MAX_SPEED,
                3.0,
                NavigateConfig.ROBOT_MAX_ACCEL,
                20.0,
                CommonParams.DT,
                0.1));
    Spec obsSpec = s.observationSpec();
    SplittableRandom r = new SplittableRandom(seed);
    double radius = s.robotParams().radiusM();
    int crashes = 0;
    for (int trial = 0; trial < 12; trial++) {
      s.reset(seed);
      s.placeRobot(randomFreePose(s, r));
      float[] action =
          trial % 3 == 0
              ? new float[] {1, 1}
              : new float[] {(float) r.nextDouble(0.5, 1), (float) r.nextDouble(0.5, 1)};
      for (int step = 0; step < 600; step++) {
        RobotState before = s.robot();
        StepResult res = s.step(action);
        RobotState after = s.robot();
        Room room = s.room();
        assertThat(room.index().clearance(after.x(), after.y(), radius))
            .as("clearance after step %d of trial %d", step, trial)
            .isGreaterThanOrEqualTo(radius);
        assertThat(room.contains(after.x(), after.y())).isTrue();
        assertThat(room.insideObstacle(after.x(), after.y())).isFalse();
        assertThat(obsSpec.contains(res.observation())).isTrue();
        if (res.info().crashed()) {
          crashes++;
          assertThat(res.terminated()).isTrue();
          assertThat(res.info().success()).isFalse();
          assertThat(after).isEqualTo(before.stopped());
          assertThat(res.info().rewardTerms().get("crash"))
              .isEqualTo(s.config().real("reward.crash"));
          assertThatThrownBy(() -> s.step(action)).isInstanceOf(IllegalStateException.class);
          break;
        }
        if (res.done()) {
          break;
        }
      }
    }
    assertThat(crashes).as("full speed at the walls must hit something").isGreaterThan(6);
  }

  @Test
  void theSameSeedGivesTheSameTrajectoryBitForBitWhetherTheRoomIsNewOrCached() {
    Map<String, Object> noisy = Map.of("lidar.noise", 0.02, "lidar.dropout", 0.05);
    NavigateScenario a = scenario(noisy);
    NavigateScenario b = scenario(noisy);
    b.reset(7);
    b.reset(8);
    float[] oa = a.reset(7);
    float[] ob = b.reset(7); // from b's cache
    assertThat(ob).containsExactly(oa);
    SplittableRandom actions = new SplittableRandom(99);
    for (int step = 0; step < 600; step++) {
      float[] act = {(float) actions.nextDouble(-0.2, 1), (float) actions.nextDouble(-0.2, 1)};
      StepResult ra = a.step(act);
      StepResult rb = b.step(act.clone());
      assertThat(rb.observation()).containsExactly(ra.observation());
      assertThat(Double.doubleToLongBits(rb.reward()))
          .isEqualTo(Double.doubleToLongBits(ra.reward()));
      assertThat(rb.terminated()).isEqualTo(ra.terminated());
      assertThat(rb.info()).isEqualTo(ra.info());
      if (ra.done()) {
        break;
      }
    }
  }

  @Test
  void differentSeedsGiveDifferentFirstObservations() {
    NavigateScenario s = new NavigateScenario();
    assertThat(s.reset(1)).isNotEqualTo(s.reset(2));
  }

  @Test
  void rewardTermsAreNamedAndSumToTheRewardAndProgressCountsGoals() {
    NavigateScenario s = (NavigateScenario) Scenarios.make(NavigateScenario.NAME).unwrapped();
    s.reset(4);
    Expert expert = s.expert();
    double goalsSeen = 0;
    double progressM = 0;
    StepResult r = null;
    for (int step = 0; step < 1500 && (r == null || !r.done()); step++) {
      r = s.step(expert.act());
      assertThat(r.info().rewardTerms().names())
          .containsExactly("progress", "goal", "crash", "time");
      assertThat(r.reward()).isEqualTo(r.info().rewardTerms().total());
      assertThat(r.info().rewardTerms().get("time")).isEqualTo(-0.005);
      if (r.info().rewardTerms().get("goal") > 0) {
        goalsSeen++;
        assertThat(r.info().rewardTerms().get("goal")).isEqualTo(10);
      }
      assertThat(r.info().progress()).isEqualTo(goalsSeen);
      progressM += r.info().rewardTerms().get("progress");
      assertThat(r.info().episodeTimeS()).isCloseTo((step + 1) * 0.05, within(1e-9));
    }
    assertThat(r.terminated()).isTrue();
    assertThat(r.info().success()).isTrue();
    assertThat(goalsSeen).isEqualTo(3);
    // Progress adds up to the geodesic distances driven between goals: metres, positive.
    assertThat(progressM).isGreaterThan(3 * 2.0);
  }

  @Test
  void drivingTowardTheGoalAlongTheRouteEarnsProgress() {
    NavigateScenario s = (NavigateScenario) Scenarios.make(NavigateScenario.NAME).unwrapped();
    s.reset(11);
    Expert expert = s.expert();
    double total = 0;
    for (int step = 0; step < 40; step++) {
      total += s.step(expert.act()).info().rewardTerms().get("progress");
    }
    assertThat(total).isGreaterThan(0.5);
  }

  @Test
  void malformedActionsAndStepsOutsideAnEpisodeAreRefused() {
    NavigateScenario s = new NavigateScenario();
    assertThatThrownBy(() -> s.step(new float[] {0, 0}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reset");
    s.reset(1);
    assertThatThrownBy(() -> s.step(new float[] {0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 3");
    assertThatThrownBy(() -> s.step(new float[] {Float.NaN, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("left");
    assertThatThrownBy(() -> s.step(new float[] {0, 1.5f}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("right");
  }

  @Test
  void wheelsWiderThanTheBodyAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> scenario(Map.of("robot.radius", 0.2, "robot.wheel_separation", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("robot.wheel_separation")
        .hasMessageContaining("robot.radius");
  }

  @Test
  void aConfigOfAnotherScenarioIsRefused() {
    assertThatThrownBy(() -> new NavigateScenario(Config.defaults("race", NavigateConfig.PARAMS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("race");
  }

  @Test
  void theObservationSpecNamesEveryChannel() {
    NavigateScenario s = scenario(Map.of("lidar.rays", 12));
    assertThat(s.observationSpec().names())
        .startsWith("lidar.00")
        .contains("lidar.11")
        .endsWith(
            "odom.v", "odom.w", "goal.dist", "goal.cos", "goal.sin", "route.cos", "route.sin");
    assertThat(s.actionSpec().names()).containsExactly("left", "right");
    assertThat(s.reset(3)).hasSize(12 + 7);
  }

  @Test
  void theGoalBearingPointsAtTheGoalInTheBodyFrame() {
    NavigateScenario s = new NavigateScenario();
    s.reset(5);
    Room room = s.room();
    // Face +x exactly at the start; the goal's bearing follows from the geometry.
    s.placeRobot(RobotState.at(room.startX(), room.startY(), 0));
    float[] o = s.step(new float[] {0, 0}).observation();
    Spec spec = s.observationSpec();
    double dx = room.goalX(0) - room.startX();
    double dy = room.goalY(0) - room.startY();
    double d = Math.hypot(dx, dy);
    assertThat(o[spec.indexOf("goal.cos")]).isCloseTo((float) (dx / d), within(1e-6f));
    assertThat(o[spec.indexOf("goal.sin")]).isCloseTo((float) (dy / d), within(1e-6f));
    assertThat(o[spec.indexOf("goal.dist")])
        .isCloseTo((float) (d / room.diagonalM()), within(1e-6f));
  }

  /**
   * From random poses that clear every wall by the route's line margin, the route point lies at
   * most 1 m away, the bearing channels point at it, and the straight line to it keeps the body off
   * every wall (or it is the nearest point).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void theRouteBearingPointsAlongThePathAndNeverAcrossACorner(long seed) {
    NavigateScenario s = new NavigateScenario();
    s.reset(seed);
    Room room = s.room();
    Spec spec = s.observationSpec();
    double body = s.robotParams().radiusM() + NavigateScenario.ROUTE_LINE_MARGIN_M;
    SplittableRandom r = new SplittableRandom(seed);
    int pulledIn = 0;
    for (int k = 0; k < 60; k++) {
      RobotState pose = randomFreePose(s, r);
      if (room.index().clearance(pose.x(), pose.y(), body) < body) {
        continue;
      }
      s.placeRobot(new RobotState(pose.x(), pose.y(), pose.heading(), 0, 0));
      float[] o = s.step(new float[] {0, 0}).observation();
      double[] p = s.routePoint();
      double dx = p[0] - pose.x();
      double dy = p[1] - pose.y();
      double d = Math.hypot(dx, dy);
      assertThat(d).isLessThanOrEqualTo(NavigateScenario.ROUTE_LOOKAHEAD_M + 1e-9);
      double ch = Math.cos(pose.heading());
      double sh = Math.sin(pose.heading());
      assertThat(o[spec.indexOf("route.cos")])
          .isCloseTo((float) ((dx * ch + dy * sh) / d), within(1e-5f));
      assertThat(o[spec.indexOf("route.sin")])
          .isCloseTo((float) ((dy * ch - dx * sh) / d), within(1e-5f));
      if (d > NavigateScenario.ROUTE_MIN_LOOKAHEAD_M + 1e-9) {
        assertThat(room.index().sweepHits(pose.x(), pose.y(), p[0], p[1], body))
            .as("line to the route point from (%.2f, %.2f)", pose.x(), pose.y())
            .isFalse();
      }
      if (d < NavigateScenario.ROUTE_LOOKAHEAD_M - 1e-9) {
        pulledIn++;
      }
    }
    // Rooms have corners: some points had to be pulled in (or were the goal itself).
    assertThat(pulledIn).isPositive();
  }

  @Test
  void theBackgroundIsOneListPerResetAndTheForegroundShowsTheRobot() {
    NavigateScenario s = new NavigateScenario();
    s.reset(2);
    Scene first = s.scene();
    s.step(new float[] {1, 1});
    Scene second = s.scene();
    assertThat(second.background()).isSameAs(first.background());
    assertThat(first.background())
        .anyMatch(sh -> sh.layer() == Layer.WALL)
        .anyMatch(sh -> sh.layer() == Layer.GROUND);
    List<Shape> fg = second.foreground();
    assertThat(fg).filteredOn(sh -> sh.layer() == Layer.RAY).hasSize(32);
    assertThat(fg).filteredOn(sh -> sh.layer() == Layer.BODY).hasSize(1);
    assertThat(fg).filteredOn(sh -> sh.layer() == Layer.GOAL_ACTIVE).hasSize(1);
    assertThat(fg).filteredOn(sh -> sh.layer() == Layer.GOAL).hasSize(2);
    assertThat(fg).anyMatch(sh -> sh.layer() == Layer.PATH);
    assertThat(second.focusX()).isEqualTo(s.robot().x());
    s.reset(3);
    assertThat(s.scene().background()).isNotSameAs(first.background());
  }

  @Test
  void smallCrowdedRoomsWithLargeRobotsStillReset() {
    NavigateScenario s =
        scenario(
            Map.of(
                "room.width",
                6,
                "room.height",
                6,
                "room.obstacles",
                60,
                "robot.radius",
                0.6,
                "robot.wheel_separation",
                1.2,
                "room.clearance",
                0.5,
                "goals",
                8));
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(s.observationSpec().contains(s.reset(seed))).isTrue();
    }
  }
}
