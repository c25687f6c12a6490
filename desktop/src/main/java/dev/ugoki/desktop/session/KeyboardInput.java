package dev.ugoki.desktop.session;

import dev.ugoki.sim.env.Spec;
import java.util.List;

/**
 * What a person holds down, as two axes in [-1, 1]: {@code turn} (positive to the left) and {@code
 * forward} (positive accelerates, negative brakes or reverses). The window writes it every frame;
 * the session turns it into the scenario's action at each step, so it needs no window.
 */
public final class KeyboardInput {
  /** Share of the wheel speed a differential-drive robot gives to turning. */
  private static final float TURN_SHARE = 0.5f;

  private float turn;
  private float forward;

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

  /**
   * The action for a scenario's action channels: {@code steer, throttle} as they are (a car),
   * {@code left, right} wheel speeds mixed from the two axes (a robot); zeros for any other layout.
   */
  public float[] action(Spec actionSpec) {
    List<String> names = actionSpec.names();
    float[] a = new float[actionSpec.size()];
    if (names.equals(List.of("steer", "throttle"))) {
      a[0] = turn;
      a[1] = forward;
    } else if (names.equals(List.of("left", "right"))) {
      a[0] = clamp(forward - TURN_SHARE * turn);
      a[1] = clamp(forward + TURN_SHARE * turn);
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
