package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.badlogic.gdx.controllers.Controller;
import com.badlogic.gdx.controllers.ControllerListener;
import com.badlogic.gdx.controllers.ControllerMapping;
import com.badlogic.gdx.controllers.ControllerPowerLevel;
import org.junit.jupiter.api.Test;

/** A pad's axes read as the keyboard's: analog steering, dead zone, the triggers' throttle. */
class GamepadTest {
  /** SDL's standard mapping: axes 0-3, buttons 0-16. */
  private static final ControllerMapping SDL =
      new ControllerMapping(0, 1, 2, 3, 0, 1, 2, 3, 4, 6, 9, 15, 10, 16, 11, 12, 13, 14, 7, 8) {};

  /** A pad at rest with these values, as a test sets them. */
  private static final class Pad implements Controller {
    final float[] axis = new float[4];
    final boolean[] button = new boolean[17];

    @Override
    public boolean getButton(int i) {
      return button[i];
    }

    @Override
    public float getAxis(int i) {
      return axis[i];
    }

    @Override
    public String getName() {
      return "test pad";
    }

    @Override
    public String getUniqueId() {
      return "1";
    }

    @Override
    public int getMinButtonIndex() {
      return 0;
    }

    @Override
    public int getMaxButtonIndex() {
      return 16;
    }

    @Override
    public int getAxisCount() {
      return 4;
    }

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public boolean canVibrate() {
      return false;
    }

    @Override
    public boolean isVibrating() {
      return false;
    }

    @Override
    public void startVibration(int ms, float strength) {}

    @Override
    public void cancelVibration() {}

    @Override
    public boolean supportsPlayerIndex() {
      return false;
    }

    @Override
    public int getPlayerIndex() {
      return PLAYER_IDX_UNSET;
    }

    @Override
    public void setPlayerIndex(int index) {}

    @Override
    public ControllerMapping getMapping() {
      return SDL;
    }

    @Override
    public ControllerPowerLevel getPowerLevel() {
      return ControllerPowerLevel.POWER_UNKNOWN;
    }

    @Override
    public void addListener(ControllerListener listener) {}

    @Override
    public void removeListener(ControllerListener listener) {}
  }

  @Test
  void aStickAtRestReadsZeroAndAFullOneReadsFull() {
    Pad p = new Pad();
    p.axis[0] = 0.1f;
    p.axis[1] = -0.14f;
    assertThat(Gamepad.axes(p)).containsExactly(0f, 0f);
    p.axis[0] = -1;
    p.axis[1] = -1;
    assertThat(Gamepad.axes(p)).containsExactly(1f, 1f); // left and forward
    p.axis[0] = 1.2f; // past the end: clamped
    assertThat(Gamepad.axes(p)[0]).isEqualTo(-1f);
  }

  @Test
  void steeringIsAnalogAndContinuousPastTheDeadZone() {
    assertThat(Gamepad.dead(Gamepad.DEAD_ZONE + 1e-4f)).isCloseTo(0, within(1e-3f));
    assertThat(Gamepad.dead(0.575f)).isCloseTo(0.5f, within(1e-6f));
    assertThat(Gamepad.dead(-0.575f)).isCloseTo(-0.5f, within(1e-6f));
    assertThat(Gamepad.dead(Float.NaN)).isZero();
  }

  @Test
  void theTriggersGiveFullThrottleAndBrake() {
    Pad p = new Pad();
    p.button[SDL.buttonR2] = true;
    assertThat(Gamepad.axes(p)[1]).isEqualTo(1f);
    p.button[SDL.buttonR2] = false;
    p.button[SDL.buttonL2] = true;
    assertThat(Gamepad.axes(p)[1]).isEqualTo(-1f);
  }
}
