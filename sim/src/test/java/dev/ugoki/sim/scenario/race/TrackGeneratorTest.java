package dev.ugoki.sim.scenario.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.geom.Geometry;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TrackGeneratorTest {
  private static final TrackGenerator.Params PARAMS = new TrackGenerator.Params(100, 9, 14);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void edgesNeverCrossThemselvesOrEachOther(long seed) {
    Track t = TrackGenerator.generate(seed, PARAMS);
    double[] seg = t.walls().segments();
    int n = seg.length / 4;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean neighbours = sharesEndpoint(seg, i, j);
        if (!neighbours) {
          assertThat(
                  Geometry.segmentsIntersect(
                      seg[4 * i],
                      seg[4 * i + 1],
                      seg[4 * i + 2],
                      seg[4 * i + 3],
                      seg[4 * j],
                      seg[4 * j + 1],
                      seg[4 * j + 2],
                      seg[4 * j + 3]))
              .as("seed %d: wall segments %d and %d cross", seed, i, j)
              .isFalse();
        }
      }
    }
  }

  private static boolean sharesEndpoint(double[] seg, int i, int j) {
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        if (seg[4 * i + 2 * a] == seg[4 * j + 2 * b]
            && seg[4 * i + 2 * a + 1] == seg[4 * j + 2 * b + 1]) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void centerlineIsSmoothClosedAndWithinTheWidthLimits(long seed) {
    Track t = TrackGenerator.generate(seed, PARAMS);
    int n = t.samples();
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double step = Math.hypot(t.x(j) - t.x(i), t.y(j) - t.y(i));
      assertThat(step).isBetween(0.05, 2.01);
      // heading changes by no more than the arc between two samples allows: no kinks
      double turn = Math.abs(Geometry.wrapAngle(t.heading(j) - t.heading(i)));
      assertThat(turn).isLessThanOrEqualTo(1.001 * step / t.minRadiusM() + 1e-9); // chord < arc
      assertThat(2 * t.halfWidth(i)).isBetween(9.0 - 1e-9, 14.0 + 1e-9);
      assertThat(Math.abs(t.curvature(i))).isLessThanOrEqualTo(1 / t.minRadiusM() + 1e-12);
      assertThat(t.onSurface(t.x(i), t.y(i))).isTrue();
    }
  }

  @Test
  void theSameSeedGivesTheSameTrackAndAnotherSeedAnother() {
    Track a = TrackGenerator.generate(42, PARAMS);
    Track b = TrackGenerator.generate(42, PARAMS);
    Track c = TrackGenerator.generate(43, PARAMS);
    assertThat(b.leftEdge()).isEqualTo(a.leftEdge());
    assertThat(b.rightEdge()).isEqualTo(a.rightEdge());
    assertThat(c.length()).isNotEqualTo(a.length());
  }

  /** Hairpins, chicanes and long straights all turn up over a hundred seeds. */
  @Test
  void tracksVaryInHairpinsChicanesStraightsAndWidth() {
    int hairpins = 0;
    int chicanes = 0;
    int straights = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    double widest = 0;
    for (long seed = 1; seed <= 100; seed++) {
      Track t = TrackGenerator.generate(seed, PARAMS);
      hairpins += maxTurnWithin(t, 100) >= Math.toRadians(150) ? 1 : 0;
      chicanes += hasChicane(t) ? 1 : 0;
      straights += longestStraight(t) >= 60 ? 1 : 0;
      for (int i = 0; i < t.samples(); i++) {
        narrowest = Math.min(narrowest, 2 * t.halfWidth(i));
        widest = Math.max(widest, 2 * t.halfWidth(i));
      }
    }
    assertThat(hairpins).as("tracks with a hairpin").isGreaterThanOrEqualTo(10);
    assertThat(chicanes).as("tracks with a chicane").isGreaterThanOrEqualTo(20);
    assertThat(straights).as("tracks with a straight of 60 m or more").isGreaterThanOrEqualTo(20);
    assertThat(narrowest).isLessThan(9.5);
    assertThat(widest).isGreaterThan(13.5);
  }

  /** Largest heading change over any stretch of the given length [rad]. */
  private static double maxTurnWithin(Track t, double stretchM) {
    int n = t.samples();
    double best = 0;
    for (int i = 0; i < n; i++) {
      double turn = 0;
      double along = 0;
      for (int k = 0; k < n && along < stretchM; k++) {
        int j = (i + k) % n;
        double ds = t.s(j + 1) - t.s(j);
        turn += t.curvature(j) * ds;
        along += ds;
      }
      best = Math.max(best, Math.abs(turn));
    }
    return best;
  }

  /** A left and a right bend of 15 degrees or more within 80 m of each other. */
  private static boolean hasChicane(Track t) {
    int n = t.samples();
    for (int i = 0; i < n; i++) {
      double left = 0;
      double right = 0;
      double along = 0;
      for (int k = 0; k < n && along < 80; k++) {
        int j = (i + k) % n;
        double ds = t.s(j + 1) - t.s(j);
        double turn = t.curvature(j) * ds;
        left += Math.max(0, turn);
        right += Math.max(0, -turn);
        along += ds;
      }
      if (left >= Math.toRadians(15) && right >= Math.toRadians(15)) {
        return true;
      }
    }
    return false;
  }

  private static double longestStraight(Track t) {
    int n = t.samples();
    double best = 0;
    double run = 0;
    for (int k = 0; k < 2 * n; k++) {
      int j = k % n;
      run = t.curvature(j) == 0 ? run + t.s(j + 1) - t.s(j) : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  @Test
  void impossibleParametersAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new TrackGenerator.Params(100, 14, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width_min <= width_max");
  }
}
