package dev.ugoki.desktop.session;

import dev.ugoki.sim.env.Spec;
import java.util.List;

/**
 * What a person holds down, as two axes in [-1, 1]: {@code turn} (positive to the left) and {@code
 * forward} (positive accelerates, negative brakes or reverses). The window writes it every frame;
 * the session turns it into the scenario's action at each step, so it needs no window.
 *
 * <p>Steering is gradual, as in a driving game: the turn applied follows the keys at {@link
 * #TURN_PER_S} (full lock in {@value #FULL_LOCK_S} s) and goes back toward the centre twice as
 * fast, so that half a second of a key is a curve, not the wall. An analog stick's axis goes
 * through the same limit.
 */
public final class KeyboardInput {
  /** Share of the wheel speed a differential-drive robot gives to turning. */
  private static final float TURN_SHARE = 0.5f;

  /** Seconds from straight to full lock with a key held. */
  public static final float FULL_LOCK_S = 0.35f;

  /** How fast the applied turn follows the keys [full range per s]. */
  public static final float TURN_PER_S = 1 / FULL_LOCK_S;

  private float turn;
  private float forward;
  private float applied;

  /** Where a person points in the world, x and y [m]; null when nowhere. */
  private double[] pointer;

  public void set(float turn, float forward) {
    this.turn = clamp(turn);
    this.forward = clamp(forward);
  }

  public float turn() {
    return turn;
  }

  public float forward() {
    return forward;
  }

  /** The turn the body gets: the keys' turn, rate-limited. */
  public float appliedTurn() {
    return applied;
  }

  /** One simulation step of {@code stepS} seconds: the applied turn moves toward the keys'. */
  public void advance(double stepS) {
    boolean easing = Math.abs(turn) < Math.abs(applied) || turn * applied < 0;
    float max = (float) (TURN_PER_S * stepS * (easing ? 2 : 1));
    applied += Math.max(-max, Math.min(max, turn - applied));
  }

  /** A person points at (x, y) of the world: a body that follows a pointer goes there. */
  public void point(double x, double y) {
    pointer = new double[] {x, y};
  }

  /** Nobody points (the pointer left the world). */
  public void release() {
    pointer = null;
  }

  /** Where a person points, x and y [m]; null when nowhere. */
  public double[] pointer() {
    return pointer == null ? null : pointer.clone();
  }

  /**
   * The action of a person for {@code env}: toward the pointer, for a body that follows one ({@link
   * dev.ugoki.sim.env.Scenario#toward}); else the keys' ({@link #action(Spec)}).
   */
  public float[] action(dev.ugoki.sim.env.Env env) {
    if (pointer != null) {
      float[] a = env.unwrapped().toward(pointer[0], pointer[1]);
      if (a != null) {
        return a;
      }
    }
    return action(env.actionSpec());
  }

  /** True when a person can drive {@code env}: with the keys, or with a pointer. */
  public static boolean canDrive(dev.ugoki.sim.env.Env env) {
    return canDrive(env.actionSpec()) || followsPointer(env);
  }

  /** True when {@code env}'s body follows a person's pointer (an arm's tip). */
  public static boolean followsPointer(dev.ugoki.sim.env.Env env) {
    return env.unwrapped().toward(0, 0) != null;
  }

  /** Straight again (a restart). */
  public void centre() {
    applied = 0;
  }

  /**
   * The action for a scenario's action channels: {@code steer, throttle} as they are (a car),
   * {@code left, right} wheel speeds mixed from the two axes (a robot); zeros for any other layout.
   */
  public float[] action(Spec actionSpec) {
    List<String> names = actionSpec.names();
    float[] a = new float[actionSpec.size()];
    if (names.equals(List.of("steer", "throttle"))) {
      a[0] = applied;
      a[1] = forward;
    } else if (names.equals(List.of("left", "right"))) {
      a[0] = clamp(forward - TURN_SHARE * applied);
      a[1] = clamp(forward + TURN_SHARE * applied);
    }
    return a;
  }

  /** True when this input can drive a scenario with these action channels. */
  public static boolean canDrive(Spec actionSpec) {
    List<String> names = actionSpec.names();
    return names.equals(List.of("steer", "throttle")) || names.equals(List.of("left", "right"));
  }

  private static float clamp(float v) {
    return Math.max(-1, Math.min(1, v));
  }
}
