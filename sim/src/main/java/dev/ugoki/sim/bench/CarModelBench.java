package dev.ugoki.sim.bench;

import dev.ugoki.sim.body.CarModel;
import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import java.util.SplittableRandom;

/**
 * A car's dynamics alone, without a track or a sensor: the kinematic bicycle and the dynamic single
 * track stepped at race's 20 Hz through a seeded table of commands (steering held for half a second
 * at a time, throttle and brake), from 15 m/s, a new run every 400 steps. The row is car-steps per
 * second on one thread.
 */
public final class CarModelBench {
  /** A run's steps before the car starts again at speed. */
  private static final int RUN = 400;

  private static final double DT_S = 0.05;

  /** The unit of the rows. */
  public static final String CAR_STEPS = "car steps/s";

  private CarModelBench() {}

  public static SimBench.Result measure(boolean dynamic, double seconds, int samples) {
    CarModel model = CarModel.of(CarParams.standard(), dynamic);
    SplittableRandom r = new SplittableRandom(1);
    double[] steer = new double[RUN / 10];
    double[] throttle = new double[RUN / 10];
    for (int i = 0; i < steer.length; i++) {
      steer[i] = r.nextDouble(-0.5, 0.5);
      throttle[i] = r.nextDouble(-0.5, 1);
    }
    CarState start = CarState.at(0, 0, 0, 15);
    double[] sink = new double[1];
    return SimBench.measured(
        (dynamic ? "car alone, dynamic single track" : "car alone, kinematic bicycle"),
        CAR_STEPS,
        1,
        1,
        seconds,
        samples,
        () -> {
          CarState s = start;
          for (int k = 0; k < RUN; k++) {
            s = model.step(s, steer[k / 10], throttle[k / 10], DT_S);
          }
          sink[0] += s.x();
          return RUN;
        });
  }
}
