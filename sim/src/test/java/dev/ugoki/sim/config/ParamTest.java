package dev.ugoki.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTest {
  private static final Param SPEED = Param.real("speed", 2.5, 0, 10, "how fast [m/s]");
  private static final Param RAYS = Param.integer("rays", 8, 1, 64, "how many rays");
  private static final Param NOISY = Param.bool("noisy", false, "add noise");

  @Test
  void checkReturnsAValueOfTheKeyIncludingItsBounds() {
    assertThat(SPEED.check(0)).isZero();
    assertThat(SPEED.check(10)).isEqualTo(10);
    assertThat(RAYS.check(64)).isEqualTo(64);
    assertThat(NOISY.check(1)).isEqualTo(1);
  }

  @Test
  void checkRefusesInOneLineThatNamesTheKeyTheRangeAndTheDoc() {
    assertThatThrownBy(() -> SPEED.check(Math.nextUp(10.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed = 10.000000000000002 is outside [0, 10] (how fast [m/s])");
    assertThatThrownBy(() -> RAYS.check(0))
        .hasMessage("rays = 0 is outside [1, 64] (how many rays)");
    assertThatThrownBy(() -> RAYS.check(2.5)).hasMessage("rays = 2.5 is not an integer");
    assertThatThrownBy(() -> NOISY.check(0.5)).hasMessage("noisy = 0.5 is not true or false");
    assertThatThrownBy(() -> SPEED.check(Double.NaN)).hasMessage("speed = NaN is not finite");
  }

  @Test
  void theParserRefusesInTheWordsOfCheckAfterItsOwner() {
    Config c = Config.defaults("toy", List.of(SPEED, RAYS, NOISY));
    for (Object[] bad : new Object[][] {{SPEED, -1}, {RAYS, 65}, {RAYS, 1.5}, {NOISY, 2}}) {
      Param p = (Param) bad[0];
      double v = ((Number) bad[1]).doubleValue();
      String own = catchMessage(() -> p.check(v));
      assertThatThrownBy(() -> c.with(Map.of(p.key(), bad[1]))).hasMessage("toy: " + own);
    }
  }

  @Test
  void aRecordReadsItsFieldsThroughTheirDeclarations() {
    Config c = Config.defaults("toy", List.of(SPEED, RAYS, NOISY)).with(Map.of("rays", 16));
    assertThat(c.real(SPEED)).isEqualTo(2.5);
    assertThat(c.integer(RAYS)).isEqualTo(16);
    assertThat(c.bool(NOISY)).isFalse();
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused");
  }
}
