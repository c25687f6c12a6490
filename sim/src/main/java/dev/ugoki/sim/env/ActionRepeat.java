package dev.ugoki.sim.env;

/**
 * Applies each action for {@code repeat} simulation steps and returns the last observation with the
 * summed reward and reward terms, stopping early when the episode ends: the simulation frequency
 * stays separate from the policy frequency (highway-env's {@code simulation_frequency} and {@code
 * policy_frequency}).
 */
public final class ActionRepeat extends EnvWrapper {
  private final int repeat;

  public ActionRepeat(Env env, int repeat) {
    super(env);
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
    }
    this.repeat = repeat;
  }

  public int repeat() {
    return repeat;
  }

  @Override
  public StepResult step(float[] action) {
    StepResult r = env.step(action);
    if (repeat == 1) {
      return r;
    }
    RewardTerms terms = r.info().rewardTerms();
    double reward = r.reward();
    boolean crashed = r.info().crashed();
    for (int k = 1; k < repeat && !r.done(); k++) {
      r = env.step(action);
      terms = terms.plus(r.info().rewardTerms());
      reward += r.reward();
      crashed |= r.info().crashed();
    }
    Info last = r.info();
    Info info = new Info(terms, crashed, last.success(), last.progress(), last.episodeTimeS());
    return new StepResult(r.observation(), reward, r.terminated(), r.truncated(), info);
  }
}
