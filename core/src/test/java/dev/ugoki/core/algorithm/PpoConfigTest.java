package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PpoConfigTest extends ConfigRecordContract<PpoConfig> {
  @Override
  protected Class<PpoConfig> type() {
    return PpoConfig.class;
  }

  @Override
  protected List<Param> params() {
    return PpoConfig.PARAMS;
  }

  @Override
  protected PpoConfig from(Config c) {
    return PpoConfig.from(c);
  }

  @Override
  protected String owner() {
    return "ppo";
  }

  @Test
  void moreMinibatchesThanARolloutHasSamplesAreRefused() {
    Config c =
        Config.defaults("ppo", PpoConfig.PARAMS)
            .with(Map.of("num_envs", 2, "num_steps", 3, "num_minibatches", 7));
    assertThatThrownBy(() -> PpoConfig.from(c))
        .hasMessage(
            "num_minibatches = 7 is more than num_envs * num_steps = 6 samples of a rollout");
    assertThat(PpoConfig.from(c.with(Map.of("num_minibatches", 6))).minibatchSize()).isEqualTo(1);
  }

  @Test
  void theRangesOnceTwoAreWhatTheAlgorithmTakes() {
    // the record took (0, 1) and the parser [1e-7, 0.1]; gamma (0, 1] against [0.5, 1]
    Config c = Config.defaults("ppo", PpoConfig.PARAMS);
    assertThat(PpoConfig.from(c.with(Map.of("learning_rate", 1, "gamma", 0))).gamma()).isZero();
    assertThatThrownBy(() -> c.with(Map.of("learning_rate", 1e-8)))
        .hasMessageContaining("learning_rate = 1.0E-8 is outside [1.0E-7, 1]");
  }
}
