package dev.ugoki.sim.scenario.push;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Push-T on Ugoki's arm: the planar two-link arm of {@code reach}, seen from above over a table,
 * pushes a T-shaped block with the disc at its tip until the block covers a target pose of the same
 * T (Chi et al. 2023, Diffusion Policy; {@code gym-pusht}). The block slides on the table with
 * Coulomb friction and stops when no longer pushed; four walls keep it on the table. Only the tip
 * touches the block; the links pass above it.
 *
 * <h2>Action space</h2>
 *
 * As {@code reach}: {@code shoulder} and {@code elbow} in [-1, 1], each joint's speed command as a
 * fraction of {@code arm.max_speed}.
 *
 * <h2>Observation space</h2>
 *
 * <ul>
 *   <li>{@code joint.shoulder.cos}, {@code .sin}, {@code joint.elbow.cos}, {@code .sin}, {@code
 *       joint.shoulder.speed}, {@code joint.elbow.speed}, {@code tip.x}, {@code tip.y}: as in
 *       {@code reach};
 *   <li>{@code block.x}, {@code block.y} in [-1, 1]: the block's centre of mass from the table's
 *       centre / half the table; {@code block.cos}, {@code block.sin}: its angle;
 *   <li>{@code block.vx}, {@code block.vy}, {@code block.spin} in [-1, 1]: its velocity / 1 m/s and
 *       its spin / 2 pi rad/s;
 *   <li>{@code tip.block.x}, {@code tip.block.y} in [-1, 1]: the tip in the block's own frame /
 *       half the table (where on the T the tip is);
 *   <li>{@code goal.dx}, {@code goal.dy} in [-1, 1]: the target's centre from the block's, in the
 *       block's frame / the table's side (the table pushes the same way in every frame, so the
 *       block's frame is where a push's effect reads simplest); {@code goal.cos}, {@code goal.sin}:
 *       the turn from the block's angle to the target's;
 *   <li>{@code coverage} in [0, 1]: the share of the target the block covers;
 *   <li>{@code corner.K.x}, {@code corner.K.y} in [-1, 1], K = 0-7: the T's corners as keypoints
 *       (Push-T's keypoint observation), each from the tip, in the table's frame / the table's
 *       side; {@code corner.K.gx}, {@code corner.K.gy}: the way from the corner to the target's
 *       same corner / the table's side. Sums and differences of these give any point of the block
 *       from the tip and the way it must go, without turning a vector by the block's angle.
 * </ul>
 *
 * <h2>Rewards</h2>
 *
 * The sum of three named terms: {@code progress} = {@code reward.progress} x the decrease this step
 * of the pose distance, |target - block| + {@value #TURN_UNITS} units x |turn| [m]; {@code goal} =
 * {@code reward.goal} when the block covers the target; {@code time} = {@code reward.time} every
 * step.
 *
 * <h2>Starting state</h2>
 *
 * The seed draws the target pose and the block's, each wholly on the table with room to turn, the
 * block covering at most a fifth of the target; then the arm's joints (at rest) with the tip on the
 * table and clear of the block.
 *
 * <h2>Episode end</h2>
 *
 * Terminated when the block covers at least {@code success.coverage} of the target (a success, as
 * Push-T counts it). Truncated after {@code max_steps} policy steps by the registry's time limit.
 * {@link Info#progress()} is the coverage now. The arm cannot crash.
 *
 * <h2>Version history</h2>
 *
 * <ul>
 *   <li>v1: first version.
 * </ul>
 */
public final class PushScenario extends ScenarioBase<PushScenario> {
  public static final String NAME = "push";
  public static final int VERSION = 1;

  /** How many units of the T a radian of turn counts as in the pose distance. */
  static final double TURN_UNITS = 2;

  /** The most of the target a starting block covers. */
  static final double START_COVERAGE_MAX = 0.2;

  /** The tip's top speed when it follows a person's pointer [m/s]. */
  static final double POINTER_MPS = 1.0;

  private static final float LINK_WIDTH_M = 0.04f;

  private final PushConfig cfg;
  private ArmParams armParams;
  private TwoLinkArm arm;
  private PushTable table;
  private final double reachScaleM;
  private final double speedScaleRadps;

  /** The T's corners in its frame, the observation's keypoints. */
  private final double[][] corners;

  // Episode state.
  private ArmState state;
  private double[] target;
  private double lastDistanceM;
  private double coverage;
  private double[] blockBody;

  public PushScenario(Config config) {
    this(config, null);
  }

  /**
   * @param expert makes the expert of this scenario (the registry's); null for none
   */
  public PushScenario(Config config, Function<? super PushScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, PushConfig.TERMS, expert);
    this.cfg = PushConfig.of(config);
    this.armParams = cfg.arm();
    this.arm = new TwoLinkArm(armParams);
    this.blockBody = new double[] {cfg.blockMass(), cfg.blockFriction()};
    this.table = new PushTable(cfg, blockBody[0], blockBody[1]);
    ArmParams largest = ArmKeys.scaled(armParams, cfg.family().maxFactors());
    this.reachScaleM = largest.maxReachM();
    this.speedScaleRadps = largest.maxSpeedRadps();
    this.corners = TShape.corners(cfg.unit());
    Spec.Builder b =
        ArmBody.channels(Spec.builder())
            .add("block.x", -1, 1)
            .add("block.y", -1, 1)
            .add("block.cos", -1, 1)
            .add("block.sin", -1, 1)
            .add("block.vx", -1, 1)
            .add("block.vy", -1, 1)
            .add("block.spin", -1, 1)
            .add("tip.block.x", -1, 1)
            .add("tip.block.y", -1, 1)
            .add("goal.dx", -1, 1)
            .add("goal.dy", -1, 1)
            .add("goal.cos", -1, 1)
            .add("goal.sin", -1, 1)
            .add("coverage", 0, 1);
    for (int k = 0; k < corners.length; k++) {
      b.add("corner." + k + ".x", -1, 1)
          .add("corner." + k + ".y", -1, 1)
          .add("corner." + k + ".gx", -1, 1)
          .add("corner." + k + ".gy", -1, 1);
    }
    Spec observation = b.build();
    specs(observation, ArmBody.actions(), cfg.family());
  }

  public PushConfig settings() {
    return cfg;
  }

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

  /** The block's pose now: x, y [m] and angle [rad]. */
  public double[] block() {
    return table.blockPose();
  }

  /** The target pose: x, y [m] and angle [rad]. */
  public double[] target() {
    return target.clone();
  }

  /** The share of the target the block covers now. */
  public double coverage() {
    return coverage;
  }

  /** This episode's block mass [kg] and table friction (the family's draw). */
  double[] blockBody() {
    return blockBody.clone();
  }

  @Override
  public float[] reset(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (cfg.family().varies()) {
      double[] f = drawBody(seed);
      armParams = ArmKeys.scaled(cfg.arm(), f);
      arm = new TwoLinkArm(armParams);
      blockBody = new double[] {cfg.blockMass() * f[5], cfg.blockFriction() * f[6]};
      table = new PushTable(cfg, blockBody[0], blockBody[1]);
    }
    target = pose(random);
    double[] block;
    do {
      block = pose(random);
    } while (TShape.coverage(cfg.unit(), block, target) > START_COVERAGE_MAX);
    double clear = TShape.circumradius(cfg.unit()) + cfg.tipRadius() + 0.02;
    double lim = armParams.elbowLimitRad();
    double[] tip;
    do {
      state = ArmState.at(random.nextDouble(-Math.PI, Math.PI), random.nextDouble(-lim, lim));
      tip = arm.tip(state);
    } while (!onTable(tip[0], tip[1], cfg.tipRadius())
        || Math.hypot(tip[0] - block[0], tip[1] - block[1]) < clear);
    table.place(block[0], block[1], block[2], tip[0], tip[1]);
    beginEpisode();
    coverage = TShape.coverage(cfg.unit(), block, target);
    lastDistanceM = poseDistance(block);
    return observe();
  }

  /** A pose of the T wholly on the table with room to turn, drawn from {@code random}. */
  private double[] pose(SplittableRandom random) {
    double h = cfg.tableSize() / 2 - TShape.circumradius(cfg.unit()) - cfg.tipRadius();
    return new double[] {
      random.nextDouble(-h, h),
      cfg.tableCentreY() + random.nextDouble(-h, h),
      random.nextDouble(-Math.PI, Math.PI)
    };
  }

  private boolean onTable(double x, double y, double margin) {
    double h = cfg.tableSize() / 2 - margin;
    return Math.abs(x) <= h && Math.abs(y - cfg.tableCentreY()) <= h;
  }

  /**
   * The distance of a pose from the target's: position plus {@value #TURN_UNITS} units a radian.
   */
  double poseDistance(double[] pose) {
    double turn = Geometry.wrapAngle(target[2] - pose[2]);
    return Math.hypot(target[0] - pose[0], target[1] - pose[1])
        + TURN_UNITS * cfg.unit() * Math.abs(turn);
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    state = arm.step(state, action[0], action[1], dt());
    double[] tip = arm.tip(state);
    table.step(tip[0], tip[1], dt());
    double[] block = table.blockPose();
    coverage = TShape.coverage(cfg.unit(), block, target);
    double d = poseDistance(block);
    double progressM = lastDistanceM - d;
    lastDistanceM = d;
    boolean success = coverage >= cfg.successCoverage();
    episode.stepped(success);
    RewardTerms terms = rewards.terms(progressM, success ? 1 : 0, 1);
    Info info = info(terms, false, success, coverage);
    return new StepResult(observe(), terms.total(), success, false, info);
  }

  private float[] observe() {
    float[] obs = new float[observationSpec().size()];
    double[] tip = arm.tip(state);
    double[] b = table.blockPose();
    double[] v = table.blockVelocity();
    double half = cfg.tableSize() / 2;
    double c = Math.cos(b[2]);
    double s = Math.sin(b[2]);
    double tx = tip[0] - b[0];
    double ty = tip[1] - b[1];
    double turn = Geometry.wrapAngle(target[2] - b[2]);
    double gx = target[0] - b[0];
    double gy = target[1] - b[1];
    int i = 0;
    i = ArmBody.observe(obs, i, arm, state, reachScaleM, speedScaleRadps);
    obs[i++] = Geometry.clamp(b[0] / half, -1, 1);
    obs[i++] = Geometry.clamp((b[1] - cfg.tableCentreY()) / half, -1, 1);
    obs[i++] = (float) c;
    obs[i++] = (float) s;
    obs[i++] = Geometry.clamp(v[0], -1, 1);
    obs[i++] = Geometry.clamp(v[1], -1, 1);
    obs[i++] = Geometry.clamp(v[2] / (2 * Math.PI), -1, 1);
    obs[i++] = Geometry.clamp((c * tx + s * ty) / half, -1, 1);
    obs[i++] = Geometry.clamp((-s * tx + c * ty) / half, -1, 1);
    obs[i++] = Geometry.clamp((c * gx + s * gy) / cfg.tableSize(), -1, 1);
    obs[i++] = Geometry.clamp((-s * gx + c * gy) / cfg.tableSize(), -1, 1);
    obs[i++] = (float) Math.cos(turn);
    obs[i++] = (float) Math.sin(turn);
    obs[i++] = (float) coverage;
    double side = cfg.tableSize();
    double tc = Math.cos(target[2]);
    double ts = Math.sin(target[2]);
    for (double[] k : corners) {
      double px = b[0] + c * k[0] - s * k[1];
      double py = b[1] + s * k[0] + c * k[1];
      double qx = target[0] + tc * k[0] - ts * k[1];
      double qy = target[1] + ts * k[0] + tc * k[1];
      obs[i++] = Geometry.clamp((px - tip[0]) / side, -1, 1);
      obs[i++] = Geometry.clamp((py - tip[1]) / side, -1, 1);
      obs[i++] = Geometry.clamp((qx - px) / side, -1, 1);
      obs[i++] = Geometry.clamp((qy - py) / side, -1, 1);
    }
    return withBody(obs);
  }

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
    double turn = Geometry.wrapAngle(target[2] - table.blockPose()[2]);
    return new Telemetry(
        NAME,
        arm.tipSpeedMps(state),
        Double.NaN,
        tip[0],
        tip[1],
        List.of(
            new Telemetry.Reading("coverage", 100 * coverage, "%"),
            new Telemetry.Reading("turn", Math.toDegrees(turn), "deg")));
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    double half = cfg.tableSize() / 2 + PushTable.WALL_M + 0.1;
    double cy = cfg.tableCentreY();
    List<Shape> fg = new ArrayList<>();
    double[] b = table.blockPose();
    for (double[] box : TShape.placed(cfg.unit(), b[0], b[1], b[2])) {
      fg.add(new Shape.Polygon(floats(box), Layer.OBSTACLE));
    }
    ArmBody.draw(fg, arm, state, LINK_WIDTH_M, (float) cfg.tipRadius());
    double[] tip = arm.tip(state);
    return new Scene(
        -half,
        cy - half,
        half,
        cy + half,
        background(this::backgroundOf),
        Collections.unmodifiableList(fg),
        (float) Math.max(-half, Math.min(half, tip[0])),
        (float) Math.max(cy - half, Math.min(cy + half, tip[1])));
  }

  private static float[] floats(double[] xy) {
    float[] f = new float[xy.length];
    for (int i = 0; i < xy.length; i++) {
      f[i] = (float) xy[i];
    }
    return f;
  }

  /** The table, its walls and the target, which stays where it is all the episode. */
  private List<Shape> backgroundOf() {
    List<Shape> bg = new ArrayList<>();
    float h = (float) (cfg.tableSize() / 2);
    float cy = (float) cfg.tableCentreY();
    float[] edge = {-h, cy - h, h, cy - h, h, cy + h, -h, cy + h};
    bg.add(new Shape.Polygon(edge, Layer.GROUND));
    bg.add(new Shape.Polyline(edge.clone(), true, Layer.WALL)); // the walls' inner faces
    for (double[] box : TShape.placed(cfg.unit(), target[0], target[1], target[2])) {
      bg.add(new Shape.Polygon(floats(box), Layer.GOAL));
    }
    return Collections.unmodifiableList(bg);
  }
}
