package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.BodyFamily;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.LidarParams;
import dev.ugoki.sim.scenario.RewardWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code race} scenario's configuration, typed and checked once: its keys ({@link #PARAMS},
 * with defaults, ranges and meanings) and the values a config gives them. The reward weights are
 * read by {@link RewardWeights}, the lidar's by {@link LidarParams}.
 *
 * @param trackSeed a fixed track seed, or -1 for a new track from every reset seed
 * @param track the track generator's settings
 * @param laps laps that complete the episode
 * @param randomStart start at a random place along the lap
 * @param car the nominal car
 * @param dynamic the dynamic single-track model ({@link dev.ugoki.sim.body.SingleTrackModel}), not
 *     the kinematic bicycle
 * @param family the family of cars episodes draw from: wheelbase, top speed, acceleration, braking,
 *     steering limit and rate, tire friction (in that order), each around the nominal car
 * @param changeAtS when the body changes mid-episode [s]; 0: never
 * @param changeFriction the factor on the tire friction from then on
 */
public record RaceConfig(
    long trackSeed,
    TrackGenerator.Params track,
    int laps,
    boolean randomStart,
    CarParams car,
    boolean dynamic,
    BodyFamily family,
    double changeAtS,
    double changeFriction) {

  public static final String TRACK_SEED = "track.seed";
  public static final String TRACK_RADIUS = "track.radius";
  public static final String TRACK_WIDTH_MIN = "track.width_min";
  public static final String TRACK_WIDTH_MAX = "track.width_max";
  public static final String LAPS = "race.laps";
  public static final String RANDOM_START = "race.random_start";
  public static final String CAR_MAX_SPEED = "car.max_speed";
  public static final String CAR_MAX_ACCEL = "car.max_accel";
  public static final String CAR_MAX_BRAKE = "car.max_brake";
  public static final String CAR_MAX_STEER_DEG = "car.max_steer_deg";
  public static final String CAR_STEER_RATE_DEG = "car.steer_rate_deg";
  public static final String CAR_WHEELBASE = "car.wheelbase";
  public static final String CAR_FRICTION = "car.friction";
  public static final String CAR_DYNAMIC = "car.dynamic";
  public static final String DR_FRICTION = "dr.friction";
  public static final String BODY_WHEELBASE = "body.wheelbase";
  public static final String BODY_MAX_SPEED = "body.max_speed";
  public static final String BODY_MAX_ACCEL = "body.max_accel";
  public static final String BODY_MAX_BRAKE = "body.max_brake";
  public static final String BODY_MAX_STEER = "body.max_steer";
  public static final String BODY_STEER_RATE = "body.steer_rate";
  public static final String BODY_CHANGE_AT = "body.change_at";

  /** The tire friction's place among the family's parameters (the last). */
  static final int FRICTION_DIM = 6;

  public static final String BODY_CHANGE_FRICTION = "body.change_friction";

  /** The friction draw's salt: the stream dr.friction has always drawn from. */
  private static final long FRICTION_SALT = 0xBB67AE8584CAA73BL;

  /** The reward's terms, each weighted by {@code reward.NAME}. */
  public static final List<String> TERMS =
      List.of("progress", "crash", "lap", "steer_change", "time");

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 2000));
    p.addAll(
        List.of(
            Param.integer(
                TRACK_SEED,
                -1,
                -1,
                Integer.MAX_VALUE,
                "fixed track seed; -1 draws a new track from every reset seed"),
            Param.real(
                TRACK_RADIUS, 100, 40, 1000, "typical distance of the track from its middle [m]"),
            Param.real(TRACK_WIDTH_MIN, 9, 4, 50, "narrowest track width [m]"),
            Param.real(TRACK_WIDTH_MAX, 14, 4, 50, "widest track width [m]"),
            Param.integer(LAPS, 1, 1, 100, "laps that complete the episode"),
            Param.bool(RANDOM_START, true, "start at a random place along the lap"),
            Param.integer(LidarParams.RAYS, 32, 1, 1024, "lidar rays"),
            Param.real(LidarParams.FOV_DEG, 240, 1, 360, "lidar field of view [deg]"),
            Param.real(LidarParams.RANGE, 40, 1, 500, "lidar range [m]"),
            Param.real(
                LidarParams.NOISE,
                0,
                0,
                0.5,
                "lidar range noise, standard deviation over the range"),
            Param.real(LidarParams.DROPOUT, 0, 0, 0.99, "probability that a ray returns nothing"),
            Param.real(CAR_MAX_SPEED, 25, 1, 100, "top speed [m/s]"),
            Param.real(CAR_MAX_ACCEL, 6, 0.1, 50, "acceleration at full throttle [m/s^2]"),
            Param.real(CAR_MAX_BRAKE, 10, 0.1, 50, "deceleration at full brake [m/s^2]"),
            Param.real(CAR_MAX_STEER_DEG, 30, 1, 60, "largest front-wheel angle [deg]"),
            Param.real(CAR_STEER_RATE_DEG, 120, 1, 2000, "front-wheel turning rate [deg/s]"),
            Param.real(
                CAR_WHEELBASE,
                2.6,
                0.5,
                3.6,
                "distance between the axles [m] (the body is 4 m long)"),
            Param.real(
                CAR_FRICTION, 1.0, 0.1, 3, "tire friction coefficient (lateral grip mu * g)"),
            Param.bool(
                CAR_DYNAMIC,
                false,
                "the dynamic single-track model (sideways slip, yaw inertia, tire forces up to the"
                    + " friction limit: the car slides) instead of the kinematic bicycle"),
            Param.real(
                DR_FRICTION,
                0,
                0,
                0.9,
                "car family: each episode scales car.friction by a factor in [1 - this, 1 + this]"
                    + " (the expert plans with the episode's)"),
            BodyFamily.spread("car", BODY_WHEELBASE, 0.3, "car.wheelbase"),
            BodyFamily.spread("car", BODY_MAX_SPEED, 0.6, "car.max_speed"),
            BodyFamily.spread("car", BODY_MAX_ACCEL, 0.9, "car.max_accel"),
            BodyFamily.spread("car", BODY_MAX_BRAKE, 0.9, "car.max_brake"),
            BodyFamily.spread("car", BODY_MAX_STEER, 0.5, "car.max_steer_deg"),
            BodyFamily.spread("car", BODY_STEER_RATE, 0.9, "car.steer_rate_deg"),
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
    p.add(
        Param.real(
            BODY_CHANGE_AT,
            0,
            0,
            100_000,
            "the body changes mid-episode after this many seconds (0: never)"));
    p.add(
        Param.real(
            BODY_CHANGE_FRICTION,
            1,
            0.1,
            3,
            "from body.change_at on, the tire friction is this times the episode's"));
    p.addAll(BodyFamily.params());
    return List.copyOf(p);
  }

  /**
   * The values of {@code c}, checked across keys: the track's widths in order and narrow enough for
   * its corners, the wheelbase shorter than the body.
   */
  public static RaceConfig of(Config c) {
    String name = RaceScenario.NAME;
    if (c.real(TRACK_WIDTH_MIN) > c.real(TRACK_WIDTH_MAX)) {
      throw new IllegalArgumentException(
          name
              + ": "
              + TRACK_WIDTH_MIN
              + " = "
              + c.real(TRACK_WIDTH_MIN)
              + " is larger than "
              + TRACK_WIDTH_MAX
              + " = "
              + c.real(TRACK_WIDTH_MAX));
    }
    if (c.real(TRACK_WIDTH_MAX) > c.real(TRACK_RADIUS) / 4) {
      throw new IllegalArgumentException(
          name
              + ": "
              + TRACK_WIDTH_MAX
              + " = "
              + c.real(TRACK_WIDTH_MAX)
              + " is more than a quarter of "
              + TRACK_RADIUS
              + " = "
              + c.real(TRACK_RADIUS)
              + ": the corners would not fit");
    }
    CarParams standard = CarParams.standard();
    CarParams car =
        new CarParams(
            c.real(CAR_WHEELBASE),
            standard.lengthM(),
            standard.widthM(),
            standard.rearOverhangM(),
            c.real(CAR_MAX_SPEED),
            c.real(CAR_MAX_ACCEL),
            c.real(CAR_MAX_BRAKE),
            Math.toRadians(c.real(CAR_MAX_STEER_DEG)),
            Math.toRadians(c.real(CAR_STEER_RATE_DEG)),
            c.real(CAR_FRICTION));
    double longest = car.wheelbaseM() * (1 + c.real(BODY_WHEELBASE));
    if (longest >= car.lengthM()) {
      throw new IllegalArgumentException(
          name
              + ": "
              + CAR_WHEELBASE
              + " = "
              + car.wheelbaseM()
              + (c.real(BODY_WHEELBASE) > 0 ? " x (1 + " + BODY_WHEELBASE + ")" : "")
              + " must be shorter than the car's length "
              + car.lengthM()
              + " m");
    }
    if (Math.toDegrees(car.maxSteerRad()) * (1 + c.real(BODY_MAX_STEER)) >= 90) {
      throw new IllegalArgumentException(
          name + ": " + CAR_MAX_STEER_DEG + " x (1 + " + BODY_MAX_STEER + ") must stay below 90");
    }
    BodyFamily family =
        BodyFamily.of(
            c,
            List.of(
                new BodyFamily.Dim(BODY_WHEELBASE, c.real(BODY_WHEELBASE), 0x6A09E667F3BCC908L),
                new BodyFamily.Dim(BODY_MAX_SPEED, c.real(BODY_MAX_SPEED), 0x3C6EF372FE94F82BL),
                new BodyFamily.Dim(BODY_MAX_ACCEL, c.real(BODY_MAX_ACCEL), 0xA54FF53A5F1D36F1L),
                new BodyFamily.Dim(BODY_MAX_BRAKE, c.real(BODY_MAX_BRAKE), 0x510E527FADE682D1L),
                new BodyFamily.Dim(BODY_MAX_STEER, c.real(BODY_MAX_STEER), 0x9B05688C2B3E6C1FL),
                new BodyFamily.Dim(BODY_STEER_RATE, c.real(BODY_STEER_RATE), 0x1F83D9ABFB41BD6BL),
                new BodyFamily.Dim(DR_FRICTION, c.real(DR_FRICTION), FRICTION_SALT)));
    return new RaceConfig(
        c.integer(TRACK_SEED),
        new TrackGenerator.Params(
            c.real(TRACK_RADIUS), c.real(TRACK_WIDTH_MIN), c.real(TRACK_WIDTH_MAX)),
        c.integer(LAPS),
        c.bool(RANDOM_START),
        car,
        c.bool(CAR_DYNAMIC),
        family,
        c.real(BODY_CHANGE_AT),
        c.real(BODY_CHANGE_FRICTION));
  }

  /** The episode's car: the nominal one with the family's factors {@code f} (in its order). */
  public static CarParams scaled(CarParams nominal, double[] f) {
    return new CarParams(
        nominal.wheelbaseM() * f[0],
        nominal.lengthM(),
        nominal.widthM(),
        nominal.rearOverhangM(),
        nominal.maxSpeedMps() * f[1],
        nominal.maxAccelMps2() * f[2],
        nominal.maxBrakeMps2() * f[3],
        nominal.maxSteerRad() * f[4],
        nominal.steerRateRadps() * f[5],
        nominal.frictionMu() * f[6]);
  }
}
