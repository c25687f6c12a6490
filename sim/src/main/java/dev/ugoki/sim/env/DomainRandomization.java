package dev.ugoki.sim.env;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Domain randomization of the body and its sensors, drawn anew for each episode from the episode's
 * seed, so that a policy that has seen many slightly different worlds transfers to one it has not:
 * each action channel's strength scaled by a factor in [1 - gain, 1 + gain] (a heavier or lighter
 * body, a weaker or stronger motor), actions delayed by 0 to {@code maxActionDelay} steps (a slow
 * actuator or link), and observations noisy at a level drawn from [0, {@code sensorNoise}] of each
 * channel's range. The same seed gives the same draws.
 */
public final class DomainRandomization extends EnvWrapper {
  /**
   * Decorrelates this wrapper's stream from the scenario's, which is seeded with the seed (and from
   * {@link ObservationNoise}'s, which has its own salt).
   */
  private static final long SALT = 0x6A09E667F3BCC909L;

  private final int maxActionDelay;
  private final double actuatorGain;
  private final double sensorNoise;
  private final Spec obsSpec;
  private final Spec actSpec;
  private final ArrayDeque<float[]> pending = new ArrayDeque<>();
  private final float[] gains;
  private SplittableRandom random;
  private double noiseLevel;

  /**
   * @param maxActionDelay largest delay of an action [steps], 0 for none
   * @param actuatorGain largest relative change of an action channel's strength, in [0, 1)
   * @param sensorNoise largest observation noise, standard deviation over each channel's range
   */
  public DomainRandomization(Env env, int maxActionDelay, double actuatorGain, double sensorNoise) {
    super(env);
    if (maxActionDelay < 0 || !(actuatorGain >= 0 && actuatorGain < 1) || !(sensorNoise >= 0)) {
      throw new IllegalArgumentException(
          "domain randomization needs a delay >= 0, a gain in " + "[0, 1) and a noise >= 0");
    }
    this.maxActionDelay = maxActionDelay;
    this.actuatorGain = actuatorGain;
    this.sensorNoise = sensorNoise;
    this.obsSpec = env.observationSpec();
    this.actSpec = env.actionSpec();
    this.gains = new float[actSpec.size()];
  }

  /** This episode's delay [steps]. */
  public int actionDelay() {
    return pending.size();
  }

  /** This episode's strength factor of each action channel. */
  public float[] gains() {
    return gains.clone();
  }

  /** This episode's observation noise, standard deviation over each channel's range. */
  public double noiseLevel() {
    return noiseLevel;
  }

  @Override
  public float[] reset(long seed) {
    random = new SplittableRandom(seed ^ SALT);
    int delay = random.nextInt(maxActionDelay + 1);
    for (int i = 0; i < gains.length; i++) {
      gains[i] = (float) (1 + actuatorGain * (2 * random.nextDouble() - 1));
    }
    noiseLevel = sensorNoise * random.nextDouble();
    pending.clear();
    for (int k = 0; k < delay; k++) {
      float[] rest = new float[actSpec.size()];
      for (int i = 0; i < rest.length; i++) {
        rest[i] = (actSpec.low(i) + actSpec.high(i)) / 2;
      }
      pending.addLast(rest);
    }
    return noisy(env.reset(seed));
  }

  @Override
  public StepResult step(float[] action) {
    actSpec.checkAction(action);
    if (random == null) {
      throw new IllegalStateException("step() before reset(): call reset(seed) first");
    }
    float[] scaled = new float[action.length];
    for (int i = 0; i < action.length; i++) {
      scaled[i] = Math.max(actSpec.low(i), Math.min(actSpec.high(i), action[i] * gains[i]));
    }
    pending.addLast(scaled);
    StepResult r = env.step(pending.removeFirst());
    return new StepResult(
        noisy(r.observation()), r.reward(), r.terminated(), r.truncated(), r.info());
  }

  private float[] noisy(float[] obs) {
    return noiseLevel == 0 ? obs : ObservationNoise.add(obs, obsSpec, noiseLevel, random);
  }
}
