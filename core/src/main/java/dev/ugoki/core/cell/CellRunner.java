package dev.ugoki.core.cell;

import java.io.Serializable;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BiConsumer;

/**
 * Runs a study's cells: in this process one after another ({@link Sequential}), or on Apache Spark
 * (the cluster module, found through {@link Provider}), embedded ({@code local[*]}) or on a
 * cluster. Results reach the caller as cells finish, in any order, on the caller's thread: the
 * caller writes them down at once, so a study killed mid-way keeps every finished cell.
 */
public interface CellRunner extends AutoCloseable {
  /** The master that runs cells in this process, one after another, without Spark. */
  String SEQUENTIAL = "sequential";

  /** The default: Spark embedded in this process, one task per core. */
  String DEFAULT_MASTER = "local[*]";

  /**
   * Runs every key's cell and hands each result to {@code done} as it finishes.
   *
   * @throws CellFailure when a cell fails for good (after the runner's retries)
   */
  <K extends Serializable, R extends Serializable> void run(
      List<K> keys, CellJob<K, R> job, BiConsumer<K, R> done);

  /** What runs the cells, for the log: {@code sequential}, {@code local[2]}, a master URL. */
  String describe();

  @Override
  void close();

  /** A cell that failed for good: its key and why. */
  final class CellFailure extends RuntimeException {
    public CellFailure(Object key, Throwable cause) {
      super("cell " + key + " failed: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.toString() : root.getMessage();
    }
  }

  /** A runner for the masters it knows (the cluster module's Spark runner). */
  interface Provider {
    boolean accepts(String master);

    /**
     * @param master as given ({@code local[*]}, {@code local[2]}, {@code spark://host:7077}, ...)
     * @param appName the Spark application's name (the study's)
     */
    CellRunner open(String master, String appName);
  }

  /**
   * The runner for {@code master}: {@link #SEQUENTIAL} in this process; any other through the
   * {@link Provider} on the class path, which {@code ./ugoki} adds for the commands that run cells.
   */
  static CellRunner forMaster(String master, String appName) {
    Master parsed = Master.parse(master); // strictly, before any Spark starts
    if (master.equals(SEQUENTIAL)) {
      return new Sequential();
    }
    parsed.checkReachable(); // a cluster that does not answer: one line, not a minute of retries
    boolean any = false;
    for (Provider p : ServiceLoader.load(Provider.class)) {
      any = true;
      if (p.accepts(master)) {
        return p.open(master, appName);
      }
    }
    if (any) {
      throw new IllegalArgumentException(
          "--master "
              + master
              + " is no master known here: local[*], local[N], spark://HOST:PORT, yarn,"
              + " k8s://URL or sequential");
    }
    throw new IllegalArgumentException(
        "--master "
            + master
            + " needs the cluster module (ugoki-cluster) on the class path, which ./ugoki adds for"
            + " the commands that run cells; --master sequential runs without it");
  }
}
