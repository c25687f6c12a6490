package dev.ugoki.sim.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tip goes where it is sent: from seeded joints to a seeded point the arm reaches, through its
 * servos, within a millimetre in five seconds (at most 1 m/s, over up to 3.6 m), never faster than
 * asked, its commands in [-1, 1].
 */
class TipServoTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void theTipReachesASeededPoint(long seed) {
    ArmParams p = new ArmParams(1.0, 0.8, 2.0, 10, Math.toRadians(150));
    TwoLinkArm arm = new TwoLinkArm(p);
    SplittableRandom r = new SplittableRandom(seed);
    // a start and a point on the same side (elbow up or down), well inside the ring
    boolean up = r.nextBoolean();
    ArmState s = ArmState.at(r.nextDouble(0.5, 2.5), (up ? 1 : -1) * r.nextDouble(0.6, 2.0));
    double[] goal =
        arm.tip(ArmState.at(r.nextDouble(0.5, 2.5), (up ? 1 : -1) * r.nextDouble(0.6, 2.0)));
    double dt = 0.05;
    double[] before = arm.tip(s);
    for (int i = 0; i < 100; i++) {
      float[] a = TipServo.toward(arm, s, goal[0], goal[1], 0, 0, 1.0);
      assertThat(Math.abs(a[0])).isLessThanOrEqualTo(1f);
      assertThat(Math.abs(a[1])).isLessThanOrEqualTo(1f);
      s = arm.step(s, a[0], a[1], dt);
      double[] tip = arm.tip(s);
      // the servos' lag lets the tip pass the cap a little, never by much
      assertThat(Math.hypot(tip[0] - before[0], tip[1] - before[1]) / dt).isLessThan(1.3);
      before = tip;
    }
    double[] tip = arm.tip(s);
    assertThat(Math.hypot(tip[0] - goal[0], tip[1] - goal[1])).isLessThan(1e-3);
  }
}
