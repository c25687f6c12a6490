package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineBarTest {
  private final TimelineBar bar = TimelineBar.in(1280, 800);

  @Test
  void sitsInTheMiddleAtTheTop() {
    assertThat(bar.x() + bar.width() / 2).isEqualTo(640);
    assertThat(bar.top()).isLessThan(100);
    assertThat(bar.width()).isBetween(400f, 600f);
  }

  @Test
  void pixelsAndStepsGoBackAndForth() {
    int steps = 1503;
    for (int step : new int[] {0, 1, 500, 1502, 1503}) {
      assertThat(Math.abs(bar.stepAt(bar.xOf(step, steps), steps) - step)).isLessThanOrEqualTo(1);
    }
    assertThat(bar.stepAt(bar.x() - 50, steps)).isZero();
    assertThat(bar.stepAt(bar.x() + bar.width() + 50, steps)).isEqualTo(steps);
    assertThat(bar.xOf(5, 0)).isEqualTo(bar.x());
  }

  @Test
  void aPointerOnOrNearTheBarHitsIt() {
    float y = bar.top() + bar.height() / 2;
    assertThat(bar.hit(bar.x() + 10, y)).isTrue();
    assertThat(bar.hit(bar.x() - 5, y)).isTrue();
    assertThat(bar.hit(bar.x() + 10, bar.top() + 200)).isFalse();
    assertThat(bar.hit(10, y)).isFalse();
  }

  @Test
  void theCaptionSaysWhereAndHowItEnded() {
    assertThat(TimelineBar.caption("replay seed-4", 60, 600, 0.05, "crash"))
        .isEqualTo("replay seed-4  step 60 / 600  3.0 / 30.0 s  (crash)");
    assertThat(TimelineBar.caption("r", 0, 10, 0.05, "cut")).contains("cut before its end");
  }
}
