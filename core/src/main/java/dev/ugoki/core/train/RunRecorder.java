package dev.ugoki.core.train;

import dev.ugoki.core.io.MetricsLog;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Where every trainer writes what its run produces, the one place for it: the metrics log (one row
 * per update), checkpoints (the numbered file and {@code latest.zip}, the listener told of each),
 * the schedule that decides when the next checkpoint is due, and the final policy.
 */
final class RunRecorder implements Closeable {
  private final RunFolder folder;
  private final TrainingListener listener;
  private final double everyS;
  private final MetricsLog metrics;
  private long lastCheckpointNs = System.nanoTime();
  private Path lastGood;
  private final BodyAdapter adapter;

  /**
   * @param resumedAtUpdate the update a resumed run continues after (the metrics log is cut back to
   *     it), or -1 for a new log
   * @param lastGood the run's newest complete checkpoint, or null
   * @param adapter the adapter the policy drives with, kept in every file written (null: none)
   */
  RunRecorder(
      RunFolder folder,
      TrainingListener listener,
      double checkpointEverySeconds,
      int resumedAtUpdate,
      Path lastGood,
      BodyAdapter adapter)
      throws IOException {
    this.adapter = adapter;
    this.folder = folder;
    this.listener = listener;
    this.everyS = checkpointEverySeconds;
    this.metrics = new MetricsLog(folder.metrics(), resumedAtUpdate);
    this.lastGood = lastGood;
  }

  /** Appends one update's row to metrics.csv. */
  void log(LinkedHashMap<String, Double> row) throws IOException {
    metrics.write(row);
  }

  /**
   * True when a checkpoint is due after this update: the run has none yet, it is the last update,
   * the listener asks for one (asked every update, so that a request is answered by this update's
   * checkpoint), or the schedule's time has come.
   */
  boolean checkpointDue(boolean last) {
    boolean asked = listener.checkpointRequested();
    return lastGood == null
        || last
        || asked
        || (System.nanoTime() - lastCheckpointNs) / 1e9 >= everyS;
  }

  /** Writes {@code step-N.zip} and {@code latest.zip}; the listener hears of the numbered one. */
  void checkpoint(long step, Learner learner, PolicyFile.Meta meta) throws IOException {
    PolicyFile.save(folder.checkpoint(step), learner, meta, adapter);
    PolicyFile.save(folder.latestCheckpoint(), learner, meta, adapter);
    lastGood = folder.latestCheckpoint();
    lastCheckpointNs = System.nanoTime();
    listener.onCheckpoint(folder.checkpoint(step));
  }

  /** Writes only {@code latest.zip} (an imitation run's last state); the listener hears of it. */
  void latest(Learner learner, PolicyFile.Meta meta) throws IOException {
    PolicyFile.save(folder.latestCheckpoint(), learner, meta, adapter);
    lastGood = folder.latestCheckpoint();
    listener.onCheckpoint(folder.latestCheckpoint());
  }

  /** The newest complete checkpoint, or null before the first: what a NaN rolls back to. */
  Path lastGood() {
    return lastGood;
  }

  /** Writes the run's policy.zip. */
  void policy(GaussianPolicy policy, PolicyFile.Meta meta) throws IOException {
    PolicyFile.save(folder.policy(), policy, meta, adapter);
  }

  @Override
  public void close() throws IOException {
    metrics.close();
  }
}
