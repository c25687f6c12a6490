package dev.ugoki.sim.body;

/**
 * How a car moves under its commands: the kinematic bicycle ({@link BicycleModel}: the tires never
 * slide sideways, the path bends less when the grip would run out) or the dynamic single track
 * ({@link SingleTrackModel}: lateral velocity, yaw inertia and tire forces with a friction limit,
 * so the car slides, spins and can be knocked about).
 */
public interface CarModel {
  CarParams params();

  /**
   * The state after {@code dtS} seconds.
   *
   * @param steerCmd front-wheel angle command as a fraction of the largest angle, in [-1, 1]
   * @param throttle in [-1, 1]: positive accelerates, negative brakes
   */
  CarState step(CarState s, double steerCmd, double throttle, double dtS);

  /** The dynamic single track when {@code dynamic}, else the kinematic bicycle. */
  static CarModel of(CarParams params, boolean dynamic) {
    return dynamic ? new SingleTrackModel(params) : new BicycleModel(params);
  }
}
