package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineBarTest {
  /** Above messages whose panel starts 120 px above the bottom of an 800 px window. */
  private final TimelineBar bar = TimelineBar.above(8, 1000, 680, 19, 6);

  @Test
  void sitsOnItsPanelAboveTheBandsBottomWithItsCaptionAndKeys() {
    assertThat(bar.x()).isEqualTo(14);
    assertThat(bar.width()).isEqualTo(988);
    float[] p = bar.panel(19, 6);
    assertThat(p[0]).isEqualTo(8);
    assertThat(p[2]).isEqualTo(1000);
    assertThat(p[1] + p[3]).isEqualTo(680); // the keys line below the bar, on the panel
    assertThat(p[1]).isLessThan(bar.top() - 19);
    assertThat(bar.top() + bar.height()).isLessThan(680);
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
    assertThat(bar.hit(bar.x() + bar.width() + 3 * bar.height(), y)).isFalse();
  }

  @Test
  void theCaptionSaysWhereAndHowItEnded() {
    assertThat(TimelineBar.caption("replay seed-4", 60, 600, 0.05, "crash"))
        .isEqualTo("replay seed-4  step 60 / 600  3.0 / 30.0 s  (crash)");
    assertThat(TimelineBar.caption("r", 0, 10, 0.05, "cut")).contains("cut before its end");
  }
}
