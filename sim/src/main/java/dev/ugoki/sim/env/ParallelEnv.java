package dev.ugoki.sim.env;

import dev.ugoki.sim.scene.Scene;
import java.util.List;
import java.util.Map;

/**
 * Several agents in one world, stepped together: PettingZoo's Parallel API in Java.
 *
 * <p>{@link #reset(long)} starts an episode whose every random draw follows from the seed and gives
 * the first observation of each agent taking part. {@link #step(Map)} takes exactly one action per
 * live agent ({@link #agents()}), each checked against that agent's {@link #actionSpec(String)} and
 * rejected, not clamped, when malformed; a missing or an unknown agent is refused by name. It gives
 * one {@link StepResult} per agent that acted: its observation, reward, termination, truncation and
 * info, as a single-agent step would. An agent whose step ended its part (terminated or truncated)
 * leaves {@link #agents()} after that step and is given no action again; the episode ends when no
 * agent is left, and stepping then, or before a reset, throws {@link IllegalStateException}. The
 * same seed and the same actions give the same bits. Maps are ordered as {@link #possibleAgents()}.
 *
 * <p>PettingZoo's {@code observations, rewards, terminations, truncations, infos} dictionaries are
 * the same data transposed: {@code step(actions).get(agent).reward()} is {@code rewards[agent]}.
 * Not thread-safe: one thread steps it at a time.
 */
public interface ParallelEnv {

  /** Every agent that can take part, in a fixed order (PettingZoo's {@code possible_agents}). */
  List<String> possibleAgents();

  /** The agents still taking part, in the order of {@link #possibleAgents()}. */
  List<String> agents();

  Spec observationSpec(String agent);

  Spec actionSpec(String agent);

  /** Starts a new episode; the first observation of every agent taking part. */
  Map<String, float[]> reset(long seed);

  /** Advances every live agent one step together; see the class. */
  Map<String, StepResult> step(Map<String, float[]> actions);

  /** A renderer-neutral picture of the current state, in world units. */
  Scene scene();

  /**
   * Checks that {@code actions} has exactly one well-formed action for each of {@code live}:
   * implementations call it first thing in {@link #step}.
   *
   * @throws IllegalArgumentException naming the first agent missing, unknown or malformed
   */
  static void checkActions(ParallelEnv env, List<String> live, Map<String, float[]> actions) {
    if (actions == null) {
      throw new IllegalArgumentException("actions are null; expected one for each of " + live);
    }
    for (String agent : live) {
      float[] a = actions.get(agent);
      if (a == null) {
        throw new IllegalArgumentException("no action for " + agent + "; live agents: " + live);
      }
      try {
        env.actionSpec(agent).checkAction(a);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(agent + ": " + e.getMessage(), e);
      }
    }
    if (actions.size() != live.size()) {
      for (String agent : actions.keySet()) {
        if (!live.contains(agent)) {
          throw new IllegalArgumentException(
              "an action for " + agent + ", which is not taking part (live agents: " + live + ")");
        }
      }
    }
  }
}
