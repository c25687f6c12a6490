package dev.ugoki.sim.scenario.reach;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.BodyFamily;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.RewardWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reach} scenario's configuration, typed and checked once: its keys ({@link #PARAMS},
 * with defaults, ranges and meanings) and the values a config gives them. The reward weights are
 * read by {@link RewardWeights}.
 *
 * @param arm the arm's links and joints
 * @param targets targets to touch in order
 * @param targetRadiusM distance from a target that counts as touching it [m]
 * @param family the family of arms episodes draw from: both link lengths, joint speed and
 *     acceleration, and the elbow limit (in that order), each around the nominal arm
 */
public record ReachConfig(ArmParams arm, int targets, double targetRadiusM, BodyFamily family) {
  public static final String BODY_UPPER = "body.upper";
  public static final String BODY_FORE = "body.fore";
  public static final String BODY_MAX_SPEED = "body.max_speed";
  public static final String BODY_MAX_ACCEL = "body.max_accel";
  public static final String BODY_ELBOW_LIMIT = "body.elbow_limit";

  public static final String ARM_UPPER = "arm.upper";
  public static final String ARM_FORE = "arm.fore";
  public static final String ARM_MAX_SPEED = "arm.max_speed";
  public static final String ARM_MAX_ACCEL = "arm.max_accel";
  public static final String ARM_ELBOW_LIMIT_DEG = "arm.elbow_limit_deg";
  public static final String TARGETS = "targets";
  public static final String TARGET_RADIUS = "target.radius";

  /** The reward's terms, each weighted by {@code reward.NAME}. */
  public static final List<String> TERMS = List.of("progress", "goal", "time");

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 600));
    p.add(Param.real(ARM_UPPER, 1.0, 0.2, 5, "shoulder to elbow [m]"));
    p.add(Param.real(ARM_FORE, 0.8, 0.2, 5, "elbow to tip [m]"));
    p.add(Param.real(ARM_MAX_SPEED, 2.0, 0.2, 10, "top joint speed [rad/s]"));
    p.add(Param.real(ARM_MAX_ACCEL, 10, 0.5, 100, "joint acceleration limit [rad/s^2]"));
    p.add(Param.real(ARM_ELBOW_LIMIT_DEG, 150, 30, 179, "the elbow bends at most this far [deg]"));
    p.add(Param.integer(TARGETS, 3, 1, 20, "targets to touch in order"));
    p.add(
        Param.real(
            TARGET_RADIUS, 0.1, 0.02, 1, "distance from a target that counts as touching it [m]"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "progress",
            5,
            0,
            100,
            "reward per metre the tip comes nearer the active target"));
    p.add(Param.real(RewardWeights.PREFIX + "goal", 5, 0, 1000, "reward for touching a target"));
    p.add(
        Param.real(
            RewardWeights.PREFIX + "time",
            -0.01,
            -1,
            0,
            "reward every step (a small cost of time)"));
    p.add(BodyFamily.spread("arm", BODY_UPPER, 0.5, ARM_UPPER));
    p.add(BodyFamily.spread("arm", BODY_FORE, 0.5, ARM_FORE));
    p.add(BodyFamily.spread("arm", BODY_MAX_SPEED, 0.9, ARM_MAX_SPEED));
    p.add(BodyFamily.spread("arm", BODY_MAX_ACCEL, 0.9, ARM_MAX_ACCEL));
    p.add(BodyFamily.spread("arm", BODY_ELBOW_LIMIT, 0.15, ARM_ELBOW_LIMIT_DEG));
    p.addAll(BodyFamily.params());
    return List.copyOf(p);
  }

  /** The values of {@code c}, checked across keys: a ring wide enough to place targets in. */
  public static ReachConfig of(Config c) {
    ArmParams arm = arm(c);
    BodyFamily family =
        BodyFamily.of(
            c,
            List.of(
                new BodyFamily.Dim(BODY_UPPER, c.real(BODY_UPPER), 0x452821E638D01377L),
                new BodyFamily.Dim(BODY_FORE, c.real(BODY_FORE), 0xBE5466CF34E90C6CL),
                new BodyFamily.Dim(BODY_MAX_SPEED, c.real(BODY_MAX_SPEED), 0xC0AC29B7C97C50DDL),
                new BodyFamily.Dim(BODY_MAX_ACCEL, c.real(BODY_MAX_ACCEL), 0x3F84D5B5B5470917L),
                new BodyFamily.Dim(
                    BODY_ELBOW_LIMIT, c.real(BODY_ELBOW_LIMIT), 0x9216D5D98979FB1BL)));
    if (thinnestRingM(arm, family) < 4 * ReachScenario.TARGET_MARGIN_M) {
      throw new IllegalArgumentException(
          "the arm reaches too thin a ring to place targets in: make "
              + ARM_UPPER
              + " and "
              + ARM_FORE
              + " differ less or raise "
              + ARM_ELBOW_LIMIT_DEG);
    }
    if (Math.toDegrees(arm.elbowLimitRad()) * (1 + c.real(BODY_ELBOW_LIMIT)) >= 180) {
      throw new IllegalArgumentException(
          ARM_ELBOW_LIMIT_DEG + " x (1 + " + BODY_ELBOW_LIMIT + ") must stay below 180");
    }
    return new ReachConfig(arm, c.integer(TARGETS), c.real(TARGET_RADIUS), family);
  }

  /** The nominal arm of {@code c}'s {@code arm.*} keys (any scenario that has them). */
  public static ArmParams arm(Config c) {
    return new ArmParams(
        c.real(ARM_UPPER),
        c.real(ARM_FORE),
        c.real(ARM_MAX_SPEED),
        c.real(ARM_MAX_ACCEL),
        Math.toRadians(c.real(ARM_ELBOW_LIMIT_DEG)));
  }

  /** The thinnest ring of reach in the family: its corners of link lengths and elbow limit [m]. */
  private static double thinnestRingM(ArmParams nominal, BodyFamily family) {
    double[] hi = family.maxFactors();
    double thinnest = Double.POSITIVE_INFINITY;
    for (int corner = 0; corner < 8; corner++) {
      double[] f = {1, 1, 1, 1, 1};
      for (int i : new int[] {0, 1, 4}) {
        int bit = i == 4 ? 2 : i;
        f[i] = (corner >> bit & 1) == 0 ? 2 - hi[i] : hi[i];
      }
      ArmParams a = scaled(nominal, f);
      thinnest = Math.min(thinnest, a.maxReachM() - a.minReachM());
    }
    return thinnest;
  }

  /** The episode's arm: the nominal one with the family's factors {@code f} (in its order). */
  public static ArmParams scaled(ArmParams nominal, double[] f) {
    return new ArmParams(
        nominal.upperM() * f[0],
        nominal.foreM() * f[1],
        nominal.maxSpeedRadps() * f[2],
        nominal.maxAccelRadps2() * f[3],
        nominal.elbowLimitRad() * f[4]);
  }
}
