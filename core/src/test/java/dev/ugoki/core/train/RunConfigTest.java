package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigTest {
  @Test
  void navigatePpoStartsFromItsOwnDefaultsAndTheFileAndSetStillWin() {
    RunConfig nav =
        RunConfig.resolve(RunRequest.of(null, "navigate", "ppo", null, null, null, List.of()));
    assertThat(nav.algoConfig().real("gamma")).isEqualTo(0.995);
    assertThat(nav.algoConfig().integer("num_envs")).isEqualTo(32);
    assertThat(nav.steps()).isEqualTo(3_000_000);
    RunConfig race =
        RunConfig.resolve(RunRequest.of(null, "race", "ppo", null, null, null, List.of()));
    assertThat(race.algoConfig().real("gamma")).isEqualTo(0.99);

    RunConfig set =
        RunConfig.resolve(
            RunRequest.of(null, "navigate", "ppo", null, null, null, List.of("ppo.gamma=0.9")));
    assertThat(set.algoConfig().real("gamma")).isEqualTo(0.9);
  }
}
