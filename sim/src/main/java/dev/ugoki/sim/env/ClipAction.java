package dev.ugoki.sim.env;

/**
 * Clips finite actions into the action bounds before passing them on (Gymnasium's {@code
 * ClipAction}): for learners whose Gaussian samples fall outside the box. NaN and infinity still
 * reach the scenario's check and are rejected.
 */
public final class ClipAction extends EnvWrapper {

  public ClipAction(Env env) {
    super(env);
  }

  @Override
  public StepResult step(float[] action) {
    Spec spec = actionSpec();
    if (action == null || action.length != spec.size()) {
      return env.step(action);
    }
    float[] clipped = action.clone();
    for (int i = 0; i < clipped.length; i++) {
      if (Float.isFinite(clipped[i])) {
        clipped[i] = Math.max(spec.low(i), Math.min(spec.high(i), clipped[i]));
      }
    }
    return env.step(clipped);
  }
}
