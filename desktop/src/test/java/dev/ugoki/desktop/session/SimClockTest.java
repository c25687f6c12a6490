package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The clock says the speed it achieves, not only the one asked for. */
class SimClockTest {
  private static double run(SimClock c, double frameS, double seconds) {
    for (double t = 0; t < seconds; t += frameS) {
      c.due(frameS);
    }
    return c.achievedSpeed();
  }

  @Test
  void framesKeepingUpAchieveTheSpeedAskedFor() {
    SimClock c = new SimClock(0.05);
    assertThat(c.achievedSpeed()).isNaN();
    c.setSpeed(16);
    assertThat(run(c, 1.0 / 60, 2.1)).isCloseTo(16, offset(0.5));
  }

  @Test
  void framesLongerThanTheCapLoseTimeAndSayHowMuch() {
    SimClock c = new SimClock(0.05);
    c.setSpeed(16);
    // half-second frames: each counts for 0.25 s of wall time, so half the time is lost
    assertThat(run(c, 0.5, 3)).isCloseTo(8, offset(0.01));
  }
}
