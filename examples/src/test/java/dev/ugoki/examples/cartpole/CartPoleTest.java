package dev.ugoki.examples.cartpole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The cart-pole's step against closed forms. */
class CartPoleTest {
  private final CartPole pole = new CartPole(9.8, 1.0, 0.1, 0.5);

  @Test
  void aSmallLeanGrowsAsTheLinearizedPoleSays() {
    // th'' = k^2 th from rest: th(t) = th0 cosh(k t); Euler's error is O(dt) over a second
    double th0 = 1e-4;
    CartPole.State s = new CartPole.State(0, 0, th0, 0);
    double dt = 1e-4;
    for (int i = 0; i < 10_000; i++) {
      s = pole.step(s, 0, dt);
    }
    double k = pole.fallRatePerS();
    assertThat(s.angleRad()).isCloseTo(th0 * Math.cosh(k * 1.0), within(th0 * Math.cosh(k) * 1e-3));
  }

  @Test
  void thePoleFallsTowardItsLeanAndTheCartRecoils() {
    CartPole.State s = pole.step(new CartPole.State(0, 0, 0.1, 0), 0, 0.02);
    CartPole.State next = pole.step(s, 0, 0.02);
    assertThat(next.spinRadps()).isPositive();
    assertThat(next.speedMps()).isNegative(); // the pole's fall pushes the cart back
  }

  @Test
  void anUprightPoleOnACartPushedAccelaratesTheWholeMass() {
    // upright and still: x'' = F / (m_c + m_p) ... less what tips the pole back
    CartPole.State s = pole.step(new CartPole.State(0, 0, 0, 0), 11, 1e-3);
    double total = 1.1;
    double angular = -(11 / total) / (0.5 * (4.0 / 3 - 0.1 / total));
    double linear = 11 / total - 0.1 * 0.5 * angular / total;
    assertThat(s.speedMps()).isCloseTo(linear * 1e-3, within(1e-12));
    assertThat(s.spinRadps()).isCloseTo(angular * 1e-3, within(1e-12));
  }

  @Test
  void aPoleHangingStillStaysStill() {
    CartPole.State s = new CartPole.State(0, 0, Math.PI, 0);
    for (int i = 0; i < 1000; i++) {
      s = pole.step(s, 0, 0.02);
    }
    assertThat(s.angleRad()).isCloseTo(Math.PI, within(1e-9));
    assertThat(s.xM()).isCloseTo(0, within(1e-9));
  }
}
