package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scenario.LidarParams;
import dev.ugoki.sim.scenario.ScenarioBase;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import dev.ugoki.sim.scene.Trail;
import dev.ugoki.sim.sensor.Lidar;
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
 * <h2>Dynamics</h2>
 *
 * The car moves as a kinematic bicycle ({@link dev.ugoki.sim.body.BicycleModel}: it never slides
 * sideways; asked for more grip than it has, it turns less), or with {@code car.dynamic} as the
 * dynamic single track ({@link dev.ugoki.sim.body.SingleTrackModel}: sideways slip, yaw inertia and
 * tire forces up to the friction limit, so it slides and spins). The observation is the same either
 * way.
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
public final class RaceScenario extends ScenarioBase<RaceScenario> {
  public static final String NAME = "race";
  public static final int VERSION = 1;

  /** Trail points kept, and the distance between them [m]: about a lap. */
  private static final int TRAIL_POINTS = 240;

  private static final double TRAIL_SPACING_M = 5;

  private final RaceConfig cfg;

  /** The scales of the speed, wheel-angle and yaw-rate observations: the family's largest car. */
  private final CarParams scale;

  private final Lidar lidar;
  private final Trail trail = new Trail(TRAIL_POINTS, TRAIL_SPACING_M);

  /** This episode's car, drawn from the family (the nominal car before the first reset). */
  private CarParams car;

  private final double maxCurvature;

  private SplittableRandom random;
  private Track track;

  /** The car on the track this episode. */
  private RaceCar racer;

  private double startS;
  private double lastSteerCmd;
  private boolean changed;

  /** A race scenario with the default configuration and no expert. */
  public RaceScenario() {
    this(Config.defaults(NAME, RaceConfig.PARAMS));
  }

  /** A scenario without an expert (its {@link #expert()} is refused): for tests of the world. */
  public RaceScenario(Config config) {
    this(config, null);
  }

  /**
   * @param expert makes the expert of this scenario (the registry's, {@link
   *     dev.ugoki.sim.registry.Scenarios}); null for none
   */
  public RaceScenario(Config config, Function<? super RaceScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, RaceConfig.TERMS, expert);
    this.cfg = RaceConfig.of(config);
    this.car = cfg.car();
    double[] widest = cfg.family().maxFactors();
    widest[widest.length - 1] = 1; // grip does not scale an observation
    this.scale = RaceConfig.scaled(car, widest);
    this.lidar = LidarParams.lidar(config);
    this.maxCurvature = 1 / TrackGenerator.minCornerRadiusM(cfg.track());
    specs(
        RaceCar.channels(Spec.builder(), lidar.rays()).build(),
        Spec.builder().add("steer", -1, 1).add("throttle", -1, 1).build(),
        cfg.family());
  }

  public Track track() {
    episode.requireStarted();
    return track;
  }

  public CarState car() {
    episode.requireStarted();
    return racer.state();
  }

  /** The car on the track this episode (its expert drives it). */
  RaceCar racer() {
    episode.requireStarted();
    return racer;
  }

  /** This episode's car: the family's draw for its seed (the nominal car before a reset). */
  public CarParams carParams() {
    return car;
  }

  /** Metres driven along the centerline since the start of the episode. */
  public double progressM() {
    return racer == null ? 0 : racer.progressM();
  }

  /** Arc length of the car's middle along the centerline [m]. */
  public double trackPositionM() {
    episode.requireStarted();
    return racer.where().s();
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
    car = RaceConfig.scaled(cfg.car(), drawBody(seed));
    long trackSeed = cfg.trackSeed() >= 0 ? cfg.trackSeed() : random.nextLong();
    if (track == null || track.seed() != trackSeed) {
      track = TrackGenerator.generate(trackSeed, cfg.track());
    }
    startS = cfg.randomStart() ? random.nextDouble() * track.length() : 0;
    if (start == null) {
      racer = new RaceCar(track, car, cfg.dynamic(), RaceCar.onCenterline(track, car, startS));
    } else {
      if (!(start.speedMps() >= 0 && start.speedMps() <= car.maxSpeedMps())
          || !(Math.abs(start.steerRad()) <= car.maxSteerRad())
          || !Double.isFinite(start.x() + start.y() + start.heading() + start.yawRateRadps())) {
        episode.abort();
        throw new IllegalArgumentException(
            NAME
                + ": start state "
                + start
                + " has a speed outside [0, "
                + car.maxSpeedMps()
                + "] m/s, a wheel angle beyond "
                + car.maxSteerRad()
                + " rad or a non-finite value");
      }
      try {
        racer = new RaceCar(track, car, cfg.dynamic(), start);
      } catch (IllegalArgumentException e) {
        episode.abort();
        throw new IllegalArgumentException(NAME + ": " + e.getMessage(), e);
      }
      startS = racer.where().s();
    }
    lastSteerCmd = 0;
    changed = false;
    beginEpisode();
    trail.clear();
    return observe();
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    if (!changed && cfg.changeAtS() > 0 && episode.steps() * dt() >= cfg.changeAtS()) {
      // the body changes under the policy, unannounced: grip drops (or rises) from here on
      car = RaceConfig.scaled(car, new double[] {1, 1, 1, 1, 1, 1, cfg.changeFriction()});
      racer.setCar(car);
      changeBody(RaceConfig.FRICTION_DIM, cfg.changeFriction());
      changed = true;
    }
    RaceCar.Moved moved = racer.commit(racer.propose(action[0], action[1], dt()));
    boolean crashed = moved.crashed();
    boolean success = racer.progressM() >= cfg.laps() * track.length();
    RewardTerms terms =
        rewards.terms(
            moved.progressM(),
            crashed ? 1 : 0,
            moved.lapDone() ? 1 : 0,
            Math.abs(action[0] - lastSteerCmd),
            1);
    lastSteerCmd = action[0];
    trail.add(racer.centerX(), racer.centerY());
    boolean terminated = crashed || success;
    episode.stepped(terminated);
    Info info = info(terms, crashed, success, racer.progressM() / track.length());
    return new StepResult(observe(), terms.total(), terminated, false, info);
  }

  private float[] observe() {
    float[] obs = new float[observationSpec().size()];
    racer.observe(lidar, null, random, scale, maxCurvature, obs, 0);
    return withBody(obs);
  }

  @Override
  public Telemetry telemetry() {
    episode.requireStarted();
    CarState state = racer.state();
    return new Telemetry(
        NAME,
        state.speedMps(),
        state.heading(),
        racer.centerX(),
        racer.centerY(),
        List.of(new Telemetry.Reading("steer", Math.toDegrees(state.steerRad()), "deg")));
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    List<Shape> fg = new ArrayList<>();
    Shape path = trail.shape();
    if (path != null) {
      fg.add(path);
    }
    double cx = racer.centerX();
    double cy = racer.centerY();
    lidar.drawRays(fg, cx, cy, racer.state().heading());
    CarDrawing.add(fg, car, racer.state());
    double[] b = TrackDrawing.bounds(track);
    return new Scene(
        b[0],
        b[1],
        b[2],
        b[3],
        background(() -> TrackDrawing.background(track, startS)),
        List.copyOf(fg),
        cx,
        cy);
  }
}
