package dev.ugoki.core.testenv;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.scene.Scene;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A trivial task for learning tests: a point on a line must move to a target and stay there.
 * Observation: the offset to the target; action: a velocity in [-1, 1]; reward: minus the distance
 * after the step. The best policy moves by minus the offset, clipped.
 */
public final class Target1d implements Scenario {
  private static final List<String> TERMS = List.of("distance");
  private SplittableRandom random;
  private double x;
  private double target;
  private int steps;

  @Override
  public Spec observationSpec() {
    return Spec.builder().add("offset", -4, 4).build();
  }

  @Override
  public Spec actionSpec() {
    return Spec.builder().add("velocity", -1, 1).build();
  }

  @Override
  public float[] reset(long seed) {
    random = new SplittableRandom(seed);
    x = random.nextDouble(-1, 1);
    target = random.nextDouble(-1, 1);
    steps = 0;
    return new float[] {(float) (target - x)};
  }

  @Override
  public StepResult step(float[] action) {
    actionSpec().checkAction(action);
    x += 0.5 * action[0];
    steps++;
    double d = Math.abs(target - x);
    RewardTerms t = new RewardTerms(TERMS, new double[] {-d});
    boolean truncated = steps >= 20;
    return new StepResult(
        new float[] {(float) Math.max(-4, Math.min(4, target - x))},
        -d,
        false,
        truncated,
        new Info(t, false, d < 0.05, 0, steps * 0.1));
  }

  @Override
  public Scene scene() {
    return new Scene(-2, -1, 2, 1, List.of(), List.of(), x, 0);
  }

  @Override
  public String name() {
    return "target1d";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Config config() {
    return Config.defaults("target1d", List.of());
  }

  @Override
  public double dt() {
    return 0.1;
  }

  @Override
  public Expert expert() {
    return () -> new float[] {(float) Math.max(-1, Math.min(1, 2 * (target - x)))};
  }
}
