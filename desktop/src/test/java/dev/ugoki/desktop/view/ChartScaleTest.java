package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChartScaleTest {
  /** The case a person saw: 1.2 of drift filled the whole height. */
  @Test
  void aSmallDriftOfALargeReturnFillsLittleOfTheHeight() {
    ChartScale.Axis a = ChartScale.returns(-17.0, -15.8);
    assertThat(a.lo()).isLessThanOrEqualTo(-17.0);
    assertThat(a.hi()).isGreaterThanOrEqualTo(-15.8);
    assertThat(a.fraction(-15.8) - a.fraction(-17.0)).isLessThan(0.2);
    assertThat(a.hi() - a.lo()).isGreaterThanOrEqualTo(ChartScale.MIN_SPAN_SHARE * 17.0);
  }

  @Test
  void aLearningRunGetsRoundEndsAndRoundTicks() {
    ChartScale.Axis a = ChartScale.returns(-17.1, 57.9);
    assertThat(a.lo()).isEqualTo(-20);
    assertThat(a.hi()).isEqualTo(60);
    assertThat(a.step()).isEqualTo(20);
    assertThat(a.ticks()).containsExactly(-20.0, 0.0, 20.0, 40.0, 60.0);
    assertThat(a.ticks().stream().map(v -> ChartScale.returnLabel(v, a.step())).toList())
        .containsExactly("-20", "0", "20", "40", "60");
  }

  @Test
  void oneValueOrNoneStillGivesAnAxis() {
    ChartScale.Axis one = ChartScale.returns(52.3, 52.3);
    assertThat(one.lo()).isLessThan(52.3);
    assertThat(one.hi()).isGreaterThan(52.3);
    assertThat(one.fraction(52.3)).isBetween(0.3, 0.7);
    ChartScale.Axis none = ChartScale.returns(Double.NaN, Double.NaN);
    assertThat(none.lo()).isEqualTo(-1);
    assertThat(none.hi()).isEqualTo(1);
    ChartScale.Axis zero = ChartScale.returns(0, 0);
    assertThat(zero.hi() - zero.lo()).isGreaterThanOrEqualTo(ChartScale.MIN_SPAN);
  }

  /** Over many ranges: the data inside, ends on ticks, a 1-2-5 step and a readable tick count. */
  @Test
  void everyAxisHoldsItsDataOnNiceTicks() {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double scale = Math.pow(10, r.nextInt(7) - 2);
      double a = (r.nextDouble() * 2 - 1) * scale;
      double b = a + r.nextDouble() * scale * r.nextInt(3);
      ChartScale.Axis x = ChartScale.returns(a, b);
      assertThat(x.lo()).as("%s..%s", a, b).isLessThanOrEqualTo(a);
      assertThat(x.hi()).as("%s..%s", a, b).isGreaterThanOrEqualTo(b);
      assertThat(x.ticks().size()).as("%s..%s", a, b).isBetween(3, 9);
      double mantissa = x.step() / Math.pow(10, Math.floor(Math.log10(x.step())));
      assertThat(List.of(1.0, 2.0, 5.0))
          .anySatisfy(m -> assertThat(mantissa).isCloseTo(m, within(1e-9)));
      List<Double> t = x.ticks();
      assertThat(t.get(t.size() - 1)).isCloseTo(x.hi(), within(1e-9 * scale));
    }
  }

  @Test
  void stepsRunFromZeroToARoundNumberPastTheLatest() {
    ChartScale.Axis a = ChartScale.steps(294_912);
    assertThat(a.lo()).isZero();
    assertThat(a.hi()).isEqualTo(300_000);
    assertThat(a.ticks().stream().map(ChartScale::stepLabel).toList())
        .containsExactly("0", "100k", "200k", "300k");
    assertThat(ChartScale.steps(7_168).ticks().stream().map(ChartScale::stepLabel).toList())
        .containsExactly("0", "2k", "4k", "6k", "8k");
    assertThat(ChartScale.steps(0).hi()).isPositive();
  }

  @Test
  void labelsAreShortAndRound() {
    assertThat(ChartScale.stepLabel(0)).isEqualTo("0");
    assertThat(ChartScale.stepLabel(500)).isEqualTo("500");
    assertThat(ChartScale.stepLabel(2_500)).isEqualTo("2.5k");
    assertThat(ChartScale.stepLabel(1_500_000)).isEqualTo("1.5M");
    assertThat(ChartScale.stepLabel(10_000_000)).isEqualTo("10M");
    assertThat(ChartScale.returnLabel(0.4, 0.2)).isEqualTo("0.4");
    assertThat(ChartScale.returnLabel(-1e-12, 0.2)).isEqualTo("0.0");
    assertThat(ChartScale.returnLabel(-0.0, 5)).isEqualTo("0");
    assertThat(ChartScale.returnLabel(0.05, 0.05)).isEqualTo("0.05");
    assertThat(ChartScale.percentLabel(0.5)).isEqualTo("50%");
    assertThat(ChartScale.success().ticks()).containsExactly(0.0, 0.5, 1.0);
  }

  @Test
  void aValueOffTheAxisIsHeldAtItsEnd() {
    ChartScale.Axis a = new ChartScale.Axis(0, 10, 5);
    assertThat(a.fraction(5)).isEqualTo(0.5);
    assertThat(a.fraction(-3)).isZero();
    assertThat(a.fraction(12)).isEqualTo(1);
  }
}
