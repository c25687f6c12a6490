package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which shipped policy drives a scenario, as the window picks it when it is given no agent. */
class ZooTest {

  @Test
  void aScenarioWithAPolicyOfItsNameGetsIt() {
    assertThat(Zoo.forScenario("race")).isEqualTo(Zoo.file(Zoo.dir(), "race"));
    assertThat(Zoo.forScenario("navigate")).isEqualTo(Zoo.file(Zoo.dir(), "navigate"));
  }

  @Test
  void theArmAndMultitaskGetTheFoundation() {
    assertThat(Zoo.forScenario("reach")).isEqualTo(Zoo.file(Zoo.dir(), "foundation"));
    assertThat(Zoo.forScenario("multitask")).isEqualTo(Zoo.file(Zoo.dir(), "foundation"));
  }

  @Test
  void aScenarioNoShippedPolicyDrivesGetsNone() {
    assertThat(Zoo.forScenario("cartpole")).isNull();
  }
}
