package dev.ugoki.sim.env;

import dev.ugoki.sim.scene.Scene;

/** Base for wrappers: forwards everything to the wrapped environment. */
public abstract class EnvWrapper implements Env {
  protected final Env env;

  protected EnvWrapper(Env env) {
    this.env = env;
  }

  public Env inner() {
    return env;
  }

  @Override
  public Spec observationSpec() {
    return env.observationSpec();
  }

  @Override
  public Spec actionSpec() {
    return env.actionSpec();
  }

  @Override
  public float[] reset(long seed) {
    return env.reset(seed);
  }

  @Override
  public StepResult step(float[] action) {
    return env.step(action);
  }

  @Override
  public Scene scene() {
    return env.scene();
  }

  @Override
  public Scenario unwrapped() {
    return env.unwrapped();
  }

  @Override
  public Expert expert() {
    return env.expert();
  }
}
