package dev.ugoki.sim.scenario.race;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.env.Expert;

/**
 * The {@code race} expert: pure pursuit on the centerline for steering, and a speed plan from the
 * curvature ahead for throttle and brake.
 *
 * <p>Steering: aim the rear axle at the centerline point one lookahead distance ahead and take the
 * wheel angle of the circle through it, atan(2 L sin(alpha) / ld) (Coulter, <i>Implementation of
 * the Pure Pursuit Path Tracking Algorithm</i>, CMU-RI-TR-92-01, 1992). Speed: the fastest speed
 * from which the car can still brake, at its braking limit, down to the cornering speed sqrt(a_lat
 * / |curvature|) of every corner in the braking distance ahead, with a margin on the tires' grip.
 */
public final class PurePursuit implements Expert {
  /** Share of the tires' lateral grip the plan uses in corners. */
  private static final double GRIP_SHARE = 0.6;

  /** Share of the brakes the plan counts on. */
  private static final double BRAKE_SHARE = 0.7;

  private static final double MIN_LOOKAHEAD_M = 5;

  /** Lookahead grows with speed: this many seconds of travel. */
  private static final double LOOKAHEAD_S = 0.45;

  /** Throttle per m/s of speed error. */
  private static final double SPEED_GAIN = 0.8;

  private static final double PLAN_STEP_M = 2;

  private final RaceScenario race;

  public PurePursuit(RaceScenario race) {
    this.race = race;
  }

  @Override
  public float[] act() {
    return drive(race.racer(), 1, Double.POSITIVE_INFINITY);
  }

  /**
   * The expert's command for {@code car}: steering by pure pursuit, throttle and brake toward its
   * speed plan at {@code pace} (a share of it) and at most {@code capMps}.
   */
  public static float[] drive(RaceCar car, double pace, double capMps) {
    Track track = car.track();
    CarState s = car.state();
    CarParams p = car.params();
    double here = car.where().s() - p.centerOffsetM();
    double lookahead = Math.max(MIN_LOOKAHEAD_M, LOOKAHEAD_S * s.speedMps());
    double[] target = track.pointAt(here + lookahead);
    double dx = target[0] - s.x();
    double dy = target[1] - s.y();
    double alpha = Math.atan2(dy, dx) - s.heading();
    double distance = Math.hypot(dx, dy);
    double steer = Math.atan(2 * p.wheelbaseM() * Math.sin(alpha) / distance);
    double steerCmd = clamp(steer / p.maxSteerRad());

    double speed = targetSpeed(track, p, here + p.centerOffsetM(), s.speedMps());
    speed = Math.min(pace == 1 ? speed : pace * speed, capMps);
    double throttle = clamp(SPEED_GAIN * (speed - s.speedMps()));
    return new float[] {(float) steerCmd, (float) throttle};
  }

  /** The highest speed from which every corner within braking distance can still be taken. */
  private static double targetSpeed(Track track, CarParams p, double s, double v) {
    double aLat = GRIP_SHARE * p.maxLateralAccelMps2();
    double brake = BRAKE_SHARE * p.maxBrakeMps2();
    double horizon = v * v / (2 * brake) + 2 * PLAN_STEP_M;
    double best = p.maxSpeedMps();
    for (double d = 0; d <= horizon; d += PLAN_STEP_M) {
      double k = Math.abs(track.curvatureAt(s + d));
      double corner = k > 1e-6 ? Math.sqrt(aLat / k) : p.maxSpeedMps();
      best = Math.min(best, Math.sqrt(corner * corner + 2 * brake * d));
    }
    return best;
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }
}
