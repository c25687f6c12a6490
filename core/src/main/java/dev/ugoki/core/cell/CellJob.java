package dev.ugoki.core.cell;

import java.io.Serializable;

/**
 * The work of a study's cell: a pure function from a small key (what to train or evaluate, with its
 * seed) to a small result. Pure means the result follows from the key and the job alone, seeded
 * only from the key: where and in which order a cell runs cannot change a number, so a runner may
 * run cells in parallel, on other machines, twice (a retried task) or not at all (a resumed study).
 * Jobs and keys travel to the machines that run them: both are serializable, and a job carries what
 * it needs (a config's text, a policy's bytes), never a path of the machine that made it.
 *
 * @param <K> the cell's key
 * @param <R> its result
 */
@FunctionalInterface
public interface CellJob<K extends Serializable, R extends Serializable> extends Serializable {
  /**
   * @param key the cell
   * @param threads the cores this cell may use (its environment and evaluation threads); never
   *     changes the result
   */
  R run(K key, int threads) throws Exception;
}
