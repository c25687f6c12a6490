package dev.ugoki.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The arm against closed-form answers: forward and inverse kinematics, the servos' ramps. */
class TwoLinkArmTest {
  private static final ArmParams P = new ArmParams(1.0, 0.8, 2.0, 10.0, Math.toRadians(150));
  private final TwoLinkArm arm = new TwoLinkArm(P);

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @Test
  void forwardKinematicsAtKnownPoses() {
    assertThat(arm.tip(ArmState.at(0, 0))).containsExactly(new double[] {1.8, 0}, within(1e-12));
    assertThat(arm.tip(ArmState.at(Math.PI / 2, 0)))
        .containsExactly(new double[] {0, 1.8}, within(1e-12));
    // elbow at a right angle: the forearm points along +y from the elbow at (1, 0)
    assertThat(arm.tip(ArmState.at(0, Math.PI / 2)))
        .containsExactly(new double[] {1.0, 0.8}, within(1e-12));
    assertThat(arm.elbow(ArmState.at(Math.PI, 1)))
        .containsExactly(new double[] {-1.0, 0}, within(1e-12));
  }

  /** |tip|^2 = l1^2 + l2^2 + 2 l1 l2 cos q2, whatever the shoulder (law of cosines). */
  @ParameterizedTest
  @MethodSource("seeds")
  void theTipsDistanceFollowsTheLawOfCosines(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ArmState s = ArmState.at(r.nextDouble(-10, 10), r.nextDouble(-2.5, 2.5));
    double[] tip = arm.tip(s);
    assertThat(Math.hypot(tip[0], tip[1]))
        .isCloseTo(Math.sqrt(1 + 0.64 + 2 * 0.8 * Math.cos(s.elbowRad())), within(1e-12));
  }

  /** Inverse then forward kinematics gives the point back, for both elbows, in the ring. */
  @ParameterizedTest
  @MethodSource("seeds")
  void inverseKinematicsRoundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int k = 0; k < 50; k++) {
      double rad = r.nextDouble(P.minReachM() + 1e-6, P.maxReachM() - 1e-6);
      double a = r.nextDouble(-Math.PI, Math.PI);
      double x = rad * Math.cos(a);
      double y = rad * Math.sin(a);
      for (boolean positive : new boolean[] {true, false}) {
        double[] q = arm.inverse(x, y, positive);
        assertThat(q).as("(%f, %f)", x, y).isNotNull();
        assertThat(q[1] >= 0).isEqualTo(positive);
        assertThat(arm.tip(ArmState.at(q[0], q[1])))
            .containsExactly(new double[] {x, y}, within(1e-9));
      }
    }
    assertThat(arm.inverse(1.9, 0, true)).as("beyond reach").isNull();
    assertThat(arm.inverse(0.1, 0, true)).as("inside the elbow's limit").isNull();
  }

  /** From rest at full command: w = a t until the top speed, q = a t^2 / 2, then w t more. */
  @Test
  void aJointRampsToItsTopSpeedAtTheAccelerationLimit() {
    ArmState s = ArmState.at(0, 0);
    double dt = 0.01;
    for (int k = 1; k <= 20; k++) { // 0.2 s, exactly the ramp (2 rad/s / 10 rad/s^2)
      s = arm.step(s, 1, -1, dt);
      double t = k * dt;
      assertThat(s.shoulderRadps()).isCloseTo(10 * t, within(1e-9));
      assertThat(s.shoulderRad()).isCloseTo(5 * t * t, within(1e-9));
      assertThat(s.elbowRad()).isCloseTo(-5 * t * t, within(1e-9));
    }
    s = arm.step(s, 1, -1, 0.1);
    assertThat(s.shoulderRadps()).isCloseTo(2, within(1e-12));
    assertThat(s.shoulderRad()).isCloseTo(0.2 + 0.2, within(1e-9));
    // a ramp that ends inside a step: 0.1 s to stop from 1 rad/s, then at rest
    ArmState moving = new ArmState(0, 0, 1, 0);
    ArmState stopped = arm.step(moving, 0, 0, 0.2);
    assertThat(stopped.shoulderRadps()).isZero();
    assertThat(stopped.shoulderRad()).isCloseTo(0.05, within(1e-12));
  }

  /** The Jacobian's tip speed matches the finite difference of the tip over a tiny step. */
  @ParameterizedTest
  @MethodSource("seeds")
  void theTipSpeedIsTheDerivativeOfTheTip(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ArmState s =
        new ArmState(
            r.nextDouble(-3, 3), r.nextDouble(-2, 2), r.nextDouble(-2, 2), r.nextDouble(-2, 2));
    double h = 1e-7;
    ArmState later =
        new ArmState(
            s.shoulderRad() + h * s.shoulderRadps(),
            s.elbowRad() + h * s.elbowRadps(),
            s.shoulderRadps(),
            s.elbowRadps());
    double[] a = arm.tip(s);
    double[] b = arm.tip(later);
    assertThat(arm.tipSpeedMps(s))
        .isCloseTo(Math.hypot(b[0] - a[0], b[1] - a[1]) / h, within(1e-5));
  }

  @Test
  void theElbowStopsAtItsLimit() {
    ArmState s = ArmState.at(0, Math.toRadians(149));
    for (int k = 0; k < 50; k++) {
      s = arm.step(s, 0, 1, 0.05);
      assertThat(s.elbowRad()).isLessThanOrEqualTo(Math.toRadians(150));
    }
    assertThat(s.elbowRad()).isCloseTo(Math.toRadians(150), within(1e-12));
    assertThat(s.elbowRadps()).isZero();
  }

  @Test
  void impossibleArmsAreRefused() {
    assertThatThrownBy(() -> new ArmParams(0, 1, 1, 1, 1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new ArmParams(1, 1, 1, 1, 4)).hasMessageContaining("elbow limit");
  }
}
