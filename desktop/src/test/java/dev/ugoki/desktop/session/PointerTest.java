package dev.ugoki.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person drives an arm with the pointer (issue 27: the tip follows the mouse, as Push-T's
 * demonstrations were made): the keyboard agent of push sits in (the keys alone cannot drive an
 * arm), its tip goes to where the person points and pushes the block on its way, and stands still
 * when nobody points. A car is still driven by the keys.
 */
class PointerTest {
  @Test
  void theTipFollowsThePointerAndPushesTheBlock() {
    Session s = new Session("push", Map.of(), 4, List.of(new Driver.Keyboard()));
    assertThat(s.agents()).hasSize(1);
    assertThat(s.pointerDrives()).isTrue();
    Agent a = s.agents().get(0);
    double[] start = tip(a);
    for (int i = 0; i < 20; i++) {
      s.singleStep();
    }
    assertThat(tip(a)).as("nobody points: the arm holds still").containsExactly(start);

    // point at the table's centre, then through the block's centre of mass
    double[] block = block(a);
    s.keyboard().point(0, 1.15);
    for (int i = 0; i < 60; i++) {
      s.singleStep();
    }
    assertThat(Math.hypot(tip(a)[0] - 0, tip(a)[1] - 1.15)).isLessThan(0.01);
    s.keyboard().point(block[0], block[1]);
    for (int i = 0; i < 40; i++) {
      s.singleStep();
    }
    assertThat(block(a)).as("the tip pushed the block").isNotEqualTo(block);
  }

  @Test
  void aCarIsStillDrivenByTheKeys() {
    Session s = new Session("race", Map.of(), 1, List.of(new Driver.Keyboard()));
    assertThat(s.pointerDrives()).isFalse();
    s.keyboard().point(10, 10); // ignored: a car does not follow a pointer
    s.keyboard().set(0, 1);
    for (int i = 0; i < 20; i++) {
      s.singleStep();
    }
    assertThat(s.agents().get(0).env().unwrapped().telemetry().speedMps()).isPositive();
  }

  private static double[] tip(Agent a) {
    var t = a.env().unwrapped().telemetry();
    return new double[] {t.xM(), t.yM()};
  }

  private static double[] block(Agent a) {
    // the scene's brown T: its first box's first corner stands for its pose
    for (var shape : a.env().scene().foreground()) {
      if (shape instanceof dev.ugoki.sim.scene.Shape.Polygon p
          && p.layer() == dev.ugoki.sim.scene.Layer.OBSTACLE) {
        return new double[] {p.xy()[0], p.xy()[1]};
      }
    }
    throw new AssertionError("no block drawn");
  }
}
