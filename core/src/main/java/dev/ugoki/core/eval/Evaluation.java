package dev.ugoki.core.eval;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a controller for one episode per seed and summarizes the outcome: success rate, return,
 * time to success (lap time or time to the last goal), crashes.
 */
public final class Evaluation {

  /** Chooses an action from an observation: a policy, or an expert that ignores it. */
  @FunctionalInterface
  public interface Controller {
    float[] act(float[] observation);
  }

  /** One episode's outcome. */
  public record Episode(long seed, boolean success, boolean crashed, boolean truncated,
      double episodeReturn, int steps, double timeS, double progress) {}

  /** The outcome over all seeds. */
  public record Summary(String scenario, List<Episode> episodes) {
    public int count() {
      return episodes.size();
    }

    public double successRate() {
      return episodes.stream().filter(Episode::success).count() / (double) count();
    }

    public long crashes() {
      return episodes.stream().filter(Episode::crashed).count();
    }

    public double meanReturn() {
      return episodes.stream().mapToDouble(Episode::episodeReturn).average().orElse(Double.NaN);
    }

    /** Mean time of the successful episodes [s]; NaN when none succeeded. */
    public double meanSuccessTimeS() {
      return episodes.stream().filter(Episode::success).mapToDouble(Episode::timeS).average()
          .orElse(Double.NaN);
    }

    public double meanProgress() {
      return episodes.stream().mapToDouble(Episode::progress).average().orElse(Double.NaN);
    }
  }

  /** Chooses actions for a batch of observations (rows stored one after another) in one call. */
  @FunctionalInterface
  public interface BatchController {
    float[] act(float[] observations, int rows);
  }

  private Evaluation() {}

  /**
   * One episode per seed, all seeds at once: every step calls the controller once on the rows of
   * the episodes still running, so a neural policy is not called one environment at a time.
   * Gives the same episodes as {@link #run} with a controller that acts row by row.
   */
  public static Summary runBatch(Supplier<Env> envs, BatchController controller, long firstSeed,
      long lastSeed) {
    int n = (int) (lastSeed - firstSeed + 1);
    List<Env> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(envs.get());
    }
    int obsSize = list.get(0).observationSpec().size();
    int actSize = list.get(0).actionSpec().size();
    float[][] obs = new float[n][];
    double[] ret = new double[n];
    int[] steps = new int[n];
    Episode[] done = new Episode[n];
    for (int i = 0; i < n; i++) {
      obs[i] = list.get(i).reset(firstSeed + i);
    }
    int running = n;
    int[] active = new int[n];
    while (running > 0) {
      int rows = 0;
      for (int i = 0; i < n; i++) {
        if (done[i] == null) {
          active[rows++] = i;
        }
      }
      float[] batch = new float[rows * obsSize];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(obs[active[r]], 0, batch, r * obsSize, obsSize);
      }
      float[] actions = controller.act(batch, rows);
      for (int r = 0; r < rows; r++) {
        int i = active[r];
        float[] a = java.util.Arrays.copyOfRange(actions, r * actSize, (r + 1) * actSize);
        StepResult res = list.get(i).step(a);
        obs[i] = res.observation();
        ret[i] += res.reward();
        steps[i]++;
        if (res.done()) {
          done[i] = new Episode(firstSeed + i, res.info().success(), res.info().crashed(),
              res.truncated(), ret[i], steps[i], res.info().episodeTimeS(),
              res.info().progress());
          running--;
        }
      }
    }
    return new Summary(list.get(0).unwrapped().name(), List.of(done));
  }

  /** One episode per seed, from {@code firstSeed} to {@code lastSeed} inclusive. */
  public static Summary run(Env env, Controller controller, long firstSeed, long lastSeed) {
    List<Episode> episodes = new ArrayList<>();
    for (long seed = firstSeed; seed <= lastSeed; seed++) {
      float[] obs = env.reset(seed);
      double ret = 0;
      int steps = 0;
      StepResult r;
      do {
        r = env.step(controller.act(obs));
        obs = r.observation();
        ret += r.reward();
        steps++;
      } while (!r.done());
      episodes.add(new Episode(seed, r.info().success(), r.info().crashed(), r.truncated(), ret,
          steps, r.info().episodeTimeS(), r.info().progress()));
    }
    return new Summary(env.unwrapped().name(), List.copyOf(episodes));
  }
}
