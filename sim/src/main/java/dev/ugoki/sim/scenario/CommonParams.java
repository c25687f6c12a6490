package dev.ugoki.sim.scenario;

import dev.ugoki.sim.config.Param;
import java.util.List;

/**
 * The configuration keys every scenario has: its simulation step and the wrappers the registry puts
 * around it (time limit, action repeat, observation noise, domain randomization).
 */
public final class CommonParams {
  public static final String DT = "dt";
  public static final String MAX_STEPS = "max_steps";
  public static final String ACTION_REPEAT = "action_repeat";
  public static final String OBS_NOISE = "obs_noise";
  public static final String DR_ACTION_DELAY = "dr.action_delay";
  public static final String DR_ACTUATOR_GAIN = "dr.actuator_gain";
  public static final String DR_SENSOR_NOISE = "dr.sensor_noise";
  public static final String HISTORY_STEPS = "history.steps";

  private CommonParams() {}

  /** Simulated time of one policy step [s]: {@code dt} times the action repeat. */
  public static double policyStepS(dev.ugoki.sim.config.Config c) {
    return c.real(DT) * c.integer(ACTION_REPEAT);
  }

  /**
   * @param dtS default simulation step [s]
   * @param maxSteps default episode length in policy steps
   */
  public static List<Param> of(double dtS, int maxSteps) {
    return List.of(
        Param.real(DT, dtS, 0.005, 0.1, "simulation step [s]"),
        Param.integer(
            MAX_STEPS,
            maxSteps,
            1,
            1_000_000,
            "policy steps before the episode is truncated (time limit)"),
        Param.integer(
            ACTION_REPEAT,
            1,
            1,
            16,
            "simulation steps per policy step (policy frequency = 1 / (dt * action_repeat))"),
        Param.real(
            OBS_NOISE,
            0,
            0,
            0.5,
            "Gaussian observation noise, standard deviation as a fraction of each channel's range"),
        Param.integer(
            DR_ACTION_DELAY,
            0,
            0,
            10,
            "domain randomization: each episode delays actions by 0 to this many policy steps"),
        Param.real(
            DR_ACTUATOR_GAIN,
            0,
            0,
            0.9,
            "domain randomization: each episode scales each "
                + "action channel by a factor in [1 - this, 1 + this] (body mass, motor strength)"),
        Param.real(
            DR_SENSOR_NOISE,
            0,
            0,
            0.5,
            "domain randomization: each episode adds "
                + "observation noise at a level drawn from [0, this] of each channel's range"),
        Param.integer(
            HISTORY_STEPS,
            0,
            0,
            64,
            "observe the last N steps' observations and actions too (0: none), the input of a"
                + " policy that infers its body from its recent past"));
  }
}
