package dev.ugoki.sim.scenario.navigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rooms are reproducible from their seed, and their start and goals are free and reachable. */
class RoomGeneratorTest {
  private static final RoomGenerator.Settings SETTINGS = RoomGenerator.Settings.defaults();
  private static final RoomGenerator GENERATOR = new RoomGenerator(SETTINGS);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private static Room room(long seed) {
    return GENERATOR.generate(new SplittableRandom(seed));
  }

  @Test
  void theSameSeedGivesTheSameRoom() {
    for (long seed = 1; seed <= 10; seed++) {
      Room a = room(seed);
      Room b = room(seed);
      assertThat(b.layout()).isEqualTo(a.layout());
      assertThat(b.segments()).containsExactly(a.segments());
      assertThat(b.obstacleCount()).isEqualTo(a.obstacleCount());
      for (int i = 0; i < a.obstacleCount(); i++) {
        assertThat(b.obstacle(i)).containsExactly(a.obstacle(i));
      }
      assertThat(new double[] {b.startX(), b.startY(), b.startHeading()})
          .containsExactly(a.startX(), a.startY(), a.startHeading());
      for (int g = 0; g < a.goalCount(); g++) {
        assertThat(new double[] {b.goalX(g), b.goalY(g)}).containsExactly(a.goalX(g), a.goalY(g));
      }
    }
  }

  @Test
  void differentSeedsGiveDifferentRooms() {
    assertThat(room(1).segments()).isNotEqualTo(room(2).segments());
  }

  @Test
  void bothLayoutsAppearAndTheProbabilityPicksThem() {
    long warehouses =
        LongStream.rangeClosed(1, 60)
            .filter(s -> room(s).layout() == Room.Layout.WAREHOUSE)
            .count();
    assertThat(warehouses).isBetween(5L, 35L);
    RoomGenerator always =
        new RoomGenerator(new RoomGenerator.Settings(20, 14, 12, 1, 0.25, 0.15, 3));
    RoomGenerator never =
        new RoomGenerator(new RoomGenerator.Settings(20, 14, 12, 0, 0.25, 0.15, 3));
    for (long s = 1; s <= 5; s++) {
      assertThat(always.generate(new SplittableRandom(s)).layout())
          .isEqualTo(Room.Layout.WAREHOUSE);
      assertThat(never.generate(new SplittableRandom(s)).layout()).isEqualTo(Room.Layout.ROOM);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theStartIsFreeOfWallsAndObstacles(long seed) {
    Room r = room(seed);
    double need = SETTINGS.plannerInflationM() + RoomGenerator.POINT_MARGIN_M;
    assertThat(r.contains(r.startX(), r.startY())).isTrue();
    assertThat(r.insideObstacle(r.startX(), r.startY())).isFalse();
    assertThat(r.index().clearance(r.startX(), r.startY(), need)).isGreaterThanOrEqualTo(need);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyGoalIsFreeWithAMarginAndReachableFromThePreviousPositionWithTheClearance(long seed) {
    Room r = room(seed);
    assertThat(r.goalCount()).isEqualTo(SETTINGS.goals());
    double need = SETTINGS.plannerInflationM() + RoomGenerator.POINT_MARGIN_M;
    // The generator searched from the start; this searches from each goal back to the position
    // before it, as the expert will.
    PlannerGrid grid =
        new PlannerGrid(
            r.index(),
            0,
            0,
            r.widthM(),
            r.heightM(),
            RoomGenerator.PLANNER_CELL_M,
            SETTINGS.plannerInflationM());
    double px = r.startX();
    double py = r.startY();
    for (int g = 0; g < r.goalCount(); g++) {
      double gx = r.goalX(g);
      double gy = r.goalY(g);
      assertThat(r.contains(gx, gy)).isTrue();
      assertThat(r.insideObstacle(gx, gy)).as("goal %d inside an obstacle", g).isFalse();
      assertThat(r.index().clearance(gx, gy, need)).isGreaterThanOrEqualTo(need);
      DistanceField toGoal = new DistanceField(grid, gx, gy);
      assertThat(toGoal.reachable(px, py)).as("goal %d reachable", g).isTrue();
      px = gx;
      py = gy;
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wallsAndObstaclesStayInsideTheRoom(long seed) {
    Room r = room(seed);
    double[] seg = r.segments();
    for (int i = 0; i < seg.length; i += 2) {
      assertThat(seg[i]).isBetween(-1e-9, r.widthM() + 1e-9);
      assertThat(seg[i + 1]).isBetween(-1e-9, r.heightM() + 1e-9);
    }
  }

  @Test
  void aCrowdedSmallRoomStillGetsAStartAndItsGoals() {
    RoomGenerator tight = new RoomGenerator(new RoomGenerator.Settings(6, 6, 60, 0.5, 0.6, 0.5, 8));
    for (long s = 1; s <= 5; s++) {
      Room r = tight.generate(new SplittableRandom(s));
      assertThat(r.goalCount()).isEqualTo(8);
      assertThat(r.index().clearance(r.startX(), r.startY(), 1.1)).isGreaterThanOrEqualTo(1.1);
    }
  }

  @Test
  void aRoomTooSmallForTheRobotIsRefusedWithItsSizes() {
    assertThatThrownBy(() -> new RoomGenerator.Settings(2, 14, 0, 0, 0.5, 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.0 x 14.0 m room is too small");
  }
}
