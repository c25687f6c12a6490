package dev.ugoki.core.cell;

import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The reference runner: every cell in this process, one after another, in the order given, each
 * with all of the machine's cores. Anything a parallel runner gives must equal what this one gives.
 */
public final class Sequential implements CellRunner {
  private final int threads;

  public Sequential() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads the cores each cell may use
   */
  public Sequential(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a cell needs at least one thread, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public <K extends Serializable, R extends Serializable> void run(
      List<K> keys, CellJob<K, R> job, BiConsumer<K, R> done) {
    for (K key : keys) {
      R result;
      try {
        result = job.run(key, threads);
      } catch (Exception e) {
        throw new CellFailure(key, e);
      }
      done.accept(key, result);
    }
  }

  @Override
  public String describe() {
    return SEQUENTIAL;
  }

  @Override
  public void close() {}
}
