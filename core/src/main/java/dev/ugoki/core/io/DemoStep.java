package dev.ugoki.core.io;

/**
 * One recorded step of a demonstration: what the demonstrator saw and did, and what followed.
 *
 * @param episode the episode's id within its file (0, 1, ...); steps of different episodes may
 *     interleave when several environments were recorded at once
 * @param seed the seed the episode was reset with, so that it can be replayed
 * @param t the step's index within its episode, from 0
 * @param observation the observation the demonstrator acted on
 * @param action the demonstrated action: for an expert, its clean label even where the executed
 *     action had noise added
 * @param reward the reward of the step
 * @param terminated the step ended the episode inside the task (a crash, a lap)
 * @param truncated the step ended the episode by a time limit
 */
public record DemoStep(
    int episode,
    long seed,
    int t,
    float[] observation,
    float[] action,
    double reward,
    boolean terminated,
    boolean truncated)
    implements java.io.Serializable {}
