package dev.ugoki.examples.cartpole;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.RewardWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * The cart-pole's keys, each declared once with its default, range and meaning (the defaults are
 * Barto, Sutton and Anderson's, as Gymnasium's {@code CartPole-v1} keeps them), and the values of a
 * resolved config.
 *
 * @param gravityMps2 gravity [m/s^2]
 * @param cartKg the cart's mass [kg]
 * @param poleKg the pole's mass [kg]
 * @param halfLengthM half the pole's length: its pivot to its centre of mass [m]
 * @param maxForceN the largest push on the cart [N]
 * @param railM how far the cart may go either side of the centre [m]
 * @param maxAngleRad how far the pole may lean before it has fallen [rad]
 * @param balanceS how long the pole must stay up for a success [s]
 * @param startSpread the starting state's spread: each variable uniform in [-this, this]
 */
public record CartPoleConfig(
    double gravityMps2,
    double cartKg,
    double poleKg,
    double halfLengthM,
    double maxForceN,
    double railM,
    double maxAngleRad,
    double balanceS,
    double startSpread) {

  /** The reward's terms, each weighted by its {@code reward.NAME} key. */
  public static final List<String> TERMS = List.of("alive", "fall", "centre");

  /** Every key: the common ones, then the cart-pole's own. */
  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    // 50 policy steps a second, as the original; 500 steps (10 s) to a success, and a limit after
    List<Param> p = new ArrayList<>(CommonParams.of(0.02, 1000));
    p.add(Param.real("gravity", 9.8, 1, 30, "gravity [m/s^2]"));
    p.add(Param.real("cart.mass", 1.0, 0.1, 10, "the cart's mass [kg]"));
    p.add(Param.real("pole.mass", 0.1, 0.01, 5, "the pole's mass [kg]"));
    p.add(Param.real("pole.half_length", 0.5, 0.1, 2, "half the pole's length [m]"));
    p.add(Param.real("force.max", 10, 1, 100, "the largest push on the cart [N]"));
    p.add(Param.real("rail.half_width", 2.4, 0.5, 10, "how far the cart may go either way [m]"));
    p.add(
        Param.real(
            "pole.max_angle_deg",
            12,
            5,
            45,
            "how far the pole may lean from upright before it counts as fallen [deg]"));
    p.add(Param.real("balance_s", 10, 1, 600, "seconds the pole must stay up for a success"));
    p.add(
        Param.real(
            "start.spread",
            0.05,
            0,
            0.2,
            "the start: position, speed, angle and spin each uniform in [-this, this]"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "alive", 0.02, 0, 10, "reward every step the pole is up"));
    p.add(Param.real(RewardWeights.PREFIX + "fall", -1, -100, 0, "reward when the pole falls"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "centre",
            -0.01,
            -10,
            0,
            "reward per step times the cart's distance from the centre over the rail's half"
                + " width (stay near the middle)"));
    return List.copyOf(p);
  }

  /** The values of a resolved cart-pole config. */
  public static CartPoleConfig of(Config c) {
    return new CartPoleConfig(
        c.real("gravity"),
        c.real("cart.mass"),
        c.real("pole.mass"),
        c.real("pole.half_length"),
        c.real("force.max"),
        c.real("rail.half_width"),
        Math.toRadians(c.real("pole.max_angle_deg")),
        c.real("balance_s"),
        c.real("start.spread"));
  }
}
