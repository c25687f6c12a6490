package dev.ugoki.sim.env;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one task over fixed contiguous blocks of indices: the first block on the calling thread,
 * each other block on its own worker thread. A vector env steps in tens of microseconds, so the
 * hand-off must cost less than a thread pool's queue: workers spin briefly for the next task before
 * they park, and the caller works instead of waiting.
 */
final class BlockRunner implements AutoCloseable {

  /** A task over the indices [from, to). */
  interface Block {
    void run(int from, int to);
  }

  /**
   * Busy-wait iterations before parking: some tens of microseconds (a pause instruction takes tens
   * of nanoseconds). Longer spins steal the core the learner's network call needs between two
   * steps.
   */
  private static final int SPINS = 2_000;

  private final int[][] blocks;
  private final Worker[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Block task;
  private volatile Thread caller;
  private volatile Throwable failure;
  private volatile boolean closed;

  /** Splits [0, size) into {@code threads} blocks (fewer when size is smaller). */
  BlockRunner(int size, int threads, String name) {
    int t = Math.max(1, Math.min(threads, size));
    blocks = new int[t][];
    for (int b = 0; b < t; b++) {
      blocks[b] = new int[] {b * size / t, (b + 1) * size / t};
    }
    workers = new Worker[t - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker(blocks[w + 1], name + "-" + (w + 1));
      workers[w].start();
    }
  }

  /** Runs the task over every block and returns when all are done; rethrows the first failure. */
  void run(Block block) {
    if (closed) {
      throw new IllegalStateException("the vector env is closed");
    }
    if (workers.length == 0) {
      block.run(blocks[0][0], blocks[0][1]);
      return;
    }
    task = block;
    failure = null;
    caller = Thread.currentThread();
    pending.set(workers.length);
    for (Worker w : workers) {
      w.go();
    }
    Throwable own = null;
    try {
      block.run(blocks[0][0], blocks[0][1]);
    } catch (RuntimeException | Error e) {
      own = e;
    }
    int spins = 0;
    while (pending.get() > 0) {
      if (spins++ < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    task = null;
    Throwable first = own != null ? own : failure; // block 0 comes first
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Worker w : workers) {
      LockSupport.unpark(w);
    }
  }

  private final class Worker extends Thread {
    private final int from;
    private final int to;
    private volatile long generation;

    Worker(int[] block, String name) {
      super(name);
      this.from = block[0];
      this.to = block[1];
      setDaemon(true);
    }

    /** Called by the caller only, so the increment of the volatile counter does not race. */
    void go() {
      generation++;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      long seen = 0;
      while (true) {
        int spins = 0;
        while (generation == seen && !closed) {
          if (spins++ < SPINS) {
            Thread.onSpinWait();
          } else {
            LockSupport.park(this);
          }
        }
        if (closed) {
          return;
        }
        seen = generation;
        try {
          task.run(from, to);
        } catch (RuntimeException | Error e) {
          synchronized (BlockRunner.this) {
            if (failure == null) {
              failure = e;
            }
          }
        }
        if (pending.decrementAndGet() == 0) {
          LockSupport.unpark(caller);
        }
      }
    }
  }
}
