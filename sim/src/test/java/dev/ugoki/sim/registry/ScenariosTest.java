package dev.ugoki.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's names: the built-in ones first, a name taken once, a malformed one refused. */
class ScenariosTest {

  /** A provider of {@code name} that is never asked for a scenario. */
  private static ScenarioProvider named(String name) {
    return new ScenarioProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Param> params() {
        return List.of();
      }

      @Override
      public Scenario make(Config config) {
        throw new AssertionError("a refused provider is never asked for a scenario");
      }

      @Override
      public Presentation presentation() {
        return Presentation.builder().build();
      }
    };
  }

  @Test
  void theBuiltInScenariosComeFirstAndSayTheyAreBuiltIn() {
    assertThat(Scenarios.names()).startsWith("race", "navigate", "reach", "multitask");
    assertThat(Scenarios.origin("race")).isEqualTo("built in");
    assertThat(Scenarios.DEFAULT).isEqualTo(Scenarios.names().get(0));
  }

  @Test
  void aNameTakenIsRefusedNamingBothProviders() {
    assertThatThrownBy(() -> Scenarios.register(named("navigate")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario 'navigate'")
        .hasMessageContaining("collides with the one of")
        .hasMessageContaining("NavigateProvider (built in)");
    assertThat(Scenarios.names()).containsOnlyOnce("navigate");
  }

  @Test
  void aMalformedNameIsRefused() {
    for (String bad : new String[] {"Race", "1car", "", "a b", "x".repeat(33), "café"}) {
      assertThatThrownBy(() -> Scenarios.register(named(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1 to 32 lower-case letters");
    }
    assertThatThrownBy(() -> Scenarios.register(named(null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Scenarios.provider("drone"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scenario 'drone'")
        .hasMessageContaining("race, navigate, reach, multitask");
  }

  @Test
  void aProviderThatMakesAnotherScenarioIsCaught() {
    ScenarioProvider liar =
        new ScenarioProvider() {
          @Override
          public String name() {
            return "liar";
          }

          @Override
          public List<Param> params() {
            return Scenarios.params("reach");
          }

          @Override
          public Scenario make(Config config) {
            return Scenarios.provider("reach").make(Scenarios.config("reach", java.util.Map.of()));
          }

          @Override
          public Presentation presentation() {
            return Presentation.builder().build();
          }
        };
    // not registered: the registry is one per JVM, and other tests list its names
    Config config = Config.defaults("liar", liar.params());
    assertThatThrownBy(() -> Scenarios.made(liar, config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the provider of 'liar' (")
        .hasMessageEndingWith(") made a 'reach' scenario");
  }
}
