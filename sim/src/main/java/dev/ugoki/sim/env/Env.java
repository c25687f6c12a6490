package dev.ugoki.sim.env;

import dev.ugoki.sim.scene.Scene;

/**
 * The Gymnasium-style contract every scenario and wrapper keeps.
 *
 * <p>{@link #reset(long)} seeds a random stream that the environment owns and returns the first
 * observation; {@link #step(float[])} advances one policy step. The same seed and the same actions
 * give bit-identical observations, rewards and flags. Actions are checked against {@link
 * #actionSpec()} and rejected, not clamped, when they are malformed. An environment is not
 * thread-safe: one thread steps it at a time.
 */
public interface Env {

  Spec observationSpec();

  Spec actionSpec();

  /** Starts a new episode whose every random draw follows from {@code seed}. */
  float[] reset(long seed);

  /** Advances one step; throws {@link IllegalStateException} before reset or after the end. */
  StepResult step(float[] action);

  /** A renderer-neutral picture of the current state, in world units. */
  Scene scene();

  /** The scenario inside any wrappers. */
  Scenario unwrapped();

  /**
   * The scenario's expert, its actions in this environment's action layout (a wrapper that changes
   * the layout, as {@link SharedSpace} does, translates them).
   */
  default Expert expert() {
    return unwrapped().expert();
  }
}
