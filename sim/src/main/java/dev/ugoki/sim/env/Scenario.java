package dev.ugoki.sim.env;

import dev.ugoki.sim.config.Config;

/** A task in a world, the innermost {@link Env}, registered by name in the scenario registry. */
public interface Scenario extends Env {

  /** The registry name, e.g. {@code race}. */
  String name();

  /** Bumped whenever a change alters observations, rewards or dynamics for the same seed. */
  int version();

  /** The resolved configuration this scenario was made with. */
  Config config();

  /** Simulation time of one step [s]. */
  double dt();

  /**
   * A controller that solves this scenario from privileged state: the baseline and the teacher. The
   * registry gives each scenario its expert's factory; a scenario made without one refuses.
   */
  Expert expert();

  /**
   * The scenario whose body acts now: this one, or in a scenario of several tasks the episode's
   * task (this one before the first reset). Its name and config say what the episode is in words
   * ({@code Presentation}).
   */
  default Scenario active() {
    return this;
  }

  /**
   * What the body reads now (its speed, heading, position and further readings), for a person and
   * the generic tools that show it; nothing by default.
   */
  default Telemetry telemetry() {
    return Telemetry.none(name());
  }

  /**
   * The action that moves the body toward the world point (x, y) now, as a person's pointer asks
   * (Push-T's demonstrations were made with the mouse so); null when a pointer cannot drive this
   * body (a car, a robot: the keys do). Before the first reset, an action that holds still.
   */
  default float[] toward(double x, double y) {
    return null;
  }

  @Override
  default Scenario unwrapped() {
    return this;
  }
}
