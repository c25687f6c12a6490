package dev.ugoki.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.registry.Scenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final List<Param> PARAMS =
      List.of(
          Param.real("speed", 2.5, 0, 10, "how fast [m/s]"),
          Param.integer("rays", 8, 1, 64, "how many rays"),
          Param.bool("noisy", false, "add noise"));

  @Test
  void overridesAcceptNumbersBooleansAndStrings() {
    Config c =
        Config.defaults("toy", PARAMS).with(Map.of("speed", "3.5", "rays", 16L, "noisy", "true"));
    assertThat(c.real("speed")).isEqualTo(3.5);
    assertThat(c.integer("rays")).isEqualTo(16);
    assertThat(c.bool("noisy")).isTrue();
    assertThat(c.asMap())
        .containsEntry("rays", 16L)
        .containsEntry("noisy", true)
        .containsEntry("speed", 3.5);
    assertThat(Config.defaults("toy", PARAMS).real("speed")).isEqualTo(2.5);
  }

  @Test
  void wrongTypesAndRangesAreRefusedWithTheKeyTheValueAndTheRange() {
    Config c = Config.defaults("toy", PARAMS);
    assertThatThrownBy(() -> c.with(Map.of("rays", 2.5)))
        .hasMessage("toy: rays = 2.5 is not an integer");
    assertThatThrownBy(() -> c.with(Map.of("speed", -1)))
        .hasMessage("toy: speed = -1 is outside [0, 10] (how fast [m/s])");
    assertThatThrownBy(() -> c.with(Map.of("noisy", "maybe")))
        .hasMessage("toy: noisy = 'maybe' is not true or false");
    assertThatThrownBy(() -> c.with(Map.of("sped", 1)))
        .hasMessageStartingWith("toy has no config key 'sped'; did you mean speed?");
  }

  @Test
  void everyScenarioParamHasADocAndAUniqueKey() {
    for (String name : Scenarios.names()) {
      List<Param> params = Scenarios.params(name);
      assertThat(params).extracting(Param::key).doesNotHaveDuplicates();
      assertThat(params).allMatch(p -> !p.doc().isBlank(), "documented");
    }
  }

  @org.junit.jupiter.api.Test
  void keysNamedFindsTheKeyOfEveryBodyAConfigHolds() {
    Config multi = dev.ugoki.sim.registry.Scenarios.config("multitask", java.util.Map.of());
    org.assertj.core.api.Assertions.assertThat(multi.keysNamed("body.observe"))
        .containsExactlyInAnyOrder(
            "race/body.observe", "navigate/body.observe", "reach/body.observe");
    Config race = dev.ugoki.sim.registry.Scenarios.config("race", java.util.Map.of());
    org.assertj.core.api.Assertions.assertThat(race.keysNamed("body.observe"))
        .containsExactly("body.observe");
    org.assertj.core.api.Assertions.assertThat(race.keysNamed("observe")).isEmpty();
  }
}
