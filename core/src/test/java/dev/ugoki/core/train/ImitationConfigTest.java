package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.algorithm.ConfigRecordContract;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImitationConfigTest extends ConfigRecordContract<ImitationConfig> {
  @Override
  protected Class<ImitationConfig> type() {
    return ImitationConfig.class;
  }

  @Override
  protected List<Param> params() {
    return ImitationConfig.PARAMS;
  }

  @Override
  protected ImitationConfig from(Config c) {
    return ImitationConfig.from(c);
  }

  @Override
  protected String owner() {
    return "bc";
  }

  @Test
  void theFirstFitClonesWithTheKeysAndTheLearnersOwnRate() {
    ImitationConfig c =
        ImitationConfig.from(
            Config.defaults("bc", ImitationConfig.PARAMS)
                .with(Map.of("epochs", 7, "minibatch", 64, "max_grad_norm", 0.25)));
    assertThat(c.cloning())
        .isEqualTo(
            new dev.ugoki.core.algorithm.BehaviorCloning.Config(7, 64, 1, 0.25, true, false));
  }
}
