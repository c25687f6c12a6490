package dev.ugoki.core.eval;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a controller for one episode per seed and summarizes the outcome: success rate, return, time
 * to success (lap time or time to the last goal), crashes.
 */
public final class Evaluation {

  /** Chooses an action from an observation: a policy, or an expert that ignores it. */
  @FunctionalInterface
  public interface Controller {
    float[] act(float[] observation);
  }

  /** One episode's outcome. */
  public record Episode(
      long seed,
      boolean success,
      boolean crashed,
      boolean truncated,
      double episodeReturn,
      int steps,
      double timeS,
      double progress,
      double bestProgress)
      implements java.io.Serializable {}

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
      return episodes.stream()
          .filter(Episode::success)
          .mapToDouble(Episode::timeS)
          .average()
          .orElse(Double.NaN);
    }

    public double meanProgress() {
      return episodes.stream().mapToDouble(Episode::progress).average().orElse(Double.NaN);
    }

    /** Mean over the episodes of the most progress each made at any step. */
    public double meanBestProgress() {
      return episodes.stream().mapToDouble(Episode::bestProgress).average().orElse(Double.NaN);
    }

    /**
     * Mean over the episodes of the best progress over {@code full}, at most 1: Push-T's score (its
     * reward, coverage / 0.95 clipped at 1), which its papers report as coverage.
     */
    public double meanBestScore(double full) {
      return episodes.stream()
          .mapToDouble(e -> Math.min(1, Math.max(0, e.bestProgress()) / full))
          .average()
          .orElse(Double.NaN);
    }
  }

  /** Chooses actions for a batch of observations (rows stored one after another) in one call. */
  @FunctionalInterface
  public interface BatchController {
    float[] act(float[] observations, int rows);
  }

  private Evaluation() {}

  /**
   * A policy file's deterministic policy, one episode per seed of {@code seeds} on {@code cfg}'s
   * scenario, each environment fitted to the file's layout ({@link PolicyFit}): {@link #runBatch}
   * on {@code threads} threads.
   */
  public static Summary ofFile(
      Path file, PolicyFile.Loaded policy, Config cfg, SeedRange seeds, int threads) {
    return ofFile(file, policy, cfg, seeds, threads, UnaryOperator.identity());
  }

  /**
   * As above, with each scenario environment wrapped by {@code around} before it is fitted to the
   * policy (a {@link dev.ugoki.core.replay.ReplayRecorder}, to keep every episode as a replay).
   */
  public static Summary ofFile(
      Path file,
      PolicyFile.Loaded policy,
      Config cfg,
      SeedRange seeds,
      int threads,
      UnaryOperator<Env> around) {
    return runBatch(
        () -> PolicyFit.fit(file, policy, around.apply(Scenarios.make(cfg))),
        () -> policy.policy().copy()::actDeterministic,
        seeds.first(),
        seeds.last(),
        threads);
  }

  /**
   * One episode per seed, all seeds at once: every step calls the controller once on the rows of
   * the episodes still running, so a neural policy is not called one environment at a time. The
   * seeds are split into {@code threads} consecutive parts, each run on its own thread with its own
   * controller from {@code controllers} (a policy is not thread-safe). Gives the same episodes as
   * {@link #run} with a controller that acts row by row, whatever the threads.
   */
  public static Summary runBatch(
      Supplier<Env> envs,
      Supplier<BatchController> controllers,
      long firstSeed,
      long lastSeed,
      int threads) {
    long count = lastSeed - firstSeed + 1;
    if (count < 1 || count > MAX_EPISODES || threads < 1) {
      throw new IllegalArgumentException(
          "cannot evaluate seeds "
              + firstSeed
              + "-"
              + lastSeed
              + " on "
              + threads
              + " threads (at most "
              + MAX_EPISODES
              + " episodes)");
    }
    int n = (int) count;
    int parts = Math.min(threads, n);
    Summary[] summaries = new Summary[parts];
    Throwable[] failures = new Throwable[parts];
    Thread[] workers = new Thread[parts];
    Runnable[] jobs = new Runnable[parts];
    for (int p = 0; p < parts; p++) {
      long from = firstSeed + (long) n * p / parts;
      long to = firstSeed + (long) n * (p + 1) / parts - 1;
      int part = p;
      jobs[p] =
          () -> {
            try {
              summaries[part] = runBatch(envs, controllers.get(), from, to);
            } catch (Throwable e) { // joined below, then thrown on the caller's thread
              failures[part] = e;
            }
          };
      if (p > 0) {
        workers[p] = new Thread(jobs[p], "ugoki-eval-" + p);
        workers[p].start();
      }
    }
    jobs[0].run(); // on this thread, while the others work
    for (int p = 1; p < parts; p++) {
      try {
        workers[p].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while evaluating", e);
      }
    }
    List<Episode> all = new ArrayList<>(n);
    for (int p = 0; p < parts; p++) {
      if (failures[p] instanceof RuntimeException e) {
        throw e;
      }
      if (failures[p] instanceof Error e) {
        throw e;
      }
      all.addAll(summaries[p].episodes());
    }
    return new Summary(summaries[0].scenario(), List.copyOf(all));
  }

  /** Threads an evaluation runs on by default: one per core. */
  public static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** The most episodes one evaluation runs (each holds an environment while it runs). */
  public static final int MAX_EPISODES = 100_000;

  /** Episodes one thread runs side by side: each holds an environment (a track, a room). */
  private static final int CHUNK = 512;

  /** One part's seeds, {@link #CHUNK} episodes at a time, so that memory stays bounded. */
  private static Summary runBatch(
      Supplier<Env> envs, BatchController controller, long firstSeed, long lastSeed) {
    List<Episode> all = new ArrayList<>();
    String scenario = null;
    for (long from = firstSeed; from <= lastSeed && from >= firstSeed; from += CHUNK) {
      long to = Math.min(lastSeed, from + CHUNK - 1);
      Summary s = runChunk(envs, controller, from, to);
      scenario = s.scenario();
      all.addAll(s.episodes());
      if (to == lastSeed) {
        break;
      }
    }
    return new Summary(scenario, List.copyOf(all));
  }

  private static Summary runChunk(
      Supplier<Env> envs, BatchController controller, long firstSeed, long lastSeed) {
    int n = (int) (lastSeed - firstSeed + 1);
    List<Env> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(envs.get());
    }
    int obsSize = list.get(0).observationSpec().size();
    int actSize = list.get(0).actionSpec().size();
    float[][] obs = new float[n][];
    double[] ret = new double[n];
    double[] best = new double[n];
    java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
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
        best[i] = Math.max(best[i], res.info().progress());
        if (res.done()) {
          done[i] =
              new Episode(
                  firstSeed + i,
                  res.info().success(),
                  res.info().crashed(),
                  res.truncated(),
                  ret[i],
                  steps[i],
                  res.info().episodeTimeS(),
                  res.info().progress(),
                  best[i]);
          running--;
        }
      }
    }
    return new Summary(list.get(0).unwrapped().name(), List.of(done));
  }

  /** One episode per seed, from {@code firstSeed} to {@code lastSeed} inclusive. */
  public static Summary run(Env env, Controller controller, long firstSeed, long lastSeed) {
    long count = lastSeed - firstSeed + 1;
    if (count < 1 || count > MAX_EPISODES) {
      throw new IllegalArgumentException(
          "cannot evaluate seeds "
              + firstSeed
              + "-"
              + lastSeed
              + " (at most "
              + MAX_EPISODES
              + " episodes)");
    }
    List<Episode> episodes = new ArrayList<>();
    // counted, not compared: seed <= lastSeed never fails at Long.MAX_VALUE
    for (long i = 0, seed = firstSeed; i < count; i++, seed++) {
      float[] obs = env.reset(seed);
      double ret = 0;
      double best = Double.NEGATIVE_INFINITY;
      int steps = 0;
      StepResult r;
      do {
        r = env.step(controller.act(obs));
        obs = r.observation();
        ret += r.reward();
        best = Math.max(best, r.info().progress());
        steps++;
      } while (!r.done());
      episodes.add(
          new Episode(
              seed,
              r.info().success(),
              r.info().crashed(),
              r.truncated(),
              ret,
              steps,
              r.info().episodeTimeS(),
              r.info().progress(),
              best));
    }
    return new Summary(env.unwrapped().name(), List.copyOf(episodes));
  }
}
