package dev.ugoki.sim.scenario;

import dev.ugoki.sim.body.BicycleModel;
import dev.ugoki.sim.body.CarDrawing;
import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import dev.ugoki.sim.sensor.Lidar;
import dev.ugoki.sim.world.Track;
import dev.ugoki.sim.world.TrackDrawing;
import dev.ugoki.sim.world.TrackGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code race}: a car laps a closed track generated from the seed.
 *
 * <h2>Action space</h2>
 *
 * Two channels in [-1, 1]: {@code steer} (front-wheel angle command as a fraction of the largest
 * angle, positive to the left; the wheels turn toward it at the steering rate) and {@code throttle}
 * (positive accelerates, negative brakes; the car does not reverse).
 *
 * <h2>Observation space</h2>
 *
 * {@code lidar.00}..{@code lidar.NN} in [0, 1]: distance to the wall along each ray over the range,
 * rays spread over the field of view from right to left; {@code speed} in [0, 1]: speed over top
 * speed; {@code steer} in [-1, 1]: wheel angle over the largest angle; {@code yaw_rate} in [-1, 1]:
 * over the car's largest reachable yaw rate; {@code heading_error} in [-1, 1]: the car's heading
 * minus the track's, over pi; {@code lateral_error} in [-1, 1]: offset from the centerline (left
 * positive) over the half-width; {@code curv.10}, {@code curv.25}, {@code curv.50} in [-1, 1]: the
 * track's curvature 10, 25 and 50 m ahead over the tightest curvature the generator allows.
 *
 * <h2>Rewards</h2>
 *
 * Named terms, each multiplied by its {@code reward.*} weight: {@code progress}, metres advanced
 * along the centerline (negative when driving backwards); {@code crash}, 1 on the step the car hits
 * a wall; {@code lap}, 1 on the step a lap is completed; {@code steer_change}, the absolute change
 * of the steering command; {@code time}, 1 per step.
 *
 * <h2>Starting state</h2>
 *
 * A new track from the seed (or the fixed {@code track.seed}); the car at rest on the centerline,
 * facing along the track, at a random place along the lap ({@code race.random_start}) or at s = 0.
 *
 * <h2>Episode end</h2>
 *
 * Terminated on a crash (the car stops at its last free pose: it never passes through a wall) or
 * when {@code race.laps} laps are done (success). Truncated by the registry's time limit ({@code
 * max_steps}).
 *
 * <h2>Version history</h2>
 *
 * v1: first version.
 */
public final class RaceScenario implements Scenario {
  public static final String NAME = "race";
  public static final int VERSION = 1;

  /** Distances ahead at which the track's curvature is observed [m]. */
  private static final double[] PREVIEW_M = {10, 25, 50};

  private static final List<String> TERMS =
      List.of("progress", "crash", "lap", "steer_change", "time");

  /** Trail points kept, one every {@link #TRAIL_EVERY} steps. */
  private static final int TRAIL_POINTS = 240;

  private static final int TRAIL_EVERY = 5;

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 2000));
    p.addAll(
        List.of(
            Param.integer(
                "track.seed",
                -1,
                -1,
                Integer.MAX_VALUE,
                "fixed track seed; -1 draws a new track from every reset seed"),
            Param.real(
                "track.radius", 100, 40, 1000, "typical distance of the track from its middle [m]"),
            Param.real("track.width_min", 9, 4, 50, "narrowest track width [m]"),
            Param.real("track.width_max", 14, 4, 50, "widest track width [m]"),
            Param.integer("race.laps", 1, 1, 100, "laps that complete the episode"),
            Param.bool("race.random_start", true, "start at a random place along the lap"),
            Param.integer("lidar.rays", 32, 1, 1024, "lidar rays"),
            Param.real("lidar.fov_deg", 240, 1, 360, "lidar field of view [deg]"),
            Param.real("lidar.range", 40, 1, 500, "lidar range [m]"),
            Param.real(
                "lidar.noise", 0, 0, 0.5, "lidar range noise, standard deviation over the range"),
            Param.real("lidar.dropout", 0, 0, 0.99, "probability that a ray returns nothing"),
            Param.real("car.max_speed", 25, 1, 100, "top speed [m/s]"),
            Param.real("car.max_accel", 6, 0.1, 50, "acceleration at full throttle [m/s^2]"),
            Param.real("car.max_brake", 10, 0.1, 50, "deceleration at full brake [m/s^2]"),
            Param.real("car.max_steer_deg", 30, 1, 60, "largest front-wheel angle [deg]"),
            Param.real("car.steer_rate_deg", 120, 1, 2000, "front-wheel turning rate [deg/s]"),
            Param.real(
                "car.wheelbase",
                2.6,
                0.5,
                3.6,
                "distance between the axles [m] (the body is 4 m long)"),
            Param.real(
                "car.friction", 1.0, 0.1, 3, "tire friction coefficient (lateral grip mu * g)"),
            Param.real(
                "dr.friction",
                0,
                0,
                0.9,
                "domain randomization: each episode scales "
                    + "car.friction by a factor in [1 - this, 1 + this] (the expert plans with the nominal)"),
            Param.real("reward.progress", 0.1, -100, 100, "weight per metre along the centerline"),
            Param.real("reward.crash", -10, -1000, 1000, "weight of a crash"),
            Param.real("reward.lap", 10, -1000, 1000, "weight of a completed lap"),
            Param.real(
                "reward.steer_change",
                -0.02,
                -100,
                100,
                "weight per unit change of the steering command"),
            Param.real("reward.time", 0, -100, 100, "weight per step")));
    return List.copyOf(p);
  }

  private final Config config;
  private final Function<? super RaceScenario, ? extends Expert> expert;
  private final double dt;
  private final TrackGenerator.Params trackParams;
  private final CarParams car;

  /** The car's dynamics this episode: the nominal car's, or with randomized friction. */
  private BicycleModel model;

  /** Decorrelates the friction draw from the episode's main stream. */
  private static final long FRICTION_SALT = 0xBB67AE8584CAA73BL;

  private final Lidar lidar;
  private final Spec observationSpec;
  private final Spec actionSpec;
  private final double[] discOffsets;
  private final double[] weights;
  private final double maxCurvature;

  private SplittableRandom random;
  private Track track;
  private CarState state;
  private Track.Projection where;
  private double startS;
  private double progressM;
  private int lapsCredited;
  private double lastSteerCmd;
  private int steps;
  private boolean started;
  private boolean ended;
  private List<Shape> background;
  private final float[] trail = new float[2 * TRAIL_POINTS];
  private int trailCount;
  private int trailHead;

  /** A scenario without an expert (its {@link #expert()} is refused): for tests of the world. */
  public RaceScenario(Config config) {
    this(config, null);
  }

  /**
   * @param expert makes the expert of this scenario (the registry's, {@link
   *     dev.ugoki.sim.registry.Scenarios}); null for none
   */
  public RaceScenario(Config config, Function<? super RaceScenario, ? extends Expert> expert) {
    this.expert = expert;
    if (!config.owner().equals(NAME)) {
      throw new IllegalArgumentException("config is for " + config.owner() + ", not " + NAME);
    }
    this.config = config;
    this.dt = config.real(CommonParams.DT);
    if (config.real("track.width_min") > config.real("track.width_max")) {
      throw new IllegalArgumentException(
          NAME
              + ": track.width_min = "
              + config.real("track.width_min")
              + " is larger than track.width_max = "
              + config.real("track.width_max"));
    }
    if (config.real("track.width_max") > config.real("track.radius") / 4) {
      throw new IllegalArgumentException(
          NAME
              + ": track.width_max = "
              + config.real("track.width_max")
              + " is more than a quarter of track.radius = "
              + config.real("track.radius")
              + ": the corners would not fit");
    }
    this.trackParams =
        new TrackGenerator.Params(
            config.real("track.radius"),
            config.real("track.width_min"),
            config.real("track.width_max"));
    CarParams standard = CarParams.standard();
    this.car =
        new CarParams(
            config.real("car.wheelbase"),
            standard.lengthM(),
            standard.widthM(),
            standard.rearOverhangM(),
            config.real("car.max_speed"),
            config.real("car.max_accel"),
            config.real("car.max_brake"),
            Math.toRadians(config.real("car.max_steer_deg")),
            Math.toRadians(config.real("car.steer_rate_deg")),
            config.real("car.friction"));
    if (car.wheelbaseM() >= car.lengthM()) {
      throw new IllegalArgumentException(
          NAME
              + ": car.wheelbase = "
              + car.wheelbaseM()
              + " must be shorter than the car's length "
              + car.lengthM()
              + " m");
    }
    this.model = new BicycleModel(car);
    this.lidar =
        new Lidar(
            config.integer("lidar.rays"),
            Math.toRadians(config.real("lidar.fov_deg")),
            config.real("lidar.range"),
            config.real("lidar.noise"),
            config.real("lidar.dropout"));
    this.discOffsets = car.discOffsetsM();
    this.maxCurvature = 1 / TrackGenerator.minCornerRadiusM(trackParams);
    this.weights =
        new double[] {
          config.real("reward.progress"),
          config.real("reward.crash"),
          config.real("reward.lap"),
          config.real("reward.steer_change"),
          config.real("reward.time")
        };
    this.observationSpec =
        Spec.builder()
            .addSeries("lidar", lidar.rays(), 0, 1)
            .add("speed", 0, 1)
            .add("steer", -1, 1)
            .add("yaw_rate", -1, 1)
            .add("heading_error", -1, 1)
            .add("lateral_error", -1, 1)
            .add("curv.10", -1, 1)
            .add("curv.25", -1, 1)
            .add("curv.50", -1, 1)
            .build();
    this.actionSpec = Spec.builder().add("steer", -1, 1).add("throttle", -1, 1).build();
  }

  /** A race scenario with the default configuration. */
  public RaceScenario() {
    this(Config.defaults(NAME, PARAMS));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int version() {
    return VERSION;
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public double dt() {
    return dt;
  }

  @Override
  public Spec observationSpec() {
    return observationSpec;
  }

  @Override
  public Spec actionSpec() {
    return actionSpec;
  }

  @Override
  public Expert expert() {
    return Scenario.requireExpert(this, expert);
  }

  public Track track() {
    requireStarted();
    return track;
  }

  public CarState car() {
    requireStarted();
    return state;
  }

  public CarParams carParams() {
    return car;
  }

  /** Metres driven along the centerline since the start of the episode. */
  public double progressM() {
    return progressM;
  }

  /** Arc length of the car's middle along the centerline [m]. */
  public double trackPositionM() {
    requireStarted();
    return where.s();
  }

  @Override
  public float[] reset(long seed) {
    return reset(seed, null);
  }

  /**
   * Starts an episode on the seed's track with the car in a given state, for tests, tools and the
   * desktop app; {@code start == null} places it as {@link #reset(long)} does. The car must stand
   * on the track, clear of the walls.
   */
  public float[] reset(long seed, CarState start) {
    random = new SplittableRandom(seed);
    double dr = config.real("dr.friction");
    if (dr > 0) {
      double f = 1 + dr * (2 * new SplittableRandom(seed ^ FRICTION_SALT).nextDouble() - 1);
      model =
          new BicycleModel(
              new CarParams(
                  car.wheelbaseM(),
                  car.lengthM(),
                  car.widthM(),
                  car.rearOverhangM(),
                  car.maxSpeedMps(),
                  car.maxAccelMps2(),
                  car.maxBrakeMps2(),
                  car.maxSteerRad(),
                  car.steerRateRadps(),
                  car.frictionMu() * f));
    }
    long trackSeed =
        config.integer("track.seed") >= 0 ? config.integer("track.seed") : random.nextLong();
    if (track == null || track.seed() != trackSeed) {
      track = TrackGenerator.generate(trackSeed, trackParams);
    }
    startS = config.bool("race.random_start") ? random.nextDouble() * track.length() : 0;
    if (start == null) {
      double[] p = track.pointAt(startS);
      double h = track.headingAt(startS);
      double off = car.centerOffsetM();
      state = CarState.at(p[0] - off * Math.cos(h), p[1] - off * Math.sin(h), h, 0);
    } else {
      if (!(start.speedMps() >= 0 && start.speedMps() <= car.maxSpeedMps())
          || !(Math.abs(start.steerRad()) <= car.maxSteerRad())
          || !Double.isFinite(start.x() + start.y() + start.heading() + start.yawRateRadps())) {
        started = false;
        throw new IllegalArgumentException(
            NAME
                + ": start state "
                + start
                + " has a speed outside"
                + " [0, "
                + car.maxSpeedMps()
                + "] m/s, a wheel angle beyond "
                + car.maxSteerRad()
                + " rad or a non-finite value");
      }
      state = start;
      if (!discsOnSurface(start) || sweepHitsWall(start, start)) {
        started = false;
        throw new IllegalArgumentException(
            NAME + ": start state " + start + " is off the track or touches a wall");
      }
    }
    where = track.project(centerX(), centerY(), -1);
    startS = start == null ? startS : where.s();
    progressM = 0;
    lapsCredited = 0;
    lastSteerCmd = 0;
    steps = 0;
    started = true;
    ended = false;
    background = null;
    trailCount = 0;
    trailHead = 0;
    return observe();
  }

  @Override
  public StepResult step(float[] action) {
    if (!started) {
      throw new IllegalStateException(NAME + ": step() before reset(seed)");
    }
    if (ended) {
      throw new IllegalStateException(NAME + ": step() after the episode ended; call reset(seed)");
    }
    actionSpec.checkAction(action);
    CarState next = model.step(state, action[0], action[1], dt);
    boolean crashed = sweepHitsWall(state, next);
    state = crashed ? state.stopped() : next;
    steps++;

    double cx = centerX();
    double cy = centerY();
    Track.Projection now = track.project(cx, cy, where.segment());
    double ds = now.s() - where.s();
    double half = track.length() / 2;
    ds += ds < -half ? track.length() : (ds > half ? -track.length() : 0);
    progressM += ds;
    where = now;
    int laps = config.integer("race.laps");
    // A lap pays once: backing over a line already crossed and crossing it again pays nothing.
    int lapsNow = (int) Math.floor(progressM / track.length());
    boolean lapDone = lapsNow > lapsCredited;
    if (lapDone) {
      lapsCredited = lapsNow;
    }
    boolean success = progressM >= laps * track.length();

    double[] raw = {ds, crashed ? 1 : 0, lapDone ? 1 : 0, Math.abs(action[0] - lastSteerCmd), 1};
    lastSteerCmd = action[0];
    double[] terms = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      terms[i] = weights[i] * raw[i];
    }
    RewardTerms rewardTerms = new RewardTerms(TERMS, terms);
    if (steps % TRAIL_EVERY == 0) {
      trail[2 * trailHead] = (float) cx;
      trail[2 * trailHead + 1] = (float) cy;
      trailHead = (trailHead + 1) % TRAIL_POINTS;
      trailCount = Math.min(TRAIL_POINTS, trailCount + 1);
    }
    boolean terminated = crashed || success;
    ended = terminated;
    Info info = new Info(rewardTerms, crashed, success, progressM / track.length(), steps * dt);
    return new StepResult(observe(), rewardTerms.total(), terminated, false, info);
  }

  private boolean discsOnSurface(CarState s) {
    for (double off : discOffsets) {
      if (!track.onSurface(
          s.x() + off * Math.cos(s.heading()), s.y() + off * Math.sin(s.heading()))) {
        return false;
      }
    }
    return true;
  }

  /** True when any collision disc, swept from its old to its new place, touches a wall. */
  private boolean sweepHitsWall(CarState from, CarState to) {
    double c0 = Math.cos(from.heading());
    double s0 = Math.sin(from.heading());
    double c1 = Math.cos(to.heading());
    double s1 = Math.sin(to.heading());
    for (double off : discOffsets) {
      if (track
          .walls()
          .sweepHits(
              from.x() + off * c0,
              from.y() + off * s0,
              to.x() + off * c1,
              to.y() + off * s1,
              car.discRadiusM())) {
        return true;
      }
    }
    return false;
  }

  private double centerX() {
    return state.x() + car.centerOffsetM() * Math.cos(state.heading());
  }

  private double centerY() {
    return state.y() + car.centerOffsetM() * Math.sin(state.heading());
  }

  private float[] observe() {
    float[] obs = new float[observationSpec.size()];
    double cx = centerX();
    double cy = centerY();
    lidar.scan(track.walls(), cx, cy, state.heading(), random, obs, 0);
    int i = lidar.rays();
    obs[i++] = clamp(state.speedMps() / car.maxSpeedMps(), 0, 1);
    obs[i++] = clamp(state.steerRad() / car.maxSteerRad(), -1, 1);
    obs[i++] = clamp(state.yawRateRadps() / car.maxYawRateRadps(), -1, 1);
    obs[i++] = clamp(Geometry.wrapAngle(state.heading() - where.headingRad()) / Math.PI, -1, 1);
    obs[i++] = clamp(where.lateralM() / where.halfWidthM(), -1, 1);
    for (double ahead : PREVIEW_M) {
      obs[i++] = clamp(track.curvatureAt(where.s() + ahead) / maxCurvature, -1, 1);
    }
    return obs;
  }

  private static float clamp(double v, double lo, double hi) {
    return (float) Math.max(lo, Math.min(hi, v));
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException(NAME + ": call reset(seed) first");
    }
  }

  @Override
  public Scene scene() {
    requireStarted();
    if (background == null) {
      background = TrackDrawing.background(track, startS);
    }
    List<Shape> fg = new ArrayList<>();
    float[] pts = new float[2 * trailCount];
    for (int k = 0; k < trailCount; k++) {
      int idx = Math.floorMod(trailHead - trailCount + k, TRAIL_POINTS);
      pts[2 * k] = trail[2 * idx];
      pts[2 * k + 1] = trail[2 * idx + 1];
    }
    if (trailCount > 1) {
      fg.add(new Shape.Polyline(pts, false, Layer.TRAIL));
    }
    double cx = centerX();
    double cy = centerY();
    lidar.drawRays(fg, cx, cy, state.heading());
    CarDrawing.add(fg, car, state);
    double[] b = TrackDrawing.bounds(track);
    return new Scene(b[0], b[1], b[2], b[3], background, List.copyOf(fg), cx, cy);
  }
}
