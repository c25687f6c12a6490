package dev.ugoki.desktop.session;

import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.train.Outcome;
import dev.ugoki.core.train.Progress;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.core.train.TrainingListener;
import dev.ugoki.core.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A training run (PPO, DAgger, or behavior cloning of the expert or of a person's recordings) on a
 * background thread while the window draws: the same job as {@code ./ugoki train} ({@link
 * TrainingRun}) from the same {@link RunPlan}, with the same run folder, metrics, checkpoints and
 * plots, reported live.
 *
 * <p>Threads: DL4J's network methods are synchronized and the trainer changes its weights in place,
 * so the render thread never touches the training policy. After each update the training thread
 * makes a {@link GaussianPolicy#copy() copy} and publishes it through an {@link AtomicReference};
 * the render thread takes the newest copy between steps and drives with it ({@link
 * PolicyBatch#swap}). A copy is never used by the training thread after it is published. Figures
 * and messages go the same way through concurrent queues; requests (a checkpoint now, stop) go the
 * other way through flags the trainer asks after every update.
 */
final class TrainingThread implements TrainingListener {
  /** How long closing the window waits for a training to save its policy [ms]. */
  static final long CLOSE_WAIT_MS = 30_000;

  /** The newest weights and the update that made them. */
  record Snapshot(GaussianPolicy policy, Update update) {}

  private final RunPlan plan;
  private final RunConfig run;
  private final Queue<String> messages = new ConcurrentLinkedQueue<>();
  private final Queue<Update> updates = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Snapshot> latest = new AtomicReference<>();
  private final AtomicBoolean checkpointAsked = new AtomicBoolean();

  /** Set by the training thread when the checkpoint asked for is written. */
  private final AtomicBoolean announceCheckpoint = new AtomicBoolean();

  private volatile boolean stopAsked;
  private volatile boolean running;
  private volatile Path runDir;
  private volatile Outcome outcome;
  private Thread thread;

  TrainingThread(RunPlan plan) {
    this.plan = plan;
    this.run = plan.config();
  }

  RunConfig run() {
    return run;
  }

  /** Starts the run in a new daemon thread; its folder goes under {@code runsDir}. */
  void start(Path runsDir) {
    if (thread != null) {
      throw new IllegalStateException("a live training runs once");
    }
    running = true;
    thread =
        new Thread(
            () -> {
              try {
                RunFolder folder = plan.folder(runsDir);
                runDir = folder.dir();
                String what =
                    run.demos().isEmpty()
                        ? String.format(
                            "training %s on %s for %,d steps",
                            run.algo(), run.scenario(), run.steps())
                        : String.format(
                            "cloning %d demonstration file(s) of %s",
                            run.demos().size(), run.scenario());
                messages.add(what + " -> " + folder.dir());
                TrainingRun.Result r =
                    TrainingRun.execute(
                        plan, folder, new Trainer.Options(Progress.silent(), -1, this));
                messages.add(
                    run.algo()
                        + ": "
                        + r.outcome().message()
                        + (r.outcome().stoppedOnNan() ? "" : "; policy " + folder.policy()));
                outcome = r.outcome();
              } catch (IOException e) {
                messages.add(run.algo() + " training stopped: " + e.getMessage());
              } catch (RuntimeException | Error e) {
                // a bad configuration, ND4J failing to load its natives or running out of memory,
                // or a bug: say it, never take the window down
                String why = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
                messages.add(run.algo() + " training failed: " + why);
              } finally {
                running = false;
              }
            },
            "ugoki-train-" + run.algo());
    thread.setDaemon(true);
    thread.start();
  }

  /** True until the training thread has ended. */
  boolean running() {
    return running;
  }

  /**
   * How the run ended, once it has ended well (null while it runs, and after a failure); its policy
   * is then in {@link #runDir()}'s policy.zip.
   */
  Outcome outcome() {
    return running ? null : outcome;
  }

  /** The run folder, once made (null before). */
  Path runDir() {
    return runDir;
  }

  /** Asks for a checkpoint after the current update. */
  void requestCheckpoint() {
    checkpointAsked.set(true);
  }

  /** Asks the run to end after the current update, saving its policy. */
  void requestStop() {
    stopAsked = true;
  }

  /** The newest weights not yet taken, or null. */
  Snapshot takeSnapshot() {
    return latest.getAndSet(null);
  }

  /** The next update's figures not yet taken, or null. */
  Update pollUpdate() {
    return updates.poll();
  }

  /** The next message from the training thread, or null. */
  String pollMessage() {
    return messages.poll();
  }

  /** Waits for the training thread to end [ms]. */
  void join(long timeoutMs) throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join(timeoutMs);
    }
  }

  // ---- TrainingListener: called on the training thread ----

  @Override
  public void onUpdate(Update update, GaussianPolicy policy) {
    updates.add(update);
    latest.set(new Snapshot(policy.copy(), update));
  }

  @Override
  public boolean checkpointRequested() {
    boolean asked = checkpointAsked.getAndSet(false);
    if (asked) {
      announceCheckpoint.set(true);
    }
    return asked;
  }

  @Override
  public void onCheckpoint(Path file) {
    if (announceCheckpoint.getAndSet(false)) {
      messages.add("checkpoint saved: " + file);
    }
  }

  @Override
  public boolean stopRequested() {
    return stopAsked;
  }
}
