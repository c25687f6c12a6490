package dev.ugoki.core.eval;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import java.util.ArrayList;
import java.util.List;

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

  private Evaluation() {}

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
