package dev.ugoki.sim.env;

/**
 * What a step tells beside the observation and the reward (Gymnasium's {@code info}).
 *
 * @param rewardTerms the reward's named, weighted terms; they sum to the step's reward
 * @param crashed the body hit a wall or an obstacle during this step
 * @param success the episode's task is done (a lap completed, every goal reached)
 * @param progress how far the task has come: laps driven for {@code race}, goals reached for {@code
 *     navigate}
 * @param episodeTimeS simulated time since reset [s]
 */
public record Info(
    RewardTerms rewardTerms,
    boolean crashed,
    boolean success,
    double progress,
    double episodeTimeS) {

  /** This step's outcome with the reward terms replaced (wrappers merging steps use it). */
  public Info withRewardTerms(RewardTerms terms) {
    return new Info(terms, crashed, success, progress, episodeTimeS);
  }
}
