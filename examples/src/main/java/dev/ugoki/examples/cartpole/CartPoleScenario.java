package dev.ugoki.examples.cartpole;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scenario.ScenarioBase;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code cartpole}: keep a pole upright on a cart by pushing the cart left and right, with a
 * continuous push (Gymnasium's {@code CartPole-v1}, whose push is only full left or full right).
 * Added from outside Ugoki, as a user would add a scenario: this package and one line in {@code
 * META-INF/services}.
 *
 * <h2>Action space</h2>
 *
 * One channel in [-1, 1]: {@code push}, the force on the cart as a fraction of {@code force.max},
 * positive toward +x.
 *
 * <h2>Observation space</h2>
 *
 * Four channels in [-1, 1]: {@code cart.x}, the cart's position over {@code rail.half_width};
 * {@code cart.speed} over {@link #SPEED_SCALE_MPS}; {@code pole.angle}, the pole's lean from
 * upright over {@code pole.max_angle_deg}; {@code pole.spin} over {@link #SPIN_SCALE_RADPS}
 * (clipped).
 *
 * <h2>Rewards</h2>
 *
 * Named terms, each times its {@code reward.*} weight: {@code alive}, 1 each step the pole is up;
 * {@code fall}, 1 on the step it falls (or the cart leaves the rail); {@code centre}, the cart's
 * distance from the centre over the rail's half width.
 *
 * <h2>Starting state</h2>
 *
 * Position, speed, angle and spin each drawn uniform in [-{@code start.spread}, {@code
 * start.spread}] from the seed.
 *
 * <h2>Episode end</h2>
 *
 * Terminated when the pole leans past {@code pole.max_angle_deg} or the cart leaves the rail (a
 * crash), or when the pole has stayed up {@code balance_s} seconds (a success). {@link
 * Info#progress()} is the share of {@code balance_s} held so far. Truncated by the registry's time
 * limit ({@code max_steps}).
 *
 * <h2>Version history</h2>
 *
 * <ul>
 *   <li>v1: first version.
 * </ul>
 */
public final class CartPoleScenario extends ScenarioBase<CartPoleScenario> {
  public static final String NAME = "cartpole";
  public static final int VERSION = 1;

  /** The cart speed observed as 1 [m/s]. */
  static final double SPEED_SCALE_MPS = 3;

  /** The pole spin observed as 1 [rad/s]. */
  static final double SPIN_SCALE_RADPS = 3;

  private static final float CART_W_M = 0.5f;
  private static final float CART_H_M = 0.3f;
  private static final float POLE_W_M = 0.06f;

  private final CartPoleConfig cfg;
  private final CartPole dynamics;
  private final int successSteps;
  private CartPole.State state;

  /**
   * @param expert makes the expert of this scenario (its provider's); null for none
   */
  public CartPoleScenario(
      Config config, Function<? super CartPoleScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, CartPoleConfig.TERMS, expert);
    this.cfg = CartPoleConfig.of(config);
    this.dynamics = new CartPole(cfg.gravityMps2(), cfg.cartKg(), cfg.poleKg(), cfg.halfLengthM());
    this.successSteps = (int) Math.max(1, Math.round(cfg.balanceS() / dt()));
    specs(
        Spec.builder()
            .add("cart.x", -1, 1)
            .add("cart.speed", -1, 1)
            .add("pole.angle", -1, 1)
            .add("pole.spin", -1, 1)
            .build(),
        Spec.builder().add("push", -1, 1).build(),
        null);
  }

  /** The state now; null before the first reset. */
  public CartPole.State state() {
    return state;
  }

  @Override
  public float[] reset(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double a = cfg.startSpread();
    state =
        new CartPole.State(
            a > 0 ? r.nextDouble(-a, a) : 0,
            a > 0 ? r.nextDouble(-a, a) : 0,
            a > 0 ? r.nextDouble(-a, a) : 0,
            a > 0 ? r.nextDouble(-a, a) : 0);
    beginEpisode();
    return observe();
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    state = dynamics.step(state, action[0] * cfg.maxForceN(), dt());
    boolean fell =
        Math.abs(state.xM()) > cfg.railM() || Math.abs(state.angleRad()) > cfg.maxAngleRad();
    int steps = episode.steps() + 1;
    boolean success = !fell && steps >= successSteps;
    episode.stepped(fell || success);
    RewardTerms terms =
        rewards.terms(fell ? 0 : 1, fell ? 1 : 0, Math.min(1, Math.abs(state.xM()) / cfg.railM()));
    Info info = info(terms, fell, success, Math.min(1.0, (double) steps / successSteps));
    return new StepResult(observe(), terms.total(), fell || success, false, info);
  }

  private float[] observe() {
    return new float[] {
      clip(state.xM() / cfg.railM()),
      clip(state.speedMps() / SPEED_SCALE_MPS),
      clip(state.angleRad() / cfg.maxAngleRad()),
      clip(state.spinRadps() / SPIN_SCALE_RADPS)
    };
  }

  private static float clip(double v) {
    return (float) Math.max(-1, Math.min(1, v));
  }

  /** The cart's speed and place; the pole's lean as a reading. */
  @Override
  public Telemetry telemetry() {
    episode.requireStarted();
    return new Telemetry(
        NAME,
        Math.abs(state.speedMps()),
        Double.NaN,
        state.xM(),
        CART_H_M / 2,
        List.of(new Telemetry.Reading("pole", Math.toDegrees(state.angleRad()), "deg")));
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    float rail = (float) cfg.railM();
    float poleM = (float) (2 * cfg.halfLengthM());
    float x = (float) state.xM();
    float pivotY = CART_H_M;
    float tipX = x + poleM * (float) Math.sin(state.angleRad());
    float tipY = pivotY + poleM * (float) Math.cos(state.angleRad());
    return new Scene(
        -rail - 0.5,
        -0.5,
        rail + 0.5,
        poleM + 0.8,
        background(() -> background(rail, poleM)),
        List.of(
            box(x - CART_W_M / 2, 0, x + CART_W_M / 2, CART_H_M, Layer.BODY),
            bar(x, pivotY, tipX, tipY, POLE_W_M, Layer.BODY),
            new Shape.Circle(x, pivotY, POLE_W_M, Layer.HEADING)),
        x,
        pivotY + poleM / 2);
  }

  /** The floor, the rail and its two end stops. */
  private static List<Shape> background(float rail, float poleM) {
    return List.of(
        box(-rail - 0.5f, -0.5f, rail + 0.5f, poleM + 0.8f, Layer.GROUND),
        new Shape.Polyline(new float[] {-rail, 0, rail, 0}, false, Layer.WALL),
        new Shape.Polyline(new float[] {-rail, 0, -rail, 0.4f}, false, Layer.WALL),
        new Shape.Polyline(new float[] {rail, 0, rail, 0.4f}, false, Layer.WALL));
  }

  private static Shape box(float x0, float y0, float x1, float y1, Layer layer) {
    return new Shape.Polygon(new float[] {x0, y0, x1, y0, x1, y1, x0, y1}, layer);
  }

  /** A bar of width {@code w} from (x0, y0) to (x1, y1). */
  private static Shape bar(float x0, float y0, float x1, float y1, float w, Layer layer) {
    float dx = x1 - x0;
    float dy = y1 - y0;
    float n = (float) Math.hypot(dx, dy);
    float nx = -dy / n * w / 2;
    float ny = dx / n * w / 2;
    return new Shape.Polygon(
        new float[] {x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny},
        layer);
  }
}
