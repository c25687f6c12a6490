package dev.ugoki.desktop.view;

import com.badlogic.gdx.controllers.Controller;
import com.badlogic.gdx.controllers.ControllerMapping;
import com.badlogic.gdx.controllers.Controllers;
import com.badlogic.gdx.utils.Array;
import java.util.function.Consumer;

/**
 * A gamepad (through gdx-controllers' SDL backend), read as the keyboard's two axes: the left
 * stick's x steers, analog; its y, or R2 (full throttle) and L2 (brake), drive forward and back. A
 * dead zone keeps a stick at rest from creeping. No pad, or a machine where pads cannot be read,
 * reads as zeros (the latter said once).
 */
public final class Gamepad {
  /** A stick's rest: smaller deflections read as 0, larger ones are rescaled to start from 0. */
  public static final float DEAD_ZONE = 0.15f;

  private final Consumer<String> message;
  private boolean unavailable;
  private String connected;

  /**
   * @param message hears, once each, that a pad was found, or that pads cannot be read here
   */
  public Gamepad(Consumer<String> message) {
    this.message = message;
  }

  /** The first connected pad's {turn, forward}, each in [-1, 1]; zeros without one. */
  public float[] axes() {
    Controller c = current();
    return c == null ? new float[2] : axes(c);
  }

  /** A pad's {turn (left positive), forward (accelerate positive)}. */
  public static float[] axes(Controller c) {
    ControllerMapping m = c.getMapping();
    float turn = 0f - dead(c.getAxis(m.axisLeftX)); // 0 - x: no negative zero
    float forward = 0f - dead(c.getAxis(m.axisLeftY)); // SDL's y runs down
    if (c.getButton(m.buttonR2)) {
      forward = 1;
    } else if (c.getButton(m.buttonL2)) {
      forward = -1;
    }
    return new float[] {turn, forward};
  }

  /** The dead zone taken off a raw axis value, clamped to [-1, 1]. */
  static float dead(float v) {
    float a = Math.abs(v);
    if (!(a > DEAD_ZONE)) {
      return 0; // also NaN
    }
    return Math.copySign(Math.min(1, (a - DEAD_ZONE) / (1 - DEAD_ZONE)), v);
  }

  private Controller current() {
    if (unavailable) {
      return null;
    }
    Array<Controller> all;
    try {
      all = Controllers.getControllers();
    } catch (RuntimeException | LinkageError e) {
      unavailable = true;
      message.accept("no gamepad support here (" + e.getMessage() + "): drive with the keys");
      return null;
    }
    for (Controller c : all) {
      if (c.isConnected()) {
        if (!c.getName().equals(connected)) {
          connected = c.getName();
          message.accept("gamepad " + connected + ": left stick steers and drives, R2 L2 throttle");
        }
        return c;
      }
    }
    return null;
  }
}
