package dev.ugoki.sim.bench;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.VectorEnv;
import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Measures simulation throughput: {@code race} with 32 lidar rays and {@code push} (the contact
 * layer's arm and block), stepped on one thread and as a vectorized env on several, with seeded
 * random actions (a gentle steer, throttle in [0, 1]), and the contact layer alone on a pile
 * ({@link ContactStress}). Random driving crashes within about 90 steps, so resets weigh more than
 * in a trained policy's laps; every reset draws a new track, as in training, except in the
 * fixed-track row. Each figure is the median of several timed samples after a warm-up. A benchmark,
 * not a test: run it on a quiet machine.
 */
public final class SimBench {
  /**
   * One measured configuration: its throughput in {@code unit} (what a sample counts, per second),
   * on {@code threads} threads with {@code batch} environments or rows per call; the median of the
   * timed samples.
   */
  public record Result(
      String name, String unit, int threads, int batch, double median, double[] samples) {}

  /** Environment steps per second: the unit of the simulation's rows. */
  public static final String STEPS = "env steps/s";

  private static final int ACTION_TABLE = 4096;

  private SimBench() {}

  /**
   * Runs every configuration: a single env on one thread, and vectorized on 1 and 2 threads (64
   * envs on 64 tracks no longer fit the caches as well as 16 do).
   */
  public static List<Result> run(double secondsPerSample, int samples) {
    List<Result> results = new ArrayList<>();
    Map<String, Object> rays = Map.of("lidar.rays", 32);
    results.add(single("race", "new track each episode", rays, secondsPerSample, samples));
    results.add(
        single(
            "race",
            "one fixed track",
            Map.of("lidar.rays", 32, "track.seed", 1),
            secondsPerSample,
            samples));
    results.add(
        single(
            "race",
            "dynamic car",
            Map.of("lidar.rays", 32, "track.seed", 1, "car.dynamic", true),
            secondsPerSample,
            samples));
    results.add(CarModelBench.measure(false, secondsPerSample, samples));
    results.add(CarModelBench.measure(true, secondsPerSample, samples));
    results.add(GrandPrixBench.measure(secondsPerSample, samples));
    results.add(vector("race", rays, 16, 1, secondsPerSample, samples));
    results.add(vector("race", rays, 16, 2, secondsPerSample, samples));
    results.add(vector("race", rays, 64, 2, secondsPerSample, samples));
    results.add(single("push", "one arm, one block", Map.of(), secondsPerSample, samples));
    results.add(vector("push", Map.of(), 16, 2, secondsPerSample, samples));
    results.add(ContactStress.measure(secondsPerSample, samples));
    return results;
  }

  private static float[] actions(int actSize, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[ACTION_TABLE * actSize];
    for (int i = 0; i < a.length; i += actSize) {
      a[i] = (float) r.nextDouble(-0.3, 0.3);
      for (int k = 1; k < actSize; k++) {
        a[i + k] = (float) r.nextDouble(0, 1);
      }
    }
    return a;
  }

  public static Result single(
      String scenario,
      String label,
      Map<String, ?> overrides,
      double secondsPerSample,
      int samples) {
    Env env = Scenarios.make(scenario, overrides);
    int actSize = env.actionSpec().size();
    float[] table = actions(actSize, 1);
    float[] a = new float[actSize];
    long[] seed = {1};
    env.reset(seed[0]);
    int[] cursor = {0};
    LongSupplier burst =
        () -> {
          int n = 10_000;
          for (int i = 0; i < n; i++) {
            System.arraycopy(table, (cursor[0]++ % ACTION_TABLE) * actSize, a, 0, actSize);
            StepResult r = env.step(a);
            if (r.done()) {
              env.reset(++seed[0]);
            }
          }
          return n;
        };
    return measured(scenario + ", " + label, STEPS, 1, 1, secondsPerSample, samples, burst);
  }

  public static Result vector(
      String scenario,
      Map<String, ?> overrides,
      int envs,
      int threads,
      double secondsPerSample,
      int samples) {
    List<Env> list = new ArrayList<>();
    for (int i = 0; i < envs; i++) {
      list.add(Scenarios.make(scenario, overrides));
    }
    try (VectorEnv vec = new VectorEnv(list, threads)) {
      int actSize = vec.actionSpec().size();
      float[] table = actions(actSize, 2);
      float[] batch = new float[envs * actSize];
      vec.reset(1);
      int[] cursor = {0};
      LongSupplier burst =
          () -> {
            int rounds = 200;
            for (int i = 0; i < rounds; i++) {
              int row = cursor[0]++;
              for (int k = 0; k < envs; k++) {
                // each env walks the same table of actions from its own offset
                int r = (row + 257 * k) % ACTION_TABLE;
                System.arraycopy(table, r * actSize, batch, k * actSize, actSize);
              }
              vec.step(batch);
            }
            return (long) rounds * envs;
          };
      return measured(
          scenario + ", vectorized", STEPS, threads, envs, secondsPerSample, samples, burst);
    }
  }

  /**
   * Times a workload: {@code burst} runs some steps and returns how many; after a warm-up of {@code
   * seconds}, {@code samples} timed samples of {@code seconds} each give the steps per second, and
   * the result carries their median.
   */
  public static Result measured(
      String name,
      String unit,
      int threads,
      int batch,
      double seconds,
      int samples,
      LongSupplier burst) {
    double[] timed = measure(burst, seconds, samples);
    return new Result(name, unit, threads, batch, median(timed), timed);
  }

  private static double[] measure(LongSupplier burst, double seconds, int samples) {
    long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmEnd) {
      burst.getAsLong();
    }
    double[] out = new double[samples];
    for (int s = 0; s < samples; s++) {
      long steps = 0;
      long t0 = System.nanoTime();
      long end = t0 + (long) (seconds * 1e9);
      long now;
      do {
        steps += burst.getAsLong();
        now = System.nanoTime();
      } while (now < end);
      out[s] = steps / ((now - t0) / 1e9);
    }
    return out;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Prints the table: {@code java ... SimBench [secondsPerSample] [samples]}. */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf("%-36s %7s %5s %16s%n", "benchmark", "threads", "envs", "steps/s (median)");
    for (Result r : run(seconds, samples)) {
      System.out.printf("%-36s %7d %5d %,16.0f%n", r.name(), r.threads(), r.batch(), r.median());
    }
  }
}
