package dev.ugoki.examples.cartpole;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.ScenarioProvider;
import dev.ugoki.sim.scene.Colors;
import java.util.List;
import java.util.Map;

/**
 * {@code cartpole} as a unit, found by {@link java.util.ServiceLoader} through this module's {@code
 * META-INF/services/dev.ugoki.sim.env.ScenarioProvider}: its keys, its scenario with its expert,
 * and what it says of itself to the evaluation table, the GIFs and the window.
 */
public final class CartPoleProvider implements ScenarioProvider {
  private static final Presentation PRESENTATION =
      Presentation.builder()
          .success("balance", "balances", "held")
          .world("start")
          .viewWidthM(7)
          .legend(Colors.LINE_WHITE, "white rail", "the cart's rail: leaving it is a fall")
          .legend(Colors.tint(0), "cart and pole", "each agent's, in its colour; they pass through")
          // a window watches it balance on, not stop after ten seconds
          .watch("balance_s", 600.0)
          .watch("max_steps", 1_000_000)
          .build();

  /**
   * PPO with short rollouts and a few more updates: the episodes are simple and short, and it
   * reaches its target in a few seconds; validations every 10k steps.
   */
  private static final TrainingDefaults PPO =
      new TrainingDefaults(
          200_000, Map.of("num_envs", 8, "num_steps", 128, "validate_every", 10_000));

  @Override
  public String name() {
    return CartPoleScenario.NAME;
  }

  @Override
  public List<Param> params() {
    return CartPoleConfig.PARAMS;
  }

  @Override
  public Scenario make(Config config) {
    return new CartPoleScenario(config, CartPoleExpert::new);
  }

  @Override
  public Presentation presentation() {
    return PRESENTATION;
  }

  @Override
  public TrainingDefaults trainingDefaults(String algorithm) {
    return algorithm.equals("ppo") ? PPO : TrainingDefaults.NONE;
  }
}
