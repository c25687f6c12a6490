package dev.ugoki.core.train;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;

/** The config keys of behavior cloning ({@code bc}) and DAgger ({@code dagger}) runs. */
public final class ImitationConfig {
  public static final List<Param> PARAMS =
      List.of(
          Param.integer(
              "num_envs", 16, 1, 4096, "environments the expert or learner drives at once"),
          Param.integer("env_threads", 2, 1, 256, "threads that step the environments"),
          Param.real("learning_rate", 1e-3, 1e-7, 0.1, "Adam's learning rate"),
          Param.integer("epochs", 30, 1, 10_000, "passes over the demonstrations in the first fit"),
          Param.integer("minibatch", 512, 1, 1 << 20, "samples per gradient step"),
          Param.real("max_grad_norm", 1, 0, 100, "global gradient norm clip (0: off)"),
          Param.real(
              "expert_noise",
              0.1,
              0,
              2,
              "Gaussian noise on the expert's executed action, "
                  + "as a fraction of each channel's half-range (DART); the recorded label stays clean"),
          Param.integer("iterations", 3, 1, 100, "dagger: iterations after the expert's round"),
          Param.real(
              "beta0",
              0.5,
              0,
              1,
              "dagger: the expert drives a step of iteration i with " + "probability beta0^i"),
          Param.integer(
              "refit_epochs", 5, 0, 10_000, "dagger: epochs over the aggregate per iteration"),
          Param.integer("hidden", 64, 1, 4096, "units per hidden layer"),
          Param.integer("layers", 2, 1, 16, "hidden layers per network"));

  private ImitationConfig() {}

  static BehaviorCloning.Config cloning(Config c) {
    return new BehaviorCloning.Config(
        c.integer("epochs"), c.integer("minibatch"), 1, c.real("max_grad_norm"), true);
  }
}
