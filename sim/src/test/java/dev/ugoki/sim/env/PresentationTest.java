package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario's words, as the evaluation table, the GIFs and the HUD say them. */
class PresentationTest {
  private static final Presentation LAPS =
      Presentation.builder().success("lap", "laps", "done").count("laps", false).speedKmh().build();
  private static final Presentation GOALS =
      Presentation.builder().success("goal", "goals", "reached").count("goals", true).build();

  private static Config config(String key, int n) {
    return Config.defaults("t", List.of(Param.integer(key, 1, 1, 100, "how many")))
        .with(Map.of(key, n));
  }

  @Test
  void oneLapIsAFractionTheSameAsSeveral() {
    assertThat(LAPS.progress(config("laps", 1), 0.456)).isEqualTo("lap 46%");
    assertThat(LAPS.progress(config("laps", 3), 1.5)).isEqualTo("laps 1.50/3");
    assertThat(LAPS.progress(config("laps", 1), -0.2)).isEqualTo("lap 0%");
    assertThat(LAPS.success(config("laps", 1), 36.54)).isEqualTo("lap done in 36.5 s");
    assertThat(LAPS.success(config("laps", 3), 101)).isEqualTo("all 3 laps done in 101.0 s");
    assertThat(LAPS.timeColumn(config("laps", 1))).isEqualTo("mean lap time");
    assertThat(LAPS.timeColumn(config("laps", 3))).isEqualTo("mean time, 3 laps");
  }

  @Test
  void wholeUnitsAreCountedAndTallied() {
    Config three = config("goals", 3);
    assertThat(GOALS.progress(three, 2)).isEqualTo("goals 2/3");
    assertThat(GOALS.tally(three, 144, 50)).isEqualTo("goals reached: 144 of 150 (96.0%)");
    assertThat(GOALS.count(three)).isEqualTo(3);
  }

  @Test
  void speedIsInTheUnitPeopleUseForTheBody() {
    assertThat(LAPS.speed(10)).isEqualTo(" 36.0 km/h");
    assertThat(GOALS.speed(0.5)).isEqualTo("0.50 m/s");
    assertThat(Presentation.builder().speedOf("tip").build().speed(1.25))
        .isEqualTo("1.25 m/s (tip)");
    assertThat(GOALS.speed(Double.NaN)).isEqualTo("-");
  }

  @Test
  void aCameraMustShowSomething() {
    assertThatThrownBy(() -> Presentation.builder().viewWidthM(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive number of metres");
  }
}
