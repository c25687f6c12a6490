package dev.ugoki.sim.geom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentIndexTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  private static double[] randomSegments(SplittableRandom r, int n) {
    double[] seg = new double[4 * n];
    for (int i = 0; i < n; i++) {
      double x = r.nextDouble(-50, 50);
      double y = r.nextDouble(-50, 50);
      double len = r.nextDouble(0.5, 30);
      double a = r.nextDouble(0, 2 * Math.PI);
      seg[4 * i] = x;
      seg[4 * i + 1] = y;
      seg[4 * i + 2] = x + len * Math.cos(a);
      seg[4 * i + 3] = y + len * Math.sin(a);
    }
    return seg;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void raycastFindsTheSameNearestHitAsTestingEverySegment(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] seg = randomSegments(r, 80);
    SegmentIndex index = new SegmentIndex(seg, r.nextDouble(1, 12));
    for (int k = 0; k < 500; k++) {
      double ox = r.nextDouble(-60, 60);
      double oy = r.nextDouble(-60, 60);
      double a = r.nextDouble(0, 2 * Math.PI);
      double dx = Math.cos(a);
      double dy = Math.sin(a);
      double range = r.nextDouble(1, 80);
      double brute = range;
      for (int i = 0; i < seg.length; i += 4) {
        brute =
            Math.min(
                brute,
                Geometry.raySegment(ox, oy, dx, dy, seg[i], seg[i + 1], seg[i + 2], seg[i + 3]));
      }
      assertThat(index.raycast(ox, oy, dx, dy, range)).isEqualTo(brute);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sweepAndClearanceAgreeWithTestingEverySegment(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] seg = randomSegments(r, 60);
    SegmentIndex index = new SegmentIndex(seg, r.nextDouble(1, 12));
    for (int k = 0; k < 500; k++) {
      double x0 = r.nextDouble(-60, 60);
      double y0 = r.nextDouble(-60, 60);
      double x1 = x0 + r.nextDouble(-20, 20);
      double y1 = y0 + r.nextDouble(-20, 20);
      double radius = r.nextDouble(0.05, 3);
      boolean brute = false;
      double nearest = 10;
      for (int i = 0; i < seg.length; i += 4) {
        brute |=
            Geometry.segmentSegmentDist2(x0, y0, x1, y1, seg[i], seg[i + 1], seg[i + 2], seg[i + 3])
                < radius * radius;
        nearest =
            Math.min(
                nearest,
                Math.sqrt(
                    Geometry.pointSegmentDist2(
                        x0, y0, seg[i], seg[i + 1], seg[i + 2], seg[i + 3])));
      }
      assertThat(index.sweepHits(x0, y0, x1, y1, radius)).isEqualTo(brute);
      assertThat(index.clearance(x0, y0, 10))
          .isCloseTo(nearest, org.assertj.core.data.Offset.offset(1e-12));
    }
  }
}
