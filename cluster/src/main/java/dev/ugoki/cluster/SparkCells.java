package dev.ugoki.cluster;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.Master;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Cells on Apache Spark: each cell is a one-task job, submitted at once and collected as it
 * finishes, so that results stream to the study in the order cells end and a lost task is retried
 * by Spark's scheduler (on another executor when there is one). Whole cells are distributed, not
 * gradients (RLlib's trials, Ray Tune): each trains on one machine, small networks gaining nothing
 * from a distributed fit.
 *
 * <p>A task uses {@code spark.task.cpus} cores (default 1) for its environment and evaluation
 * threads, and ND4J one OpenMP thread ({@code spark.executorEnv.OMP_NUM_THREADS=1}), so that a
 * worker with N cores runs N cells without oversubscribing them.
 */
public final class SparkCells implements CellRunner {
  /** Test hook: every task fails on its first attempt (Spark must retry it). */
  static final String FAIL_FIRST_ATTEMPT = "ugoki.test.fail_first_attempt";

  /** Test hook: cells are submitted in an order shuffled with this seed. */
  static final String SHUFFLE_SEED = "ugoki.test.shuffle_seed";

  /** Attempts per task before a cell fails for good (Spark's own default). */
  static final int ATTEMPTS = 4;

  private final JavaSparkContext spark;
  private final String master;

  SparkCells(SparkConf conf) {
    this.master = conf.get("spark.master");
    this.spark = new JavaSparkContext(conf);
    spark.setLogLevel("WARN");
  }

  /**
   * The configuration for {@code master}: Spark's own defaults and {@code spark.*} system
   * properties (as {@code spark-submit} sets them), then what cells need. A local master gets
   * retries ({@code local[N]} alone would give a task one attempt) and binds to the loopback.
   */
  static SparkConf conf(String master, String appName) {
    SparkConf c = new SparkConf(true).setAppName(appName);
    // parsed where every command parses it: one reading of what a local master is
    String threads = Master.parse(master).localThreads();
    if (threads != null) {
      c.setMaster("local[" + threads + "," + ATTEMPTS + "]");
      c.setIfMissing("spark.driver.host", "127.0.0.1");
      c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      c.setIfMissing("spark.ui.enabled", "false");
    } else {
      c.setMaster(master);
    }
    c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
    // the policy network's SIMD loops need the Vector API in the executors too
    String opts = c.get("spark.executor.extraJavaOptions", "");
    if (!opts.contains("jdk.incubator.vector")) {
      c.set(
          "spark.executor.extraJavaOptions",
          (opts + " --add-modules=jdk.incubator.vector").strip());
    }
    return c;
  }

  @Override
  public <K extends Serializable, R extends Serializable> void run(
      List<K> keys, CellJob<K, R> job, BiConsumer<K, R> done) {
    int threads = spark.getConf().getInt("spark.task.cpus", 1);
    boolean failFirst = spark.getConf().getBoolean(FAIL_FIRST_ATTEMPT, false);
    List<K> order = new ArrayList<>(keys);
    if (spark.getConf().contains(SHUFFLE_SEED)) {
      java.util.Collections.shuffle(order, new Random(spark.getConf().getLong(SHUFFLE_SEED, 0)));
    }
    List<Pending<K, R>> pending = new ArrayList<>();
    for (K key : order) {
      spark.setJobDescription("cell " + key);
      pending.add(
          new Pending<>(
              key,
              spark
                  .parallelize(List.of(key), 1)
                  .map(new Task<>(job, threads, failFirst))
                  .collectAsync()));
    }
    try {
      while (!pending.isEmpty()) {
        boolean any = false;
        for (java.util.Iterator<Pending<K, R>> it = pending.iterator(); it.hasNext(); ) {
          Pending<K, R> p = it.next();
          if (p.result().isDone()) {
            it.remove();
            R result;
            try {
              result = p.result().get().get(0);
            } catch (ExecutionException e) {
              throw new CellFailure(p.key(), e.getCause());
            }
            done.accept(p.key(), result);
            any = true;
          }
        }
        if (!any) {
          Thread.sleep(20);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CellFailure("(interrupted)", e);
    } finally {
      pending.forEach(p -> p.result().cancel(true));
    }
  }

  @Override
  public String describe() {
    return "Spark " + master + " (" + spark.defaultParallelism() + " task slots)";
  }

  @Override
  public void close() {
    spark.stop();
  }

  /** A submitted cell: its key and its job's future. */
  private record Pending<K, R>(K key, JavaFutureAction<List<R>> result) {}

  /** One cell as Spark runs it, on an executor. */
  private static final class Task<K extends Serializable, R extends Serializable>
      implements Function<K, R> {
    private final CellJob<K, R> job;
    private final int threads;
    private final boolean failFirst;

    Task(CellJob<K, R> job, int threads, boolean failFirst) {
      this.job = job;
      this.threads = threads;
      this.failFirst = failFirst;
    }

    @Override
    public R call(K key) throws Exception {
      if (failFirst && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("test hook: the first attempt of cell " + key + " fails");
      }
      return job.run(key, threads);
    }
  }
}
