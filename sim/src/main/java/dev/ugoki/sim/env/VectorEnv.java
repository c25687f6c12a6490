package dev.ugoki.sim.env;

import java.util.List;

/**
 * Steps N environments of one spec over flat float arrays, with auto-reset, optionally across
 * threads, so that a learner runs its policy on the whole batch in one call.
 *
 * <p>Layout: observations are {@code N * obsSize} floats, env i at {@code i * obsSize}; actions are
 * {@code N * actSize}. The arrays returned by the accessors belong to this object and are
 * overwritten by the next {@link #reset(long)} or {@link #step(float[])}.
 *
 * <p>Auto-reset happens in the same step (as in Stable-Baselines3): when env i ends an episode,
 * {@link #finalObservations()} holds the last observation of that episode (for bootstrapping a
 * truncated one), {@link #infos()} its last info, and {@link #observations()} already the first
 * observation of the next episode. Episode k of env i is reset with {@link #episodeSeed(long, int,
 * int, int)}, so every episode's seed is known.
 *
 * <p>With several threads, each thread owns a fixed contiguous block of envs; results do not depend
 * on the thread count. Actions are checked for every env before any env steps, so a malformed batch
 * is refused whole (wrap the envs in {@link ClipAction} to clip instead).
 */
public final class VectorEnv implements AutoCloseable {
  private final List<Env> envs;
  private final int obsSize;
  private final int actSize;
  private final BlockRunner runner;

  private final float[] obs;
  private final float[] finalObs;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final Info[] infos;
  private final int[] episodes;
  private long baseSeed;
  private boolean started;

  public VectorEnv(List<? extends Env> envs, int threads) {
    if (envs.isEmpty()) {
      throw new IllegalArgumentException("a vector env needs at least one env");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.envs = List.copyOf(envs);
    Spec os = envs.get(0).observationSpec();
    Spec as = envs.get(0).actionSpec();
    for (int i = 1; i < envs.size(); i++) {
      if (!envs.get(i).observationSpec().equals(os) || !envs.get(i).actionSpec().equals(as)) {
        throw new IllegalArgumentException("env " + i + " has other specs than env 0");
      }
      for (int j = 0; j < i; j++) {
        if (envs.get(i) == envs.get(j) || envs.get(i).unwrapped() == envs.get(j).unwrapped()) {
          throw new IllegalArgumentException(
              "env " + i + " is the same instance as env " + j + ": every env must own its state");
        }
      }
    }
    int n = envs.size();
    obsSize = os.size();
    actSize = as.size();
    obs = new float[n * obsSize];
    finalObs = new float[n * obsSize];
    rewards = new float[n];
    terminated = new boolean[n];
    truncated = new boolean[n];
    infos = new Info[n];
    episodes = new int[n];
    runner = new BlockRunner(n, threads, "ugoki-vector-env");
  }

  /**
   * The seed of episode {@code episode} (0-based) of env {@code envIndex}: a bijective mix of
   * (base, env, episode), so runs with seeds 1 and 2 share no episode, and always at least 2^62, so
   * evaluation on small seeds (1-50) never meets a training track.
   */
  public static long episodeSeed(long baseSeed, int envIndex, int episode, int numEnvs) {
    long z = baseSeed * 0xD1B54A32D192ED03L + (envIndex + (long) episode * numEnvs);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 2) | (1L << 62);
  }

  public int numEnvs() {
    return envs.size();
  }

  public Env env(int i) {
    return envs.get(i);
  }

  public Spec observationSpec() {
    return envs.get(0).observationSpec();
  }

  public Spec actionSpec() {
    return envs.get(0).actionSpec();
  }

  /** Resets every env, env i with {@code episodeSeed(seed, i, 0, N)}; returns the observations. */
  public float[] reset(long seed) {
    baseSeed = seed;
    java.util.Arrays.fill(episodes, 0);
    run(
        (from, to) -> {
          for (int i = from; i < to; i++) {
            float[] o = envs.get(i).reset(episodeSeed(baseSeed, i, 0, envs.size()));
            System.arraycopy(o, 0, obs, i * obsSize, obsSize);
            rewards[i] = 0;
            terminated[i] = false;
            truncated[i] = false;
            infos[i] = null;
          }
        });
    started = true;
    return obs;
  }

  /** Steps every env with its slice of {@code actions} and auto-resets the ones that ended. */
  public void step(float[] actions) {
    if (!started) {
      throw new IllegalStateException("step() before reset(seed)");
    }
    if (actions.length != envs.size() * actSize) {
      throw new IllegalArgumentException(
          "actions have length "
              + actions.length
              + ", expected "
              + envs.size()
              + " envs x "
              + actSize
              + " = "
              + envs.size() * actSize);
    }
    // Check every slice before any env moves, so a bad action leaves the batch as it was.
    Spec spec = actionSpec();
    float[] slice = new float[actSize];
    for (int i = 0; i < envs.size(); i++) {
      System.arraycopy(actions, i * actSize, slice, 0, actSize);
      try {
        spec.checkAction(slice);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("env " + i + ": " + e.getMessage(), e);
      }
    }
    run(
        (from, to) -> {
          float[] a = new float[actSize];
          for (int i = from; i < to; i++) {
            System.arraycopy(actions, i * actSize, a, 0, actSize);
            Env env = envs.get(i);
            StepResult r = env.step(a);
            rewards[i] = (float) r.reward();
            terminated[i] = r.terminated();
            truncated[i] = r.truncated();
            infos[i] = r.info();
            if (r.done()) {
              System.arraycopy(r.observation(), 0, finalObs, i * obsSize, obsSize);
              episodes[i]++;
              float[] o = env.reset(episodeSeed(baseSeed, i, episodes[i], envs.size()));
              System.arraycopy(o, 0, obs, i * obsSize, obsSize);
            } else {
              System.arraycopy(r.observation(), 0, obs, i * obsSize, obsSize);
            }
          }
        });
  }

  public float[] observations() {
    return obs;
  }

  /** Last observation of the episode that env i ended in the last step; valid where done. */
  public float[] finalObservations() {
    return finalObs;
  }

  public float[] rewards() {
    return rewards;
  }

  public boolean[] terminated() {
    return terminated;
  }

  public boolean[] truncated() {
    return truncated;
  }

  /** The last step's info per env (for an env that ended: the ended episode's last info). */
  public Info[] infos() {
    return infos;
  }

  /** How many episodes env i has finished since the last reset. */
  public int episodesFinished(int i) {
    return episodes[i];
  }

  @Override
  public void close() {
    runner.close();
  }

  private void run(BlockRunner.Block block) {
    runner.run(block);
  }
}
