package dev.ugoki.sim.env;

/**
 * Gymnasium's five-part step result.
 *
 * @param observation the observation after the step (owned by the caller)
 * @param reward the step's reward, the sum of {@code info.rewardTerms()}
 * @param terminated the episode ended inside the task (a crash, a lap or every goal done); a
 *     learner does not bootstrap past it
 * @param truncated the episode was cut from outside the task (a time limit); a learner bootstraps
 * @param info the reward terms and the outcome
 */
public record StepResult(
    float[] observation, double reward, boolean terminated, boolean truncated, Info info) {

  public boolean done() {
    return terminated || truncated;
  }
}
