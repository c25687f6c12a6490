package dev.ugoki.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model checked against closed-form answers on an empty plane. */
class BicycleModelTest {
  private static final CarParams CAR = CarParams.standard();
  private final BicycleModel model = new BicycleModel(CAR);

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.5, 1.0, -0.7})
  void constantSteeringTracesTheTurningRadiusOfTheBicycleModel(double steerCmd) {
    double steer = steerCmd * CAR.maxSteerRad();
    double speed = 5; // slow enough that the tires hold: v^2 tan(steer) / L < mu g
    CarState s = new CarState(0, 0, 0, speed, steer, 0);
    double radius = CAR.wheelbaseM() / Math.tan(Math.abs(steer));
    double centerY = Math.copySign(radius, steer); // turning left puts the center at +y
    for (int i = 0; i < 400; i++) {
      s = model.step(s, steerCmd, 0, 0.05);
      assertThat(Math.hypot(s.x(), s.y() - centerY)).isCloseTo(radius, within(1e-9));
    }
    assertThat(s.speedMps()).isEqualTo(speed);
    assertThat(s.yawRateRadps()).isCloseTo(speed / radius * Math.signum(steer), within(1e-9));
  }

  @Test
  void fullThrottleFromRestCoversHalfATSquaredThenHoldsTopSpeed() {
    CarState s = CarState.at(0, 0, 0, 0);
    double dt = 0.05;
    double tTop = CAR.maxSpeedMps() / CAR.maxAccelMps2();
    int steps = 200; // 10 s, past the 4.17 s it takes to reach top speed
    for (int i = 1; i <= steps; i++) {
      s = model.step(s, 0, 1, dt);
      double t = i * dt;
      double expected =
          t <= tTop
              ? CAR.maxAccelMps2() * t * t / 2
              : CAR.maxAccelMps2() * tTop * tTop / 2 + CAR.maxSpeedMps() * (t - tTop);
      assertThat(s.x()).isCloseTo(expected, within(1e-9));
      assertThat(s.y()).isEqualTo(0);
    }
    assertThat(s.speedMps()).isEqualTo(CAR.maxSpeedMps());
  }

  @Test
  void brakingStopsAtZeroAndNeverReverses() {
    CarState s = CarState.at(0, 0, 0, 10);
    double stop = 10.0 * 10 / (2 * CAR.maxBrakeMps2());
    for (int i = 0; i < 100; i++) {
      s = model.step(s, 0, -1, 0.05);
    }
    assertThat(s.speedMps()).isEqualTo(0);
    assertThat(s.x()).isCloseTo(stop, within(1e-9));
  }

  @Test
  void atSpeedTheTiresSlipOntoTheCircleOfTheirGripLimit() {
    double speed = 20; // full lock would need v^2 tan(30 deg) / 2.6 = 89 m/s^2 of grip
    double steer = CAR.maxSteerRad();
    CarState s = new CarState(0, 0, 0, speed, steer, 0);
    double radius = speed * speed / CAR.maxLateralAccelMps2();
    for (int i = 0; i < 200; i++) {
      s = model.step(s, 1, 0, 0.05);
      assertThat(Math.hypot(s.x(), s.y() - radius)).isCloseTo(radius, within(1e-9));
    }
    assertThat(radius).isGreaterThan(CAR.wheelbaseM() / Math.tan(steer) * 5);
  }

  @Test
  void wheelsTurnNoFasterThanTheSteeringRate() {
    CarState s = CarState.at(0, 0, 0, 5);
    double dt = 0.05;
    s = model.step(s, 1, 0, dt);
    assertThat(s.steerRad()).isCloseTo(CAR.steerRateRadps() * dt, within(1e-12));
    for (int i = 0; i < 100; i++) {
      s = model.step(s, 1, 0, dt);
    }
    assertThat(s.steerRad()).isCloseTo(CAR.maxSteerRad(), within(1e-12));
  }
}
