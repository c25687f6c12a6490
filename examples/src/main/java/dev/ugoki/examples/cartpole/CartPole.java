package dev.ugoki.examples.cartpole;

/**
 * A pole hinged on a cart that runs on a level rail, pushed sideways: the cart-pole of Barto,
 * Sutton and Anderson (1983), with the equations of motion as Florian (2007, "Correct equations for
 * the dynamics of the cart-pole system") writes them for a frictionless cart and pole, and an
 * explicit Euler step, as Gymnasium's {@code CartPole-v1}:
 *
 * <pre>
 * temp     = (F + m_p l w^2 sin(th)) / (m_c + m_p)
 * th''     = (g sin(th) - cos(th) temp) / (l (4/3 - m_p cos(th)^2 / (m_c + m_p)))
 * x''      = temp - m_p l th'' cos(th) / (m_c + m_p)
 * </pre>
 *
 * where {@code l} is half the pole's length, {@code th} the pole's angle from upright (positive
 * leaning toward +x) and {@code F} the push on the cart (positive toward +x). Immutable: a step
 * makes a new state.
 *
 * @param gravityMps2 gravity [m/s^2]
 * @param cartKg the cart's mass [kg]
 * @param poleKg the pole's mass [kg]
 * @param halfLengthM half the pole's length [m]
 */
public record CartPole(double gravityMps2, double cartKg, double poleKg, double halfLengthM) {

  /**
   * The cart-pole's state.
   *
   * @param xM the cart's position from the rail's centre [m]
   * @param speedMps the cart's speed [m/s]
   * @param angleRad the pole's angle from upright, positive leaning toward +x [rad]
   * @param spinRadps the pole's angular speed [rad/s]
   */
  public record State(double xM, double speedMps, double angleRad, double spinRadps) {}

  /** The state {@code dtS} after {@code s} under the push {@code forceN} [N]. */
  public State step(State s, double forceN, double dtS) {
    double total = cartKg + poleKg;
    double sin = Math.sin(s.angleRad());
    double cos = Math.cos(s.angleRad());
    double temp = (forceN + poleKg * halfLengthM * s.spinRadps() * s.spinRadps() * sin) / total;
    double angular =
        (gravityMps2 * sin - cos * temp) / (halfLengthM * (4.0 / 3 - poleKg * cos * cos / total));
    double linear = temp - poleKg * halfLengthM * angular * cos / total;
    return new State(
        s.xM() + dtS * s.speedMps(),
        s.speedMps() + dtS * linear,
        s.angleRad() + dtS * s.spinRadps(),
        s.spinRadps() + dtS * angular);
  }

  /**
   * How fast a small lean grows with no push [1/s]: the linearized pole's {@code th'' = k^2 th},
   * {@code k = sqrt(g / (l (4/3 - m_p / (m_c + m_p))))}, so a lean grows as {@code cosh(k t)}.
   */
  public double fallRatePerS() {
    return Math.sqrt(gravityMps2 / (halfLengthM * (4.0 / 3 - poleKg / (cartKg + poleKg))));
  }
}
