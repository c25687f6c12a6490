package dev.ugoki.sim.body;

import dev.ugoki.sim.geom.Geometry;

/**
 * Kinematic bicycle model at the rear axle, with limits on steering rate, acceleration and speed,
 * and a tire-slip limit at speed: the path curvature tan(steer) / L is capped at mu g / v^2, so a
 * car that asks for more grip than its tires have understeers onto a wider circle.
 *
 * <p>Within a step the steering angle moves toward its command at the steering rate, the speed
 * changes at the commanded acceleration until it reaches 0 or the top speed, and the car moves on a
 * circular arc of the step's curvature for the exact distance that speed profile covers. So at
 * constant steering and speed the rear axle traces a circle of radius L / tan(steer), and straight
 * acceleration from rest covers a t^2 / 2 — closed forms the tests check.
 *
 * <p>Reference: Rajamani, <i>Vehicle Dynamics and Control</i>, 2nd ed., section 2.2; highway-env's
 * {@code vehicle/kinematics.py}.
 */
public final class BicycleModel implements CarModel {
  private final CarParams p;

  public BicycleModel(CarParams params) {
    this.p = params;
  }

  @Override
  public CarParams params() {
    return p;
  }

  /** The rear axle never slides sideways here: the state's lateral speed is 0. */
  @Override
  public CarState step(CarState s, double steerCmd, double throttle, double dtS) {
    double target = steerCmd * p.maxSteerRad();
    double maxDelta = p.steerRateRadps() * dtS;
    double steer = s.steerRad() + Math.max(-maxDelta, Math.min(maxDelta, target - s.steerRad()));

    double accel = throttle >= 0 ? throttle * p.maxAccelMps2() : throttle * p.maxBrakeMps2();
    double v0 = s.speedMps();
    double limit = accel >= 0 ? p.maxSpeedMps() : 0;
    double distance;
    double v1;
    if (accel == 0 || (accel > 0 ? v0 >= limit : v0 <= limit)) {
      v1 = accel == 0 ? v0 : limit;
      distance = v1 * dtS;
    } else {
      double tLimit = (limit - v0) / accel;
      if (tLimit >= dtS) {
        v1 = v0 + accel * dtS;
        distance = (v0 + v1) / 2 * dtS;
      } else {
        v1 = limit;
        distance = (v0 + limit) / 2 * tLimit + limit * (dtS - tLimit);
      }
    }

    double curvature = Math.tan(steer) / p.wheelbaseM();
    double vMean = distance / dtS;
    if (vMean > 0) {
      double gripLimit = p.maxLateralAccelMps2() / (vMean * vMean);
      if (Math.abs(curvature) > gripLimit) {
        curvature = Math.copySign(gripLimit, curvature);
      }
    }
    double dHeading = curvature * distance;
    double h0 = s.heading();
    double x;
    double y;
    if (Math.abs(dHeading) > 1e-9) {
      x = s.x() + (Math.sin(h0 + dHeading) - Math.sin(h0)) / curvature;
      y = s.y() + (Math.cos(h0) - Math.cos(h0 + dHeading)) / curvature;
    } else {
      x = s.x() + distance * Math.cos(h0 + dHeading / 2);
      y = s.y() + distance * Math.sin(h0 + dHeading / 2);
    }
    return new CarState(x, y, Geometry.wrapAngle(h0 + dHeading), v1, steer, dHeading / dtS);
  }
}
