package dev.ugoki.core.train;

import dev.ugoki.sim.scenario.Param;
import java.util.List;

/** The config keys of behavior cloning and DAgger runs. */
public final class ImitationConfig {
  public static final List<Param> PARAMS = List.of(
      Param.integer("num_envs", 16, 1, 4096, "environments the expert or learner drives at once"),
      Param.real("learning_rate", 1e-3, 1e-7, 0.1, "Adam's learning rate"),
      Param.integer("epochs", 20, 1, 10_000, "passes over the demonstrations per fit"),
      Param.integer("minibatch", 256, 1, 1 << 20, "samples per gradient step"),
      Param.real("expert_noise", 0.2, 0, 2,
          "std of the Gaussian noise added to the expert's executed action (DART); the label "
              + "stays clean"),
      Param.integer("iterations", 4, 1, 100, "DAgger iterations after the expert's round"),
      Param.real("beta0", 0.5, 0, 1, "DAgger: chance the expert acts at iteration i is beta0^i"),
      Param.integer("hidden", 64, 1, 4096, "units per hidden layer"),
      Param.integer("layers", 2, 1, 16, "hidden layers per network"),
      Param.integer("env_threads", 2, 1, 256, "threads that step the environments"));

  private ImitationConfig() {}
}
