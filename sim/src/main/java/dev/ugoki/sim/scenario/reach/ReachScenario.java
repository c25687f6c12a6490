package dev.ugoki.sim.scenario.reach;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.body.TipServo;
import dev.ugoki.sim.body.TwoLinkArm;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scenario.ArmBody;
import dev.ugoki.sim.scenario.ArmKeys;
import dev.ugoki.sim.scenario.ScenarioBase;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import dev.ugoki.sim.scene.Trail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A planar two-link robot arm, its shoulder fixed at the origin, touches a sequence of targets with
 * its tip, seeing its joints and where the target lies from the tip.
 *
 * <h2>Action space</h2>
 *
 * Two channels in [-1, 1]: {@code shoulder} and {@code elbow}, each joint's speed command as a
 * fraction of {@code arm.max_speed}. The joints reach their commands at {@code arm.max_accel}; the
 * elbow stops at {@code arm.elbow_limit_deg}.
 *
 * <h2>Observation space</h2>
 *
 * <ul>
 *   <li>{@code joint.shoulder.cos}, {@code joint.shoulder.sin}, {@code joint.elbow.cos}, {@code
 *       joint.elbow.sin} in [-1, 1]: the joint angles;
 *   <li>{@code joint.shoulder.speed}, {@code joint.elbow.speed} in [-1, 1]: joint speeds / {@code
 *       arm.max_speed};
 *   <li>{@code tip.x}, {@code tip.y} in [-1, 1]: the tip's position / the arm's reach;
 *   <li>{@code goal.dx}, {@code goal.dy} in [-1, 1]: the active target minus the tip / twice the
 *       reach;
 *   <li>{@code goal.dir.x}, {@code goal.dir.y} in [-1, 1]: the unit vector from the tip toward the
 *       target (full scale however near the target is, so that the last centimetres are as clear to
 *       a policy as the first metre);
 *   <li>{@code goal.dist} in [0, 1]: the tip's distance to the active target / twice the reach.
 * </ul>
 *
 * <h2>Rewards</h2>
 *
 * The sum of three named terms, each already weighted (see {@link Info#rewardTerms()}): {@code
 * progress} = {@code reward.progress} x the decrease of the tip's distance to the active target
 * this step [m]; {@code goal} = {@code reward.goal} when a target is touched; {@code time} = {@code
 * reward.time} every step.
 *
 * <h2>Starting state</h2>
 *
 * The seed draws the starting joint angles (at rest) and the targets, uniformly over the area the
 * tip can reach (between {@link ArmParams#minReachM()} and {@link ArmParams#maxReachM()} from the
 * shoulder, {@link #TARGET_MARGIN_M} inside both), each at least {@link #TARGET_SPACING_M} from the
 * previous one (or the starting tip).
 *
 * <h2>Episode end</h2>
 *
 * Terminated when every target has been touched (a success). Truncated after {@code max_steps}
 * policy steps by the registry's time limit. {@link Info#progress()} counts the targets touched.
 * The arm cannot crash.
 *
 * <h2>Version history</h2>
 *
 * <ul>
 *   <li>v1: first version.
 * </ul>
 */
public final class ReachScenario extends ScenarioBase<ReachScenario> {
  public static final String NAME = "reach";
  public static final int VERSION = 1;

  /** Distance targets keep from the edges of the reachable area [m]. */
  static final double TARGET_MARGIN_M = 0.05;

  /** Least distance between consecutive targets [m]. */
  static final double TARGET_SPACING_M = 0.4;

  /** Width of a link as drawn [m]. */
  /** The tip's top speed when it follows a person's pointer [m/s]. */
  static final double POINTER_MPS = 1.0;

  private static final float LINK_WIDTH_M = 0.08f;

  private static final int TRAIL_POINTS = 300;
  private static final double TRAIL_SPACING_M = 0.02;
  private static final int CIRCLE_POINTS = 96;

  private final ReachConfig cfg;

  /** This episode's arm, drawn from the family (the nominal one before the first reset). */
  private ArmParams armParams;

  private TwoLinkArm arm;

  /** The observations' scales: the family's longest reach [m] and fastest joint [rad/s]. */
  private final double reachScaleM;

  private final double speedScaleRadps;

  private final int targetCount;
  private final double targetRadiusM;

  // Episode state.
  private double[] targets;
  private ArmState state;
  private int activeTarget;
  private double lastDistanceM;
  private final Trail trail = new Trail(TRAIL_POINTS, TRAIL_SPACING_M);

  /** The defaults, without an expert. */
  public ReachScenario() {
    this(Config.defaults(NAME, ReachConfig.PARAMS));
  }

  /** A scenario without an expert (its {@link #expert()} is refused): for tests of the world. */
  public ReachScenario(Config config) {
    this(config, null);
  }

  /**
   * @param expert makes the expert of this scenario (the registry's, {@link
   *     dev.ugoki.sim.registry.Scenarios}); null for none
   */
  public ReachScenario(Config config, Function<? super ReachScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, ReachConfig.TERMS, expert);
    this.cfg = ReachConfig.of(config);
    this.armParams = cfg.arm();
    this.arm = new TwoLinkArm(armParams);
    ArmParams largest = ArmKeys.scaled(armParams, cfg.family().maxFactors());
    this.reachScaleM = largest.maxReachM();
    this.speedScaleRadps = largest.maxSpeedRadps();
    this.targetCount = cfg.targets();
    this.targetRadiusM = cfg.targetRadiusM();
    Spec observation =
        ArmBody.channels(Spec.builder())
            .add("goal.dx", -1, 1)
            .add("goal.dy", -1, 1)
            .add("goal.dir.x", -1, 1)
            .add("goal.dir.y", -1, 1)
            .add("goal.dist", 0, 1)
            .build();
    specs(observation, ArmBody.actions(), cfg.family());
  }

  /** This episode's arm: the family's draw for its seed (the nominal one before a reset). */
  public ArmParams armParams() {
    return armParams;
  }

  public TwoLinkArm arm() {
    return arm;
  }

  /** The joints now; null before the first reset. */
  public ArmState joints() {
    return state;
  }

  /** Index of the target to touch next; equal to the target count when all are touched. */
  public int activeTarget() {
    return activeTarget;
  }

  public int targetCount() {
    return targetCount;
  }

  /** Target {@code i}'s position, x and y [m]. */
  public double[] target(int i) {
    return new double[] {targets[2 * i], targets[2 * i + 1]};
  }

  public double targetRadiusM() {
    return targetRadiusM;
  }

  @Override
  public float[] reset(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (cfg.family().varies()) {
      armParams = ArmKeys.scaled(cfg.arm(), drawBody(seed));
      arm = new TwoLinkArm(armParams);
    }
    double lim = armParams.elbowLimitRad();
    state = ArmState.at(random.nextDouble(-Math.PI, Math.PI), random.nextDouble(-lim, lim));
    double[] from = arm.tip(state);
    targets = new double[2 * targetCount];
    double rMin = armParams.minReachM() + TARGET_MARGIN_M;
    double rMax = armParams.maxReachM() - TARGET_MARGIN_M;
    for (int i = 0; i < targetCount; i++) {
      double x;
      double y;
      do {
        // uniform over the ring's area: r^2 uniform
        double r = Math.sqrt(random.nextDouble(rMin * rMin, rMax * rMax));
        double a = random.nextDouble(-Math.PI, Math.PI);
        x = r * Math.cos(a);
        y = r * Math.sin(a);
      } while (Math.hypot(x - from[0], y - from[1]) < TARGET_SPACING_M);
      targets[2 * i] = x;
      targets[2 * i + 1] = y;
      from = new double[] {x, y};
    }
    activeTarget = 0;
    beginEpisode();
    lastDistanceM = distanceToActive();
    trail.clear();
    double[] tip = arm.tip(state);
    trail.add(tip[0], tip[1]);
    return observe();
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    double[] tip0 = arm.tip(state);
    state = arm.step(state, action[0], action[1], dt());
    double[] tip1 = arm.tip(state);
    double d = distanceToActive();
    double progressM = lastDistanceM - d;
    lastDistanceM = d;
    boolean touched = false;
    double tx = targets[2 * activeTarget];
    double ty = targets[2 * activeTarget + 1];
    // Tested along the step's chord, so a fast tip cannot pass over a target between two steps.
    if (Geometry.pointSegmentDist2(tx, ty, tip0[0], tip0[1], tip1[0], tip1[1])
        <= targetRadiusM * targetRadiusM) {
      touched = true;
      activeTarget++;
      if (activeTarget < targetCount) {
        lastDistanceM = distanceToActive();
      }
    }
    boolean success = activeTarget == targetCount;
    episode.stepped(success);
    trail.add(tip1[0], tip1[1]);
    RewardTerms terms = rewards.terms(progressM, touched ? 1 : 0, 1);
    Info info = info(terms, false, success, activeTarget);
    return new StepResult(observe(), terms.total(), success, false, info);
  }

  private double distanceToActive() {
    int t = Math.min(activeTarget, targetCount - 1);
    double[] tip = arm.tip(state);
    return Math.hypot(targets[2 * t] - tip[0], targets[2 * t + 1] - tip[1]);
  }

  private float[] observe() {
    float[] obs = new float[observationSpec().size()];
    double reach = reachScaleM;
    double wmax = speedScaleRadps;
    double[] tip = arm.tip(state);
    int t = Math.min(activeTarget, targetCount - 1);
    double dx = targets[2 * t] - tip[0];
    double dy = targets[2 * t + 1] - tip[1];
    int i = 0;
    i = ArmBody.observe(obs, i, arm, state, reach, wmax);
    obs[i++] = Geometry.clamp(dx / (2 * reach), -1, 1);
    obs[i++] = Geometry.clamp(dy / (2 * reach), -1, 1);
    double d = Math.hypot(dx, dy);
    obs[i++] = d > 1e-9 ? Geometry.clamp(dx / d, -1, 1) : 0;
    obs[i++] = d > 1e-9 ? Geometry.clamp(dy / d, -1, 1) : 0;
    obs[i] = Geometry.clamp(d / (2 * reach), 0, 1);
    return withBody(obs);
  }

  /** The tip's speed and place; the arm has no heading; its joints' angles as readings. */
  /** The arm's tip follows the point, at most {@value #POINTER_MPS} m/s ({@link TipServo}). */
  @Override
  public float[] toward(double x, double y) {
    if (state == null) {
      return new float[] {0, 0};
    }
    return TipServo.toward(arm, state, x, y, 0, 0, POINTER_MPS);
  }

  @Override
  public Telemetry telemetry() {
    episode.requireStarted();
    double[] tip = arm.tip(state);
    return new Telemetry(
        NAME,
        arm.tipSpeedMps(state),
        Double.NaN,
        tip[0],
        tip[1],
        java.util.List.of(
            new Telemetry.Reading("shoulder", Math.toDegrees(state.shoulderRad()), "deg"),
            new Telemetry.Reading("elbow", Math.toDegrees(state.elbowRad()), "deg")));
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    double extent = armParams.maxReachM() + 0.3;
    List<Shape> fg = new ArrayList<>();
    float gr = (float) targetRadiusM;
    for (int g = activeTarget + 1; g < targetCount; g++) {
      fg.add(new Shape.Circle((float) targets[2 * g], (float) targets[2 * g + 1], gr, Layer.GOAL));
    }
    if (activeTarget < targetCount) {
      fg.add(
          new Shape.Circle(
              (float) targets[2 * activeTarget],
              (float) targets[2 * activeTarget + 1],
              gr,
              Layer.GOAL_ACTIVE));
    }
    Shape path = trail.shape();
    if (path != null) {
      fg.add(path);
    }
    ArmBody.draw(fg, arm, state, LINK_WIDTH_M, 0.6f * LINK_WIDTH_M);
    double[] elbow = arm.elbow(state);
    double[] tip = arm.tip(state);
    fg.add(
        new Shape.Polyline(
            new float[] {0, 0, (float) elbow[0], (float) elbow[1], (float) tip[0], (float) tip[1]},
            false,
            Layer.HEADING));
    return new Scene(
        -extent,
        -extent,
        extent,
        extent,
        background(() -> backgroundOf(extent)),
        Collections.unmodifiableList(fg),
        0,
        0);
  }

  /** The floor, and the edges of the reachable ring. */
  private List<Shape> backgroundOf(double extent) {
    List<Shape> bg = new ArrayList<>();
    float e = (float) extent;
    bg.add(new Shape.Polygon(new float[] {-e, -e, e, -e, e, e, -e, e}, Layer.GROUND));
    for (double r : new double[] {armParams.minReachM(), armParams.maxReachM()}) {
      float[] xy = new float[2 * CIRCLE_POINTS];
      for (int k = 0; k < CIRCLE_POINTS; k++) {
        double a = 2 * Math.PI * k / CIRCLE_POINTS;
        xy[2 * k] = (float) (r * Math.cos(a));
        xy[2 * k + 1] = (float) (r * Math.sin(a));
      }
      bg.add(new Shape.Polyline(xy, true, Layer.PATH));
    }
    return Collections.unmodifiableList(bg);
  }
}
