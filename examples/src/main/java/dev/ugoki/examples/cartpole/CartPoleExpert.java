package dev.ugoki.examples.cartpole;

import dev.ugoki.sim.env.Expert;

/**
 * The cart-pole's expert: linear state feedback {@code F = K s}, the gains of a discrete-time LQR
 * for the default cart-pole linearized about upright (state cost diag(1, 0.1, 10, 0.1) on position,
 * speed, angle and spin; cost 0.01 per N^2 of push; 20 ms steps), the push clipped to the largest.
 * It balances every start of the default spread, and strays a little when the cart or pole differ.
 */
public final class CartPoleExpert implements Expert {
  /** The gains on position [N/m], speed [N s/m], angle [N/rad] and spin [N s/rad]. */
  static final double[] GAINS = {8.59, 10.77, 71.74, 17.36};

  private final CartPoleScenario scenario;

  public CartPoleExpert(CartPoleScenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public float[] act() {
    CartPole.State s = scenario.state();
    double forceN =
        GAINS[0] * s.xM()
            + GAINS[1] * s.speedMps()
            + GAINS[2] * s.angleRad()
            + GAINS[3] * s.spinRadps();
    double u = forceN / scenario.config().real("force.max");
    return new float[] {(float) Math.max(-1, Math.min(1, u))};
  }
}
