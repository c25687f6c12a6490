package dev.ugoki.core.algorithm;

import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.rollout.EpisodeStats;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.VectorEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DAgger, dataset aggregation (Ross, Gordon and Bagnell, <i>A Reduction of Imitation Learning and
 * Structured Prediction to No-Regret Online Learning</i>, AISTATS 2011): plain behavior cloning
 * only sees the states the expert visits, so a learner that drifts off them meets states it was
 * never taught; DAgger lets the learner drive and asks the expert what it would have done there.
 *
 * <pre>
 * iteration 0:  the expert drives (beta = 1); record (observation, expert action); fit
 * iteration i:  at every step each env is driven by the expert with probability
 *               beta_i = beta0^i, else by the learner's mean action; every visited state is
 *               labeled with the expert's action there; aggregate all data; fit again
 * </pre>
 *
 * Inputs: a {@link VectorEnv} whose envs' scenarios have experts ({@code env.expert()} reads the
 * scenario's privileged state), the policy to train, a {@link Config}. The learner runs on the
 * whole batch of envs in one call per step; each env's expert labels the state before the env
 * steps, so the label belongs to the observation the learner saw. Output: the trained policy and
 * one {@link IterationStats} per {@link #iterate()}.
 *
 * <p>Each fit continues from the previous weights (warm start) for {@link Config#refitEpochs()}
 * epochs over the whole aggregate, rather than training a new policy from scratch as the paper's
 * analysis assumes: the same fixed point, at a fraction of the cost. The observation normalization
 * folds in each iteration's new observations once.
 *
 * <p>Iteration 0 may add Gaussian noise to the actions the expert executes while recording its
 * clean labels ({@link Config#expertNoise()}): DART (Laskey et al., <i>DART: Noise Injection for
 * Robust Imitation Learning</i>, CoRL 2017). The noise pushes the car off the expert's line, so the
 * demonstrations show how to recover, which makes even plain behavior cloning robust.
 */
public final class Dagger {

  /**
   * @param expertStepsPerEnv steps per env the expert drives in iteration 0
   * @param expertNoise standard deviation of the Gaussian noise added to the actions the expert
   *     executes in iteration 0 (as a fraction of each channel's half-range); the labels stay clean
   * @param stepsPerEnv steps per env in each later iteration
   * @param beta0 the expert drives a step of iteration i with probability beta0^i; 0 lets the
   *     learner drive every step after iteration 0
   * @param cloning behavior cloning's settings for the fit after iteration 0
   * @param refitEpochs epochs over the aggregate after each later iteration
   */
  public record Config(
      int expertStepsPerEnv,
      double expertNoise,
      int stepsPerEnv,
      double beta0,
      BehaviorCloning.Config cloning,
      int refitEpochs) {
    public Config {
      if (expertStepsPerEnv < 1
          || stepsPerEnv < 1
          || !(expertNoise >= 0)
          || !(beta0 >= 0 && beta0 <= 1)
          || refitEpochs < 0) {
        throw new IllegalArgumentException(
            "invalid DAgger config: expert steps "
                + expertStepsPerEnv
                + ", expert noise "
                + expertNoise
                + ", steps "
                + stepsPerEnv
                + ", beta0 "
                + beta0
                + ", refit epochs "
                + refitEpochs);
      }
    }
  }

  /**
   * What one iteration did.
   *
   * @param iteration 0 for the expert's demonstrations
   * @param beta the probability that the expert drove a step
   * @param newRows labeled states added
   * @param datasetRows labeled states in the aggregate
   * @param trainLoss the last epoch's mean squared error
   * @param episodes episodes that ended during the collection (each iteration starts new ones, so
   *     with fewer steps per env than an episode takes, only crashes end any: a {@code race} lap
   *     takes about 750 steps)
   * @param successRate the share of them that succeeded (NaN when none ended); from iteration 1 on
   *     these are the learner's own episodes (mixed with the expert while beta > 0)
   * @param crashes how many of them ended in a crash
   * @param meanReturn their mean return (NaN when none ended)
   * @param collectSeconds wall time of the collection
   * @param fitSeconds wall time of the fit
   */
  public record IterationStats(
      int iteration,
      double beta,
      int newRows,
      int datasetRows,
      double trainLoss,
      int episodes,
      double successRate,
      long crashes,
      double meanReturn,
      double collectSeconds,
      double fitSeconds) {}

  /**
   * Labeled states from one collection.
   *
   * @param observations raw observations, {@code rows x obs}
   * @param labels the expert's action at each, {@code rows x act}
   * @param rows labeled states: steps per env times envs, step-major (row {@code t * N + i})
   * @param episodes the episodes that ended during the collection
   */
  public record Labeled(
      float[] observations, float[] labels, int rows, List<EpisodeStats> episodes) {

    public double successRate() {
      return episodes.stream().filter(EpisodeStats::success).count() / (double) episodes.size();
    }

    public double meanReturn() {
      return episodes.stream()
          .mapToDouble(EpisodeStats::episodeReturn)
          .average()
          .orElse(Double.NaN);
    }
  }

  private final VectorEnv envs;
  private final GaussianPolicy policy;
  private final Config config;
  private final long seed;
  private final BehaviorCloning cloning;
  private final DemoDataset dataset;
  private int iteration;
  private java.util.function.BooleanSupplier stop = () -> false;

  public Dagger(VectorEnv envs, Learner learner, Config config, long seed) {
    GaussianPolicy policy = learner.policy();
    if (!envs.observationSpec().equals(policy.observationSpec())
        || !envs.actionSpec().equals(policy.actionSpec())) {
      throw new IllegalArgumentException(
          "the policy does not fit the environments: "
              + policy.observationSpec().differencesFrom(envs.observationSpec())
              + " "
              + policy.actionSpec().differencesFrom(envs.actionSpec()));
    }
    this.envs = envs;
    this.policy = policy;
    this.config = config;
    this.seed = seed;
    this.cloning = new BehaviorCloning(learner, config.cloning(), seed);
    this.dataset = new DemoDataset(envs.observationSpec().size(), envs.actionSpec().size());
  }

  /**
   * Asked at every step of a collection and every minibatch of a fit: true ends the iteration there
   * (a person stopping a live run should not wait for a whole round). Never true, the iterations
   * are as they would be without it.
   */
  public void setStop(java.util.function.BooleanSupplier stop) {
    this.stop = java.util.Objects.requireNonNull(stop);
    cloning.setStop(stop);
  }

  /** Iterations done so far. */
  public int iteration() {
    return iteration;
  }

  /** Every labeled state collected so far. */
  public DemoDataset dataset() {
    return dataset;
  }

  /** The probability that the expert drives a step of iteration {@code i}. */
  public double beta(int i) {
    return i == 0 ? 1 : Math.pow(config.beta0(), i);
  }

  /** Runs the next iteration: collect, aggregate, fit. */
  public IterationStats iterate() {
    int i = iteration;
    double beta = beta(i);
    // every iteration drives new tracks: a different base seed for the vector env's episodes
    long base = seed + i * 0x9E3779B97F4A7C15L;
    long t0 = System.nanoTime();
    Labeled data =
        i == 0
            ? collect(
                envs, null, config.expertStepsPerEnv(), 1, config.expertNoise(), base, null, stop)
            : collect(envs, policy, config.stepsPerEnv(), beta, 0, base, null, stop);
    long t1 = System.nanoTime();
    if (data.rows() == 0) {
      // stopped before the first step: nothing to add or fit
      iteration++;
      return new IterationStats(
          i,
          beta,
          0,
          dataset.rows(),
          Double.NaN,
          0,
          Double.NaN,
          0,
          Double.NaN,
          (t1 - t0) * 1e-9,
          0);
    }
    dataset.add(data.observations(), data.labels(), data.rows());
    policy.norm().update(data.observations(), data.rows());
    List<BehaviorCloning.EpochStats> fit =
        cloning.train(dataset, i == 0 ? config.cloning().epochs() : config.refitEpochs());
    long t2 = System.nanoTime();
    iteration++;
    int ended = data.episodes().size();
    return new IterationStats(
        i,
        beta,
        data.rows(),
        dataset.rows(),
        fit.isEmpty() ? Double.NaN : fit.get(fit.size() - 1).loss(),
        ended,
        ended == 0 ? Double.NaN : data.successRate(),
        data.episodes().stream().filter(EpisodeStats::crashed).count(),
        data.meanReturn(),
        (t1 - t0) * 1e-9,
        (t2 - t1) * 1e-9);
  }

  /**
   * The expert drives every env for {@code stepsPerEnv} steps, each executed action with Gaussian
   * noise of standard deviation {@code noise} (times the channel's half-range, then clipped into
   * the bounds) while the clean expert action is recorded (DART); episodes are seeded from {@code
   * seed} as {@link VectorEnv#reset(long)} does. With a {@code writer}, every step is also written
   * to a demonstration file, episode ids numbered in the order the episodes start.
   */
  public static Labeled collectExpert(
      VectorEnv envs, int stepsPerEnv, double noise, long seed, DemoWriter writer) {
    return collect(envs, null, stepsPerEnv, 1, noise, seed, writer, () -> false);
  }

  /**
   * Drives the envs for {@code stepsPerEnv} steps, each step of each env by the expert with
   * probability {@code beta} (plus {@code noise}) and otherwise by the learner's mean action, and
   * labels every visited state with the expert's action.
   */
  static Labeled collect(
      VectorEnv envs,
      GaussianPolicy learner,
      int stepsPerEnv,
      double beta,
      double noise,
      long seed,
      DemoWriter writer,
      java.util.function.BooleanSupplier stop) {
    int n = envs.numEnvs();
    Spec spec = envs.actionSpec();
    int o = envs.observationSpec().size();
    int a = spec.size();
    // an expert is bound to its scenario instance and reads its current state: make them once
    Expert[] experts = new Expert[n];
    for (int i = 0; i < n; i++) {
      experts[i] = envs.env(i).expert();
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x632BE59BD9B4E019L);
    float[] obs = envs.reset(seed).clone();
    int rows = stepsPerEnv * n;
    float[] allObs = new float[rows * o];
    float[] labels = new float[rows * a];
    float[] executed = new float[n * a];
    List<EpisodeStats> episodes = new ArrayList<>();
    double[] returns = new double[n];
    int[] lengths = new int[n];
    int[] episodeIds = new int[n];
    for (int i = 0; i < n; i++) {
      episodeIds[i] = i;
    }
    int nextEpisodeId = n;
    for (int t = 0; t < stepsPerEnv; t++) {
      if (stop.getAsBoolean()) {
        // asked to stop: the steps so far are the collection
        return new Labeled(allObs, labels, t * n, List.copyOf(episodes));
      }
      int row0 = t * n;
      System.arraycopy(obs, 0, allObs, row0 * o, n * o);
      // labels before stepping: the expert's action in the state the learner sees
      for (int i = 0; i < n; i++) {
        System.arraycopy(experts[i].act(), 0, labels, (row0 + i) * a, a);
      }
      // one network call for the whole batch, and only when the learner may drive
      float[] mine = learner != null && beta < 1 ? learner.actDeterministic(obs, n) : null;
      for (int i = 0; i < n; i++) {
        boolean expertDrives = mine == null || random.nextDouble() < beta;
        for (int j = 0; j < a; j++) {
          double v;
          if (expertDrives) {
            v = Dart.noisy(labels[(row0 + i) * a + j], noise, spec.low(j), spec.high(j), random);
          } else {
            v = mine[i * a + j];
          }
          executed[i * a + j] = (float) Math.max(spec.low(j), Math.min(spec.high(j), v));
        }
      }
      envs.step(executed);
      for (int i = 0; i < n; i++) {
        returns[i] += envs.rewards()[i];
        lengths[i]++;
        boolean done = envs.terminated()[i] || envs.truncated()[i];
        if (writer != null) {
          int episode = envs.episodesFinished(i) - (done ? 1 : 0);
          write(
              writer,
              episodeIds[i],
              VectorEnv.episodeSeed(seed, i, episode, n),
              lengths[i] - 1,
              allObs,
              labels,
              row0 + i,
              o,
              a,
              envs.rewards()[i],
              envs.terminated()[i],
              envs.truncated()[i]);
        }
        if (done) {
          Info info = envs.infos()[i];
          episodes.add(
              new EpisodeStats(
                  returns[i],
                  lengths[i],
                  info.success(),
                  info.crashed(),
                  info.progress(),
                  info.episodeTimeS()));
          returns[i] = 0;
          lengths[i] = 0;
          episodeIds[i] = nextEpisodeId++;
        }
      }
      obs = envs.observations().clone();
    }
    return new Labeled(allObs, labels, rows, List.copyOf(episodes));
  }

  private static void write(
      DemoWriter writer,
      int episode,
      long seed,
      int t,
      float[] obs,
      float[] labels,
      int row,
      int o,
      int a,
      float reward,
      boolean terminated,
      boolean truncated) {
    try {
      writer.write(
          episode,
          seed,
          t,
          java.util.Arrays.copyOfRange(obs, row * o, (row + 1) * o),
          java.util.Arrays.copyOfRange(labels, row * a, (row + 1) * a),
          reward,
          terminated,
          truncated);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + writer.path() + ": " + e.getMessage(), e);
    }
  }
}
