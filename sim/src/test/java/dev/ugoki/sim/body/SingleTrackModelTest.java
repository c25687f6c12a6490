package dev.ugoki.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dynamic single track against the closed forms of a linear-tire car and its friction limit.
 */
class SingleTrackModelTest {
  private static final double DT = 0.05;
  private static final CarParams CAR = CarParams.standard();
  private static final SingleTrackModel MODEL = new SingleTrackModel(CAR);
  private static final double MU_G = CAR.frictionMu() * CarParams.GRAVITY_MPS2;

  /** Steps with a fixed wheel command, the throttle holding {@code speed} by a proportional law. */
  private static CarState hold(CarState s, double steerCmd, double speed, double seconds) {
    for (int k = 0; k < Math.round(seconds / DT); k++) {
      double throttle = Math.max(-1, Math.min(1, 2 * (speed - s.speedMps())));
      s = MODEL.step(s, steerCmd, throttle, DT);
    }
    return s;
  }

  /** The centre of mass's velocity in the world [m/s]. */
  private static double[] velocity(CarState s) {
    double vy = s.lateralMps() + MODEL.rearToCogM() * s.yawRateRadps();
    double c = Math.cos(s.heading());
    double n = Math.sin(s.heading());
    return new double[] {c * s.speedMps() - n * vy, n * s.speedMps() + c * vy};
  }

  @ParameterizedTest(name = "{0} m/s")
  @ValueSource(doubles = {8, 14, 20})
  void aSteadyTurnHasTheYawRateOfTheLinearSingleTrack(double speed) {
    double delta = 0.03;
    CarState s = hold(CarState.at(0, 0, 0, speed), delta / CAR.maxSteerRad(), speed, 20);

    double k = MODEL.understeerGradient();
    // Rajamani (3.3): delta = L / R + K a_y, with a_y = v r and R = v / r
    double v = s.speedMps();
    double expected = v * delta / (CAR.wheelbaseM() + k * v * v);
    assertThat(v).isCloseTo(speed, within(0.05)); // the throttle's law leaves a little drag
    assertThat(s.yawRateRadps()).isCloseTo(expected, within(0.01 * expected));
    // it understeers: less turn than the wheels' geometry, the more so the faster
    assertThat(k).isPositive();
    assertThat(s.yawRateRadps()).isLessThan(v * Math.tan(delta) / CAR.wheelbaseM());
  }

  @Test
  void atWalkingPaceTheRearAxleFollowsTheKinematicCircle() {
    double speed = 1;
    CarState s = hold(CarState.at(0, 0, 0, speed), 0.5, speed, 10);

    double delta = 0.5 * CAR.maxSteerRad();
    assertThat(s.steerRad()).isCloseTo(delta, within(1e-12));
    assertThat(s.yawRateRadps())
        .isCloseTo(s.speedMps() * Math.tan(delta) / CAR.wheelbaseM(), within(1e-9));
    assertThat(s.lateralMps()).isCloseTo(0, within(1e-9));
  }

  /**
   * Each axle's force stays inside its friction circle and the loads add up to m g, so the car's
   * acceleration is at most mu g: checked over seeded random driving at speed, within 1% (the
   * difference between a step's velocity change and the forces, from integrating in a turning
   * frame), and reached.
   */
  @Test
  void theFrictionCircleCapsTheCarsAccelerationAtMuG() {
    double most = 0;
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      CarState s = CarState.at(0, 0, 0, 22);
      double steer = 0;
      double throttle = 0;
      for (int k = 0; k < 200; k++) {
        if (k % 10 == 0) {
          steer = random.nextDouble(-1, 1);
          throttle = random.nextDouble(-1, 1);
        }
        CarState next = MODEL.step(s, steer, throttle, DT);
        if (s.speedMps() > SingleTrackModel.DYNAMIC_ABOVE_MPS
            && next.speedMps() > SingleTrackModel.DYNAMIC_ABOVE_MPS) {
          double[] v0 = velocity(s);
          double[] v1 = velocity(next);
          double a = Math.hypot(v1[0] - v0[0], v1[1] - v0[1]) / DT;
          assertThat(a).as("seed %d step %d", seed, k).isLessThanOrEqualTo(1.01 * MU_G);
          most = Math.max(most, a);
        }
        s = next;
      }
    }
    assertThat(most).isGreaterThan(0.95 * MU_G);
  }

  @Test
  void fullThrottleInAFastCornerMakesTheCarSlide() {
    // near the grip limit: about 0.85 mu g
    CarState corner = hold(CarState.at(0, 0, 0, 20), 0.12, 20, 10);
    assertThat(corner.speedMps() * corner.yawRateRadps()).isBetween(0.7 * MU_G, 0.95 * MU_G);

    CarState held = hold(corner, 0.12, 20, 1);
    CarState floored = corner;
    for (int k = 0; k < 20; k++) {
      floored = MODEL.step(floored, 0.12, 1, DT);
    }
    // held, the rear tires slip a couple of degrees, as tires do; floored, the throttle takes the
    // grip the corner needed and the rear axle slides
    double heldSlip = Math.abs(Math.atan(held.lateralMps() / held.speedMps()));
    double flooredSlip = Math.abs(Math.atan(floored.lateralMps() / floored.speedMps()));
    assertThat(Math.toDegrees(heldSlip)).isBetween(0.5, 4.0);
    assertThat(flooredSlip).isGreaterThan(3 * heldSlip);
  }

  @Test
  void aKnockToTheSideAndASpinDieAwayAsTheTiresGrip() {
    CarState knocked = new CarState(0, 0, 0, 15, 0, 1.5, 3);
    CarState s = hold(knocked, 0, 15, 4);

    assertThat(Math.abs(s.yawRateRadps())).isLessThan(0.01);
    assertThat(Math.abs(s.lateralMps())).isLessThan(0.01);
    assertThat(s.heading()).isNotCloseTo(0, within(0.05)); // the knock turned the car
  }

  @Test
  void straightOnItAcceleratesAndBrakesAsTheKinematicCarWithinMuG() {
    CarState s = CarState.at(0, 0, 0, 5);
    for (int k = 0; k < 20; k++) {
      s = MODEL.step(s, 0, 1, DT);
    }
    assertThat(s.speedMps()).isCloseTo(5 + CAR.maxAccelMps2(), within(1e-9));
    assertThat(s.y()).isZero();
    assertThat(s.x()).isCloseTo(5 + CAR.maxAccelMps2() / 2, within(1e-9));

    CarState b = CarState.at(0, 0, 0, 20);
    for (int k = 0; k < 20; k++) {
      b = MODEL.step(b, 0, -1, DT);
    }
    // the brakes could give 10 m/s^2, the tires give mu g
    assertThat(b.speedMps()).isCloseTo(20 - Math.min(CAR.maxBrakeMps2(), MU_G), within(1e-9));
    for (int k = 0; k < 60; k++) {
      b = MODEL.step(b, 0, -1, DT);
    }
    assertThat(b.speedMps()).isZero();
  }

  @Test
  void neverPastTheTopSpeed() {
    CarState s = CarState.at(0, 0, 0, CAR.maxSpeedMps() - 0.1);
    for (int k = 0; k < 40; k++) {
      s = MODEL.step(s, 0, 1, DT);
      assertThat(s.speedMps()).isLessThanOrEqualTo(CAR.maxSpeedMps());
    }
    assertThat(s.speedMps()).isCloseTo(CAR.maxSpeedMps(), within(1e-9));
  }

  @Test
  void theSameInputsGiveTheSameBits() {
    CarState a = CarState.at(3, 4, 0.5, 12);
    CarState b = CarState.at(3, 4, 0.5, 12);
    SplittableRandom r1 = new SplittableRandom(9);
    SplittableRandom r2 = new SplittableRandom(9);
    for (int k = 0; k < 500; k++) {
      a = MODEL.step(a, r1.nextDouble(-1, 1), r1.nextDouble(-1, 1), DT);
      b = new SingleTrackModel(CAR).step(b, r2.nextDouble(-1, 1), r2.nextDouble(-1, 1), DT);
    }
    assertThat(a).isEqualTo(b);
  }
}
