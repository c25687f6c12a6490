package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.body.CarModel;
import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.sensor.Lidar;
import java.util.SplittableRandom;

/**
 * One car on a track: its body and dynamics, its state, where it is along the centerline, the
 * metres and laps it has driven, and what it sees. {@code race} drives one; a race of several cars
 * drives one per car, and its cars meet between {@link #propose} and {@link #commit}.
 *
 * <p>A step: {@link #propose} gives the state the car's own model reaches; {@link #commit} takes
 * the state the step ends in (that one, or one a bump changed), stops the car at its last free pose
 * if a collision disc swept into a wall on the way, and moves its place along the track.
 */
public final class RaceCar {
  /** Distances ahead at which the track's curvature is observed [m]. */
  static final double[] PREVIEW_M = {10, 25, 50};

  /** The channels {@link #observe} writes after the lidar's. */
  public static final int OWN_CHANNELS = 5 + PREVIEW_M.length;

  private final Track track;
  private CarParams car;
  private CarModel model;
  private final boolean dynamic;
  private double[] discOffsets;
  private CarState state;
  private Track.Projection where;
  private double progressM;
  private int lapsCredited;

  /** What a committed step did. */
  public record Moved(double progressM, boolean crashed, boolean lapDone) {}

  /**
   * @throws IllegalArgumentException if {@code start} is off the track or touches a wall
   */
  public RaceCar(Track track, CarParams car, boolean dynamic, CarState start) {
    this(track, car, dynamic, start, 0);
  }

  /**
   * A car that starts {@code -progressM} metres behind the start line (a grid slot): its laps count
   * from the line.
   *
   * @throws IllegalArgumentException if {@code start} is off the track or touches a wall
   */
  public RaceCar(Track track, CarParams car, boolean dynamic, CarState start, double progressM) {
    this.track = track;
    this.progressM = progressM;
    this.dynamic = dynamic;
    setCar(car);
    if (!discsOnSurface(start) || sweepHitsWall(start, start)) {
      throw new IllegalArgumentException(
          "start state " + start + " is off the track or touches a wall");
    }
    this.state = start;
    this.where = track.project(centerX(), centerY(), -1);
  }

  /** The state at rest on the centerline at {@code s}, facing along the track. */
  public static CarState onCenterline(Track track, CarParams car, double s) {
    double[] p = track.pointAt(s);
    double h = track.headingAt(s);
    double off = car.centerOffsetM();
    return CarState.at(p[0] - off * Math.cos(h), p[1] - off * Math.sin(h), h, 0);
  }

  /**
   * Adds race's channels to {@code b}: the lidar's {@code rays}, then {@code speed}, {@code steer},
   * {@code yaw_rate}, {@code heading_error}, {@code lateral_error} and the curvature ahead, in the
   * order {@link #observe} writes them.
   */
  public static Spec.Builder channels(Spec.Builder b, int rays) {
    b.addSeries("lidar", rays, 0, 1)
        .add("speed", 0, 1)
        .add("steer", -1, 1)
        .add("yaw_rate", -1, 1)
        .add("heading_error", -1, 1)
        .add("lateral_error", -1, 1);
    for (double ahead : PREVIEW_M) {
      b.add("curv." + (int) ahead, -1, 1);
    }
    return b;
  }

  /** Changes the body from here on (a grip drop mid-episode). */
  public void setCar(CarParams next) {
    this.car = next;
    this.model = CarModel.of(next, dynamic);
    this.discOffsets = next.discOffsetsM();
  }

  public CarParams params() {
    return car;
  }

  public CarState state() {
    return state;
  }

  public Track track() {
    return track;
  }

  /** Where the car's middle is along the centerline. */
  public Track.Projection where() {
    return where;
  }

  /** Metres driven along the centerline since the start (negative backwards). */
  public double progressM() {
    return progressM;
  }

  /** The state the car's own model reaches after {@code dtS} under the commands. */
  public CarState propose(double steerCmd, double throttle, double dtS) {
    return model.step(state, steerCmd, throttle, dtS);
  }

  /** Ends the step in {@code next}; see the class. */
  public Moved commit(CarState next) {
    boolean crashed = sweepHitsWall(state, next);
    state = crashed ? state.stopped() : next;
    Track.Projection now = track.project(centerX(), centerY(), where.segment());
    double ds = track.along(where.s(), now.s());
    progressM += ds;
    where = now;
    // A lap pays once: backing over a line already crossed and crossing it again pays nothing.
    int lapsNow = (int) Math.floor(progressM / track.length());
    boolean lapDone = lapsNow > lapsCredited;
    if (lapDone) {
      lapsCredited = lapsNow;
    }
    return new Moved(ds, crashed, lapDone);
  }

  /** The car's middle [m]. */
  public double centerX() {
    return state.x() + car.centerOffsetM() * Math.cos(state.heading());
  }

  /** The car's middle [m]. */
  public double centerY() {
    return state.y() + car.centerOffsetM() * Math.sin(state.heading());
  }

  /**
   * Writes race's observation of this car into {@code obs} from {@code at}: the lidar's rays (which
   * stop at {@code others} too, when not null), then speed, wheel angle and yaw rate over {@code
   * scale}'s limits, heading and lateral error, and the track's curvature ahead over {@code
   * maxCurvature}.
   */
  public void observe(
      Lidar lidar,
      Lidar.Obstacles others,
      SplittableRandom random,
      CarParams scale,
      double maxCurvature,
      float[] obs,
      int at) {
    lidar.scan(track.walls(), others, centerX(), centerY(), state.heading(), random, obs, at);
    int i = at + lidar.rays();
    obs[i++] = Geometry.clamp(state.speedMps() / scale.maxSpeedMps(), 0, 1);
    obs[i++] = Geometry.clamp(state.steerRad() / scale.maxSteerRad(), -1, 1);
    obs[i++] = Geometry.clamp(state.yawRateRadps() / scale.maxYawRateRadps(), -1, 1);
    obs[i++] =
        Geometry.clamp(Geometry.wrapAngle(state.heading() - where.headingRad()) / Math.PI, -1, 1);
    obs[i++] = Geometry.clamp(where.lateralM() / where.halfWidthM(), -1, 1);
    for (double ahead : PREVIEW_M) {
      obs[i++] = Geometry.clamp(track.curvatureAt(where.s() + ahead) / maxCurvature, -1, 1);
    }
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
}
