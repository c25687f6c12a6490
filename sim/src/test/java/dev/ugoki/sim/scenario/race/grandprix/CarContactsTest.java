package dev.ugoki.sim.scenario.race.grandprix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.CarModel;
import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.body.SingleTrackModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cars as boxes in the contact layer: bumps against momentum, energy and the model's own state. */
class CarContactsTest {
  private static final double DT = 0.05;
  private static final CarParams CAR = CarParams.standard();
  private static final CarModel MODEL = CarModel.of(CAR, true);
  private static final double MASS = SingleTrackModel.MASS_KG;
  private static final double INERTIA =
      MASS * (CAR.lengthM() * CAR.lengthM() + CAR.widthM() * CAR.widthM()) / 12;

  /** The velocity of the body's middle in the world [m/s, m/s] and the yaw rate [rad/s]. */
  private static double[] middle(CarState s) {
    double c = Math.cos(s.heading());
    double n = Math.sin(s.heading());
    double k = CAR.centerOffsetM() * s.yawRateRadps();
    return new double[] {
      c * s.speedMps() - n * s.lateralMps() - k * n,
      n * s.speedMps() + c * s.lateralMps() + k * c,
      s.yawRateRadps()
    };
  }

  private static double[] momentum(CarState... cars) {
    double[] p = new double[2];
    for (CarState s : cars) {
      double[] v = middle(s);
      p[0] += MASS * v[0];
      p[1] += MASS * v[1];
    }
    return p;
  }

  private static double energy(CarState... cars) {
    double e = 0;
    for (CarState s : cars) {
      double[] v = middle(s);
      e += 0.5 * MASS * (v[0] * v[0] + v[1] * v[1]) + 0.5 * INERTIA * v[2] * v[2];
    }
    return e;
  }

  /** Each car's own step, straight on and coasting. */
  private static CarState[] to(CarState[] from) {
    CarState[] to = new CarState[from.length];
    for (int i = 0; i < from.length; i++) {
      to[i] = MODEL.step(from[i], 0, 0, DT);
    }
    return to;
  }

  @Test
  void carsApartKeepTheirModelsStatesBitForBit() {
    CarContacts contacts = new CarContacts(List.of(CAR, CAR));
    CarState[] from = {CarState.at(0, 0, 0, 20), CarState.at(0, 30, 0.3, 15)};
    CarState[] to = {MODEL.step(from[0], 0.2, 1, DT), MODEL.step(from[1], -0.1, 0.5, DT)};

    CarState[] out = contacts.resolve(from, to, DT);

    assertThat(out[0]).isSameAs(to[0]);
    assertThat(out[1]).isSameAs(to[1]);
  }

  @Test
  void aBumpFromBehindConservesMomentumAndMakesNoEnergy() {
    CarContacts contacts = new CarContacts(List.of(CAR, CAR));
    // 0.2 m between the chaser's nose and the leader's tail, closing at 10 m/s
    CarState[] from = {CarState.at(0, 0, 0, 20), CarState.at(4.2, 0, 0, 10)};
    CarState[] to = {MODEL.step(from[0], 0, 0, DT), MODEL.step(from[1], 0, 0, DT)};

    CarState[] out = contacts.resolve(from, to, DT);

    double[] before = momentum(to);
    double[] after = momentum(out);
    assertThat(after[0]).isCloseTo(before[0], within(1e-6 * Math.abs(before[0])));
    assertThat(after[1]).isCloseTo(before[1], within(1e-6 * Math.abs(before[0])));
    assertThat(energy(out)).isLessThanOrEqualTo(energy(to) * (1 + 1e-9));
    // the chaser slows, the leader is shoved ahead
    assertThat(out[0].speedMps()).isLessThan(to[0].speedMps() - 2);
    assertThat(out[1].speedMps()).isGreaterThan(to[1].speedMps() + 2);
  }

  @Test
  void aBumpOnTheCornerSpinsTheStruckCar() {
    CarContacts contacts = new CarContacts(List.of(CAR, CAR));
    // the chaser a metre and a bit to the side: its nose meets the leader's rear corner
    CarState[] from = {CarState.at(0, 1.2, 0, 20), CarState.at(4.2, 0, 0, 10)};
    CarState[] out =
        contacts.resolve(
            from,
            new CarState[] {MODEL.step(from[0], 0, 0, DT), MODEL.step(from[1], 0, 0, DT)},
            DT);

    // both turn clockwise: the chaser's nose is pushed back on its right, the leader's tail ahead
    // on its left (in this symmetric meeting, equally)
    assertThat(out[1].yawRateRadps()).isLessThan(-0.1);
    assertThat(out[0].yawRateRadps()).isLessThan(-0.1);
    assertThat(energy(out)).isLessThanOrEqualTo(energy(to(from)) * (1 + 1e-9));
  }

  /**
   * Flat out at the top speed into a car standing still: the boxes never pass or sink into each
   * other.
   */
  @Test
  void aCarAtTopSpeedNeverPassesThroughAnother() {
    CarContacts contacts = new CarContacts(List.of(CAR, CAR));
    CarState[] cars = {CarState.at(0, 0, 0, CAR.maxSpeedMps()), CarState.at(30, 0, 0, 0)};
    boolean touched = false;
    for (int k = 0; k < 80; k++) {
      CarState[] to = {MODEL.step(cars[0], 0, 1, DT), MODEL.step(cars[1], 0, 0, DT)};
      cars = contacts.resolve(cars, to, DT);
      double gap = (cars[1].x() - cars[0].x()) - CAR.lengthM();
      assertThat(gap).as("step %d", k).isGreaterThan(-0.05);
      touched |= cars[1].speedMps() > 0;
    }
    assertThat(touched).isTrue();
    assertThat(cars[1].speedMps()).isPositive();
  }
}
