package dev.ugoki.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingTest {
  @Test
  void aSettingSplitsAtItsFirstEqualsSign() {
    assertThat(Setting.parse("--set", " lidar.rays = 64 "))
        .isEqualTo(new Setting("lidar.rays", "64"));
    assertThat(Setting.parse("--set", "a=b=c")).isEqualTo(new Setting("a", "b=c"));
    assertThat(Setting.parse("--set", "a=")).isEqualTo(new Setting("a", ""));
  }

  @Test
  void textWithoutAKeyIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> Setting.parse("--train-set", "novalue"))
        .hasMessage("--train-set expects KEY=VALUE, got 'novalue'");
    assertThatThrownBy(() -> Setting.parse("--set", "=3"))
        .hasMessage("--set expects KEY=VALUE, got '=3'");
  }
}
