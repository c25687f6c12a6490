package dev.ugoki.desktop.session;

import dev.ugoki.core.algorithm.BehaviorCloning;
import dev.ugoki.core.algorithm.DemoDataset;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.SharedSpace;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Behavior cloning of recorded demonstrations on a background thread, so that the window keeps
 * drawing while it trains. The thread builds everything it touches itself (an environment for
 * checking the files, a fresh {@link GaussianPolicy}): no network the render thread uses is ever
 * shared. Its messages and its result reach the render thread through concurrent containers that
 * the session polls once per frame; the policy is handed over only when training is finished, after
 * which the training thread no longer touches it.
 *
 * <p>Inputs: demonstration files ({@link DemoFile}) of the session's scenario, and optionally a
 * policy to start from (a foundation policy, say). Output: a policy ({@link GaussianPolicy#create}
 * with 2 hidden layers of 64, initial log std -0.5, learning rate 1e-3, or a full fine-tune of the
 * starting policy through DL4J transfer learning, the demonstrations put into its layout by {@link
 * SharedSpace} when it has one; {@link BehaviorCloning.Config#defaults()}), saved as a policy file
 * (algorithm {@code bc}) beside the first demonstration file. A damaged file, one of another
 * scenario or with other channels, or no steps at all end the job with a message instead of a
 * policy.
 */
final class CloneTraining {
  static final int HIDDEN = 64;
  static final int LAYERS = 2;
  static final double INIT_LOG_STD = -0.5;
  static final double LEARNING_RATE = 1e-3;

  /** A finished training: the policy and where it was saved (null when saving failed). */
  record Result(int number, GaussianPolicy policy, PolicyFile.Meta meta, Path file) {}

  private final Queue<String> messages = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Result> result = new AtomicReference<>();
  private volatile boolean running;
  private Thread thread;

  /** True while a training runs (its result not yet taken). */
  boolean busy() {
    return running || result.get() != null;
  }

  /**
   * Starts training clone number {@code number} on {@code files} in a new daemon thread.
   *
   * @throws IllegalStateException when one is already running
   */
  void start(Config config, List<Path> files, long seed, int number, Path saveAs, Path from) {
    if (busy()) {
      throw new IllegalStateException("a clone is already being trained");
    }
    running = true;
    List<Path> inputs = List.copyOf(files);
    thread =
        new Thread(
            () -> {
              try {
                Result r = train(config, inputs, seed, number, saveAs, from);
                if (r != null) {
                  result.set(r);
                }
              } catch (RuntimeException | Error e) {
                // ND4J failing to load its natives, or a bug: say it, never take the window down
                messages.add("clone failed: " + e);
              } finally {
                running = false;
              }
            },
            "ugoki-clone-" + number);
    thread.setDaemon(true);
    thread.start();
  }

  private Result train(
      Config config, List<Path> files, long seed, int number, Path saveAs, Path from) {
    Env env = Scenarios.make(config);
    PolicyFile.Loaded base = null;
    SharedSpace layout = null;
    if (from != null) {
      try {
        base = PolicyFile.load(from);
        if (PolicyFit.fit(from, base, Scenarios.make(config)) instanceof SharedSpace s) {
          layout = s;
        }
      } catch (IllegalArgumentException e) {
        messages.add("clone not trained: " + e.getMessage());
        return null;
      }
    }
    int obsSize = layout == null ? env.observationSpec().size() : layout.observationSpec().size();
    int actSize = layout == null ? env.actionSpec().size() : layout.actionSpec().size();
    DemoDataset data = new DemoDataset(obsSize, actSize);
    for (Path f : files) {
      Demonstrations d;
      try {
        d = DemoFile.read(f, env);
      } catch (IOException | IllegalArgumentException e) {
        // the messages of DemoFile name the file and the line
        String why = e instanceof IOException ? "cannot read " + f + ": " + e : e.getMessage();
        messages.add("clone not trained: " + why);
        return null;
      }
      for (String w : d.warnings()) {
        messages.add("warning: " + w);
      }
      if (layout == null) {
        data.add(d.observations(), d.actions(), d.rows());
      } else {
        data.add(
            toShared(d.observations(), env.observationSpec().size(), layout::toShared),
            toShared(d.actions(), env.actionSpec().size(), layout::actionToShared),
            d.rows());
      }
    }
    if (data.rows() == 0) {
      messages.add("clone not trained: the demonstrations hold no steps; drive while recording");
      return null;
    }
    messages.add(
        String.format(
            Locale.ROOT,
            "training clone %d on %d steps from %d file(s)...",
            number,
            data.rows(),
            files.size()));
    GaussianPolicy policy;
    if (base == null) {
      policy =
          GaussianPolicy.create(
              env.observationSpec(), env.actionSpec(), HIDDEN, LAYERS, INIT_LOG_STD, seed);
    } else {
      policy = base.policy().fineTune(0, false, INIT_LOG_STD, seed);
      messages.add("fine-tuning " + from + " on the demonstrations");
    }
    BehaviorCloning.Config bc = BehaviorCloning.Config.defaults();
    List<BehaviorCloning.EpochStats> stats =
        new BehaviorCloning(Learner.fresh(policy, LEARNING_RATE), bc, seed).fit(data);
    double loss = stats.isEmpty() ? Double.NaN : stats.get(stats.size() - 1).loss();
    PolicyFile.Meta meta =
        new PolicyFile.Meta(
            config.owner(),
            env.unwrapped().version(),
            config.asMap(),
            "bc",
            from == null ? Map.of() : Map.of("from", from.toString()),
            seed,
            data.rows(),
            bc.epochs(),
            Map.of());
    Path saved = saveAs;
    try {
      PolicyFile.save(saveAs, policy, meta);
    } catch (IOException | RuntimeException e) {
      messages.add("clone " + number + " not saved to " + saveAs + ": " + e.getMessage());
      saved = null;
    }
    messages.add(
        String.format(
            Locale.ROOT,
            "clone %d trained: loss %.4f after %d epochs%s",
            number,
            loss,
            bc.epochs(),
            saved == null ? "" : "; saved to " + saved));
    return new Result(number, policy, meta, saved);
  }

  /** Rows of {@code width} values, each mapped into a shared layout. */
  private static float[] toShared(
      float[] rows, int width, java.util.function.UnaryOperator<float[]> map) {
    int n = rows.length / width;
    float[] first = map.apply(java.util.Arrays.copyOfRange(rows, 0, width));
    float[] out = new float[n * first.length];
    for (int r = 0; r < n; r++) {
      float[] wide = map.apply(java.util.Arrays.copyOfRange(rows, r * width, (r + 1) * width));
      System.arraycopy(wide, 0, out, r * wide.length, wide.length);
    }
    return out;
  }

  /** The next message from the training thread, or null. */
  String pollMessage() {
    return messages.poll();
  }

  /** The finished training's result, once: null while none is waiting. */
  Result takeResult() {
    return result.getAndSet(null);
  }

  /** Waits for the thread to end (tests, and closing the window) [ms]. */
  void join(long timeoutMs) throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join(timeoutMs);
    }
  }
}
