package dev.ugoki.sim.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.geom.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The differential drive checked against closed-form answers on an empty plane. */
class DiffDriveTest {
  private static final RobotParams ROBOT = RobotParams.standard();
  private static final double DT = 0.05;
  private final DiffDrive drive = new DiffDrive(ROBOT);

  /** Time for a wheel to reach top speed from rest [s]: 1.2 m/s / 3 m/s^2 = 0.4 s. */
  private static double rampS() {
    return ROBOT.maxWheelSpeedMps() / ROBOT.maxWheelAccelMps2();
  }

  @Test
  void rotationInPlaceFromRestTurnsByTopYawRateTimesTimeLessHalfTheRamp() {
    RobotState s = RobotState.at(1, 2, 0.3);
    int steps = 40; // 2 s, past the 0.4 s ramp
    for (int i = 0; i < steps; i++) {
      s = drive.step(s, -1, 1, DT);
    }
    double t = steps * DT;
    // Each wheel's speed ramps linearly to the top, so the yaw rate does too:
    // heading = omega_max * (T - t_ramp) + omega_max * t_ramp / 2.
    double expected = 0.3 + ROBOT.maxYawRateRadps() * (t - rampS() / 2);
    // headings are kept in [-pi, pi)
    assertThat(s.heading()).isBetween(-Math.PI, Math.PI);
    assertThat(Geometry.wrapAngle(s.heading() - expected)).isCloseTo(0, within(1e-9));
    assertThat(s.x()).isCloseTo(1, within(1e-12));
    assertThat(s.y()).isCloseTo(2, within(1e-12));
  }

  @Test
  void rotationInPlaceDuringTheRampTurnsByHalfAlphaTSquared() {
    RobotState s = RobotState.at(0, 0, 0);
    int steps = 6; // 0.3 s, inside the ramp
    for (int i = 0; i < steps; i++) {
      s = drive.step(s, 1, -1, DT);
    }
    double t = steps * DT;
    // Wheel speeds +-a t give a yaw rate of -2 a t / s: heading = -a t^2 / s.
    double expected = -ROBOT.maxWheelAccelMps2() * t * t / ROBOT.wheelSeparationM();
    assertThat(s.heading()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void fullSpeedStraightAheadCoversTopSpeedTimesTimeLessHalfTheRamp() {
    double heading = Math.toRadians(30);
    RobotState s = RobotState.at(0, 0, heading);
    int steps = 60;
    for (int i = 0; i < steps; i++) {
      s = drive.step(s, 1, 1, DT);
    }
    double distance = ROBOT.maxWheelSpeedMps() * (steps * DT - rampS() / 2);
    assertThat(s.x()).isCloseTo(distance * Math.cos(heading), within(1e-9));
    assertThat(s.y()).isCloseTo(distance * Math.sin(heading), within(1e-9));
    assertThat(s.heading()).isEqualTo(heading);
    assertThat(s.speedMps()).isEqualTo(ROBOT.maxWheelSpeedMps());
  }

  @ParameterizedTest(name = "left {0}, right {1}")
  @CsvSource({"0.5, 1.0", "1.0, 0.2", "-0.4, 0.8", "0.9, -0.3", "-1.0, -0.5"})
  void constantUnequalWheelSpeedsTraceACircleOfRadiusHalfSeparationTimesSumOverDifference(
      double left, double right) {
    double vl = left * ROBOT.maxWheelSpeedMps();
    double vr = right * ROBOT.maxWheelSpeedMps();
    // Already at the commanded speeds, so the wheels do not ramp.
    RobotState s = new RobotState(0, 0, 0, vl, vr);
    double radius = ROBOT.wheelSeparationM() / 2 * (vr + vl) / (vr - vl);
    // Heading 0 at the origin: the center of the turn lies at (0, radius), left of the heading.
    double yawRate = (vr - vl) / ROBOT.wheelSeparationM();
    for (int i = 1; i <= 300; i++) {
      s = drive.step(s, left, right, DT);
      assertThat(Math.hypot(s.x(), s.y() - radius)).isCloseTo(Math.abs(radius), within(1e-9));
      assertThat(Geometry.wrapAngle(s.heading() - yawRate * i * DT)).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void wheelSpeedsChangeNoFasterThanTheAccelerationLimit() {
    RobotState s = RobotState.at(0, 0, 0);
    s = drive.step(s, 1, -1, DT);
    assertThat(s.leftMps()).isCloseTo(ROBOT.maxWheelAccelMps2() * DT, within(1e-12));
    assertThat(s.rightMps()).isCloseTo(-ROBOT.maxWheelAccelMps2() * DT, within(1e-12));
    for (int i = 0; i < 20; i++) {
      s = drive.step(s, 1, -1, DT);
    }
    assertThat(s.leftMps()).isEqualTo(ROBOT.maxWheelSpeedMps());
    assertThat(s.rightMps()).isEqualTo(-ROBOT.maxWheelSpeedMps());
  }
}
