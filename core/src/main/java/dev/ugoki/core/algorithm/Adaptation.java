package dev.ugoki.core.algorithm;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.ObservationHistory;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.BodyFamily;
import dev.ugoki.sim.scenario.ScenarioBase;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * RMA's second phase: trains a {@link BodyAdapter} for a policy that was told its body, so that it
 * can drive without being told. Rounds of data, DAgger's way:
 *
 * <pre>
 * round 0:   the base policy drives with the true body channels (plus action noise, DART),
 * round i>0: the base policy drives on the adapter's estimate (the states it will meet);
 * each step: input  = the observation and the last history.steps observations and actions,
 *                     and every memory.stride-th step further back up to memory.steps ago,
 *                     without a body channel;
 *            target = z = L u, the base policy's latent of the true body u (BodyAdapter);
 * after each round: regression of the adapter's output onto z over all rounds' rows.
 * </pre>
 *
 * Episodes run on training bodies only ({@code body.split=0}), each from its own seed; every random
 * number comes from the run's seed.
 */
public final class Adaptation {
  /** The most steps of the past an adapter reads every one of ({@code --history}). */
  public static final int MAX_HISTORY = 64;

  /**
   * @param historySteps steps of the past the adapter reads, every one
   * @param memorySteps the furthest step of the past it reads beyond those, 0 for none: the body
   *     shows itself in moments (a car's brakes only while it brakes), and a short history forgets
   *     them before the next moment they matter
   * @param memoryStride beyond {@code historySteps}, the adapter reads every {@code
   *     memoryStride}-th step
   * @param rowsPerRound labeled steps collected per round
   * @param rounds rounds of data (the first driven on the true body)
   * @param hidden units per hidden layer of the adapter (two layers)
   * @param numEnvs environments driven at once
   * @param epochs passes over the aggregate after each round
   * @param noise action noise of round 0, a fraction of each channel's half-range
   * @param seed of episodes, noise, initial weights and minibatches
   */
  public record Settings(
      int historySteps,
      int memorySteps,
      int memoryStride,
      long rowsPerRound,
      int rounds,
      int hidden,
      int numEnvs,
      int epochs,
      double noise,
      long seed) {
    /** The command line's settings: 8 environments, 20 epochs, noise 0.1. */
    public static Settings of(
        int historySteps,
        int memorySteps,
        int memoryStride,
        long rowsPerRound,
        int rounds,
        int hidden,
        long seed) {
      return new Settings(
          historySteps, memorySteps, memoryStride, rowsPerRound, rounds, hidden, 8, 20, 0.1, seed);
    }

    /** The furthest step of the past the adapter reads. */
    public int longestLag() {
      return Math.max(historySteps, memorySteps);
    }

    /** Whether the adapter reads what was seen and done {@code lag} steps ago (0: now). */
    public boolean reads(int lag) {
      return lag <= historySteps || (lag <= memorySteps && lag % memoryStride == 0);
    }

    public Settings {
      if (historySteps < 1 || historySteps > MAX_HISTORY) {
        throw new IllegalArgumentException(
            "--history must be 1 to " + MAX_HISTORY + ", got " + historySteps);
      }
      atLeastOne("--rows", rowsPerRound);
      atLeastOne("--rounds", rounds);
      atLeastOne("environments", numEnvs);
      Architecture.HIDDEN.check(hidden); // the adapter is a network of the policy's kind
      if (memorySteps < 0 || memorySteps > BodyAdapter.MAX_LAG || memoryStride < 1) {
        throw new IllegalArgumentException(
            "an adapter's memory reaches 0 to "
                + BodyAdapter.MAX_LAG
                + " steps back at a stride of at least 1, got "
                + memorySteps
                + " at "
                + memoryStride);
      }
      if (rowsPerRound * rounds > 2_000_000) {
        throw new IllegalArgumentException(
            "an adaptation holds its rows in memory: at most 2,000,000, got "
                + rowsPerRound * rounds);
      }
    }
  }

  private static void atLeastOne(String what, long n) {
    if (n < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + n);
    }
  }

  private Adaptation() {}

  /**
   * Trains an adapter for {@code base} on the scenario {@code scenario} (the base's, with its body
   * family); logs each round.
   */
  public static BodyAdapter train(
      GaussianPolicy base, Config scenario, Settings s, PrintWriter log) {
    List<String> body = BodyAdapter.bodyChannels(base.observationSpec());
    if (body.isEmpty()) {
      throw new IllegalArgumentException(
          "the policy was not told its body (no body.* channel): train it with body.observe=true");
    }
    for (String k : scenario.keysNamed(BodyFamily.SPLIT)) {
      if (scenario.integer(k) != BodyFamily.TRAIN) {
        throw new IllegalArgumentException("an adapter learns on training bodies: " + k + "=0");
      }
    }
    List<Env> envs = new ArrayList<>();
    for (int i = 0; i < s.numEnvs(); i++) {
      // the history as the adapted policy will keep it (AdaptedBody), over the base's layout
      envs.add(new ObservationHistory(Scenarios.make(scenario), s.longestLag()));
    }
    Spec full = envs.get(0).observationSpec();
    Spec inputs = BodyAdapter.inputs(full, s::reads);
    checkMemory(s.rowsPerRound() * s.rounds(), inputs.size() + body.size(), MEMORY.getAsLong());
    int[] in = indices(full, inputs.names());
    int[] baseIdx = indices(full, base.observationSpec().names());
    int[] trueIdx = indices(full, body);
    int[] bodyInBase = indices(base.observationSpec(), body);
    int k = body.size();
    double[] l = BodyAdapter.latentFactor(base, body);
    float[] decode = BodyAdapter.invertUpper(l, k);
    Spec.Builder latent = Spec.builder();
    for (int i = 0; i < k; i++) {
      float bound = 0;
      for (int j = 0; j < k; j++) {
        bound += (float) Math.abs(l[i * k + j]);
      }
      latent.add(BodyAdapter.LATENT + i, -bound, bound);
    }
    GaussianPolicy net =
        GaussianPolicy.create(inputs, latent.build(), s.hidden(), 2, 0, s.seed() ^ 0x5EED);
    BehaviorCloning fit =
        new BehaviorCloning(
            Learner.fresh(net, 1e-3),
            new BehaviorCloning.Config(s.epochs(), 512, 1, 1, false, false),
            s.seed());
    BodyAdapter adapter = new BodyAdapter(net, body, decode);
    DemoDataset data =
        new DemoDataset(inputs.size(), k, Math.toIntExact(s.rowsPerRound() * s.rounds()));
    SplittableRandom random = new SplittableRandom(s.seed() ^ 0xADA9L);
    long[] episodes = {0};
    float[][] obs = new float[envs.size()][];
    for (int round = 0; round < s.rounds(); round++) {
      for (int e = 0; e < envs.size(); e++) {
        obs[e] = envs.get(e).reset(episodeSeed(s.seed(), episodes[0]++));
      }
      double errSum = 0;
      long rows = 0;
      while (rows < s.rowsPerRound()) {
        for (int e = 0; e < envs.size() && rows < s.rowsPerRound(); e++, rows++) {
          float[] x = pick(obs[e], in);
          float[] u = truth(envs.get(e), obs[e], trueIdx);
          float[] z = new float[k];
          for (int i = 0; i < k; i++) {
            double v = 0;
            for (int j = i; j < k; j++) {
              v += l[i * k + j] * u[j];
            }
            z[i] = (float) v;
          }
          data.add(x, z, 1);
          float[] seen = pick(obs[e], baseIdx);
          if (round > 0) {
            float[] guess = adapter.estimate(x, 1);
            for (int i = 0; i < k; i++) {
              errSum += (guess[i] - u[i]) * (guess[i] - u[i]);
              seen[bodyInBase[i]] = guess[i];
            }
          }
          float[] a = base.actDeterministic(seen, 1);
          if (round == 0 && s.noise() > 0) {
            Spec as = envs.get(e).actionSpec();
            for (int j = 0; j < a.length; j++) {
              a[j] = (float) Dart.noisy(a[j], s.noise(), as.low(j), as.high(j), random);
            }
          }
          StepResult r = envs.get(e).step(a);
          obs[e] =
              r.done() ? envs.get(e).reset(episodeSeed(s.seed(), episodes[0]++)) : r.observation();
        }
      }
      List<BehaviorCloning.EpochStats> stats =
          round == 0 ? fit.fit(data) : fit.train(data, s.epochs());
      log.printf(
          Locale.ROOT,
          "round %d: %,d rows%s, latent loss %.4f%n",
          round,
          data.rows(),
          round > 0
              ? String.format(
                  Locale.ROOT,
                  ", body error of the last adapter %.3f (rms, u)",
                  Math.sqrt(errSum / (rows * k)))
              : "",
          stats.get(stats.size() - 1).loss());
      log.flush();
    }
    return adapter;
  }

  /** The heap a training may fill with its rows: half of what the JVM may take. */
  static java.util.function.LongSupplier MEMORY = () -> Runtime.getRuntime().maxMemory() / 2;

  /**
   * Refuses, before anything is collected, rows that would not fit: each row of {@code width}
   * floats is held twice (the aggregate, reserved whole at the start, and the standardized copy a
   * fit makes).
   */
  static void checkMemory(long rows, int width, long budgetBytes) {
    long need = rows * width * 4L * 2;
    if (need > budgetBytes) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "an adaptation of %,d rows of %d channels needs about %,d MB, more than the %,d MB"
                  + " it may use: fewer --rows or --rounds, a shorter --history, or a larger heap"
                  + " (UGOKI_JAVA_OPTS=-Xmx...)",
              rows,
              width,
              need >> 20,
              budgetBytes >> 20));
    }
  }

  /**
   * The body the adapter should infer at this step: one body's scenario says how it is now ({@link
   * ScenarioBase#bodyNow}, which follows an unannounced change such as {@code body.change_at});
   * otherwise the body channels say the episode's draw.
   */
  private static float[] truth(Env env, float[] obs, int[] trueIdx) {
    if (env.unwrapped() instanceof ScenarioBase<?> one && one.bodyNow().length == trueIdx.length) {
      double[] now = one.bodyNow();
      float[] u = new float[now.length];
      for (int i = 0; i < u.length; i++) {
        u[i] = (float) now[i];
      }
      return u;
    }
    return pick(obs, trueIdx);
  }

  private static long episodeSeed(long seed, long episode) {
    return seed * 1_000_003L + episode;
  }

  private static int[] indices(Spec spec, List<String> names) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = spec.indexOf(names.get(i));
      if (out[i] < 0) {
        throw new IllegalArgumentException(
            "the environment has no channel " + names.get(i) + " that the base policy reads");
      }
    }
    return out;
  }

  private static float[] pick(float[] x, int[] idx) {
    float[] out = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }
}
