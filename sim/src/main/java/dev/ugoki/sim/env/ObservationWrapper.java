package dev.ugoki.sim.env;

/**
 * Base for wrappers that change only what is observed (Gymnasium's {@code ObservationWrapper}): a
 * subclass writes {@link #observation}, and this class keeps the bookkeeping of the contract in one
 * place. {@link #reset} returns the observation of the inner environment's first one; {@link #step}
 * passes the action on unchanged and returns the inner step with its observation replaced, its
 * reward, flags and info as they were. A step before the first reset is refused.
 *
 * <p>A wrapper that keeps state across steps hears of each reset ({@link #onReset}: its seed) and
 * each step ({@link #onStep}: its action) after the inner environment has taken it and before the
 * new observation is made: a refused action or a step after the end changes nothing.
 */
public abstract class ObservationWrapper extends EnvWrapper {
  private boolean started;

  protected ObservationWrapper(Env env) {
    super(env);
  }

  /**
   * What is observed when the inner environment observes {@code inner}, in {@link
   * #observationSpec()}'s layout: a new array (the inner environment may keep {@code inner}).
   */
  protected abstract float[] observation(float[] inner);

  /** A new episode of {@code seed} has begun below: reseed or clear what is kept. */
  protected void onReset(long seed) {}

  /** The inner environment took {@code action} (as checked by it): keep what is needed of it. */
  protected void onStep(float[] action) {}

  @Override
  public final float[] reset(long seed) {
    float[] first = env.reset(seed);
    onReset(seed);
    started = true;
    return observation(first);
  }

  @Override
  public final StepResult step(float[] action) {
    if (!started) {
      throw new IllegalStateException("step() before reset(): call reset(seed) first");
    }
    StepResult r = env.step(action);
    onStep(action);
    return new StepResult(
        observation(r.observation()), r.reward(), r.terminated(), r.truncated(), r.info());
  }
}
