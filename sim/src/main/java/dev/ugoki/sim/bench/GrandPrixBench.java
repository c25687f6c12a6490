package dev.ugoki.sim.bench;

import dev.ugoki.sim.env.ParallelEnv;
import dev.ugoki.sim.registry.Scenarios;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Eight cars on one track ({@code grandprix}: the dynamic car, 32 lidar rays that see the other
 * cars, the contact layer between them) driven by seeded commands, a new race whenever every car is
 * out; the row is car-steps per second (a step of eight live cars counts eight), one thread.
 */
public final class GrandPrixBench {
  private GrandPrixBench() {}

  public static SimBench.Result measure(double seconds, int samples) {
    ParallelEnv gp = Scenarios.parallel("grandprix", Map.of("grid.cars", 8, "lidar.rays", 32));
    SplittableRandom r = new SplittableRandom(1);
    long[] seed = {1};
    gp.reset(seed[0]);
    return SimBench.measured(
        "grandprix, 8 cars on one track",
        CarModelBench.CAR_STEPS,
        1,
        8,
        seconds,
        samples,
        () -> {
          long carSteps = 0;
          for (int k = 0; k < 50; k++) {
            if (gp.agents().isEmpty()) {
              gp.reset(++seed[0]);
            }
            Map<String, float[]> a = new LinkedHashMap<>();
            for (String agent : gp.agents()) {
              a.put(
                  agent, new float[] {(float) r.nextDouble(-0.3, 0.3), (float) r.nextDouble(0, 1)});
            }
            carSteps += a.size();
            gp.step(a);
          }
          return carSteps;
        });
  }
}
