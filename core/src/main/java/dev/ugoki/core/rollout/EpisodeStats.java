package dev.ugoki.core.rollout;

/**
 * One finished training episode, with its unscaled return.
 *
 * @param episodeReturn sum of the environment's rewards
 * @param length policy steps
 * @param success the task was done (a lap, every goal)
 * @param crashed it ended in a collision
 * @param progress laps or goals reached
 * @param timeS simulated time [s]
 */
public record EpisodeStats(
    double episodeReturn,
    int length,
    boolean success,
    boolean crashed,
    double progress,
    double timeS) {}
