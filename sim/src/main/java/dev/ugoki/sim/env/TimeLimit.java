package dev.ugoki.sim.env;

/**
 * Truncates an episode after a number of policy steps (Gymnasium's {@code TimeLimit}): the step
 * that reaches the limit reports {@code truncated}.
 */
public final class TimeLimit extends EnvWrapper {
  private final int maxSteps;
  private int elapsed;
  private boolean ended;

  public TimeLimit(Env env, int maxSteps) {
    super(env);
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
    }
    this.maxSteps = maxSteps;
  }

  public int maxSteps() {
    return maxSteps;
  }

  @Override
  public float[] reset(long seed) {
    elapsed = 0;
    ended = false;
    return env.reset(seed);
  }

  @Override
  public StepResult step(float[] action) {
    if (ended) {
      throw new IllegalStateException(
          "step() after the episode "
              + (elapsed >= maxSteps ? "was truncated at " + maxSteps + " steps" : "ended")
              + "; call reset(seed)");
    }
    StepResult r = env.step(action);
    elapsed++;
    if (elapsed >= maxSteps && !r.truncated()) {
      r = new StepResult(r.observation(), r.reward(), r.terminated(), true, r.info());
    }
    ended = r.done();
    return r;
  }
}
