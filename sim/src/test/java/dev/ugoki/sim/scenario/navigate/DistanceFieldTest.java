package dev.ugoki.sim.scenario.navigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.geom.SegmentIndex;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner checked against distances that can be worked out by hand. */
class DistanceFieldTest {
  private static final double CELL_M = 0.1;
  private static final double INFLATION_M = 0.3;

  /** The 16-move grid metric is at most 1 / cos(13.3 deg) = 2.75% longer than a straight line. */
  private static final double METRIC_EXCESS = 0.0275;

  private static double[] box(double w, double h) {
    return new double[] {0, 0, w, 0, w, 0, w, h, w, h, 0, h, 0, h, 0, 0};
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static DistanceField field(double[] segments, double w, double h, double gx, double gy) {
    SegmentIndex index = new SegmentIndex(segments, 1.0);
    return new DistanceField(new PlannerGrid(index, 0, 0, w, h, CELL_M, INFLATION_M), gx, gy);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inAnEmptyRoomTheDistanceIsTheStraightLineWithinTheGridTolerance(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double m = INFLATION_M + 0.1;
    double gx = r.nextDouble(m, 12 - m);
    double gy = r.nextDouble(m, 8 - m);
    DistanceField f = field(box(12, 8), 12, 8, gx, gy);
    for (int i = 0; i < 50; i++) {
      double x = r.nextDouble(m, 12 - m);
      double y = r.nextDouble(m, 8 - m);
      double straight = Math.hypot(x - gx, y - gy);
      // Never shorter than the straight line; longer by the grid metric and a cell at most.
      assertThat(f.distance(x, y))
          .isGreaterThanOrEqualTo(straight - 1e-9)
          .isLessThanOrEqualTo(straight * (1 + METRIC_EXCESS) + CELL_M);
    }
  }

  /** The room generator relies on it: a goal reachable from the start is reachable back. */
  @ParameterizedTest
  @MethodSource("seeds")
  void reachabilityIsTheSameInBothDirections(long seed) {
    Room room =
        new RoomGenerator(RoomGenerator.Settings.defaults()).generate(new SplittableRandom(seed));
    PlannerGrid grid =
        new PlannerGrid(room.index(), 0, 0, room.widthM(), room.heightM(), 0.15, 0.4);
    SplittableRandom r = new SplittableRandom(seed);
    double[] xy = new double[12];
    for (int i = 0; i < xy.length; i += 2) {
      do {
        xy[i] = r.nextDouble(0, room.widthM());
        xy[i + 1] = r.nextDouble(0, room.heightM());
      } while (!grid.free(xy[i], xy[i + 1]));
    }
    for (int a = 0; a < xy.length; a += 2) {
      DistanceField fromA = new DistanceField(grid, xy[a], xy[a + 1]);
      for (int b = 0; b < xy.length; b += 2) {
        DistanceField fromB = new DistanceField(grid, xy[b], xy[b + 1]);
        assertThat(fromA.reachable(xy[b], xy[b + 1])).isEqualTo(fromB.reachable(xy[a], xy[a + 1]));
      }
    }
  }

  @Test
  void theDistanceIsZeroAtTheGoalAndGrowsAwayFromIt() {
    DistanceField f = field(box(10, 10), 10, 10, 4.03, 5.07);
    assertThat(f.distance(4.03, 5.07)).isEqualTo(0);
    assertThat(f.distance(4.13, 5.07)).isCloseTo(0.1, within(1e-9));
    assertThat(f.distance(6.03, 5.07)).isGreaterThan(f.distance(5.03, 5.07));
  }

  @Test
  void aWallInTheWayForcesADetourAroundItsEnd() {
    // A wall across x = 5 from the floor up to y = 8; the way round is through the gap above it.
    double[] walls = concat(box(10, 10), new double[] {5, 0, 5, 8});
    DistanceField f = field(walls, 10, 10, 8, 2);
    double straight = 6;
    // The shortest way keeps the inflation from the wall's end at (5, 8).
    double aroundTheEnd = 2 * Math.hypot(3, 6 + INFLATION_M);
    double d = f.distance(2, 2);
    assertThat(d)
        .isGreaterThan(2 * straight)
        .isGreaterThanOrEqualTo(aroundTheEnd - CELL_M)
        .isLessThanOrEqualTo(aroundTheEnd * (1 + METRIC_EXCESS) + 2 * CELL_M);
  }

  @Test
  void thePathLeadsFromThePointToTheGoalWithoutTouchingAWall() {
    double[] walls = concat(box(10, 10), new double[] {5, 0, 5, 8, 2, 6, 4, 6});
    SegmentIndex index = new SegmentIndex(walls, 1.0);
    DistanceField f = field(walls, 10, 10, 8, 2);
    double[] path = f.path(2, 2, 10_000);
    assertThat(path[0]).isEqualTo(2);
    assertThat(path[1]).isEqualTo(2);
    assertThat(path[path.length - 2]).isEqualTo(8);
    assertThat(path[path.length - 1]).isEqualTo(2);
    double length = 0;
    for (int k = 2; k + 1 < path.length; k += 2) {
      // Between free cell centers the path keeps nearly the inflation from every wall.
      boolean leg =
          index.sweepHits(
              path[k - 2],
              path[k - 1],
              path[k],
              path[k + 1],
              k == 2 ? 0.01 : INFLATION_M - 0.75 * CELL_M);
      assertThat(leg).as("leg %d crosses a wall", k / 2).isFalse();
      length += Math.hypot(path[k] - path[k - 2], path[k + 1] - path[k - 1]);
    }
    assertThat(length).isCloseTo(f.distance(2, 2), within(1e-9));
  }

  @Test
  void theLookaheadPointLiesTheRequestedDistanceAlongAStraightPath() {
    DistanceField f = field(box(10, 10), 10, 10, 8, 5);
    double[] out = new double[2];
    assertThat(f.lookahead(2, 5, 1.0, out)).isTrue();
    assertThat(Math.hypot(out[0] - 2, out[1] - 5)).isCloseTo(1.0, within(0.02));
    assertThat(Math.abs(out[1] - 5)).isLessThan(0.1);
    assertThat(f.lookahead(7.5, 5, 1.0, out)).isTrue();
    assertThat(out).containsExactly(8, 5);
  }

  @Test
  void aGoalWalledInIsUnreachableFromOutside() {
    double[] walls =
        concat(box(10, 10), new double[] {6, 6, 9, 6, 9, 6, 9, 9, 9, 9, 6, 9, 6, 9, 6, 6});
    DistanceField f = field(walls, 10, 10, 7.5, 7.5);
    assertThat(f.distance(2, 2)).isInfinite();
    assertThat(f.reachable(2, 2)).isFalse();
    assertThat(f.lookahead(2, 2, 1, new double[2])).isFalse();
    assertThat(f.path(2, 2, 100)).isEmpty();
    assertThat(f.reachable(7, 7)).isTrue();
  }

  @Test
  void aPointInsideTheInflatedBandJoinsTheFieldAtTheNearestFreeCells() {
    DistanceField f = field(box(10, 10), 10, 10, 5, 5);
    // 0.05 m from the left wall: its cell and the cells around it are blocked.
    double d = f.distance(0.05, 5);
    assertThat(d).isFinite().isGreaterThanOrEqualTo(4.95 - 1e-9).isLessThan(4.95 + 3 * CELL_M);
  }

  @Test
  void inflationIsNeverLessThanThreeQuartersOfACellSoThinWallsDoNotLeak() {
    SegmentIndex index = new SegmentIndex(concat(box(10, 10), new double[] {5, 0, 5, 10}), 1.0);
    PlannerGrid grid = new PlannerGrid(index, 0, 0, 10, 10, 0.2, 0);
    assertThat(grid.inflationM()).isCloseTo(0.15, within(1e-12));
    assertThat(new DistanceField(grid, 8, 5).reachable(2, 5)).isFalse();
  }
}
