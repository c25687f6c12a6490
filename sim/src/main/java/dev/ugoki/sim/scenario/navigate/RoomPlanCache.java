package dev.ugoki.sim.scenario.navigate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The last few rooms planned (with their distance fields), by seed: an evaluation that replays a
 * seed, or a window that restarts, does not plan its room again. Least recently used goes first.
 */
final class RoomPlanCache {
  private final Map<Long, RoomPlan> plans;

  /**
   * @param size how many plans are kept
   */
  RoomPlanCache(int size) {
    this.plans =
        new LinkedHashMap<>(2 * size, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, RoomPlan> eldest) {
            return size() > size;
          }
        };
  }

  /** The plan of {@code seed}, made by {@code plan} when it is not kept. */
  RoomPlan get(long seed, LongFunction<RoomPlan> plan) {
    return plans.computeIfAbsent(seed, plan::apply);
  }
}
