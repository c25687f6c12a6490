package dev.ugoki.sim.scenario.reach;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.scenario.ArmKeys;
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

  public static final String TARGETS = "targets";
  public static final String TARGET_RADIUS = "target.radius";

  /** The reward's terms, each weighted by {@code reward.NAME}. */
  public static final List<String> TERMS = List.of("progress", "goal", "time");

  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(CommonParams.of(0.05, 600));
    p.addAll(ArmKeys.ARM);
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
    p.addAll(ArmKeys.SPREADS);
    p.addAll(BodyFamily.params());
    return List.copyOf(p);
  }

  /** The values of {@code c}, checked across keys: a ring wide enough to place targets in. */
  public static ReachConfig of(Config c) {
    ArmParams arm = ArmKeys.arm(c);
    BodyFamily family = BodyFamily.of(c, ArmKeys.dims(c));
    if (thinnestRingM(arm, family) < 4 * ReachScenario.TARGET_MARGIN_M) {
      throw new IllegalArgumentException(
          "the arm reaches too thin a ring to place targets in: make "
              + ArmKeys.ARM_UPPER
              + " and "
              + ArmKeys.ARM_FORE
              + " differ less or raise "
              + ArmKeys.ARM_ELBOW_LIMIT_DEG);
    }
    if (Math.toDegrees(arm.elbowLimitRad()) * (1 + c.real(ArmKeys.BODY_ELBOW_LIMIT)) >= 180) {
      throw new IllegalArgumentException(
          ArmKeys.ARM_ELBOW_LIMIT_DEG
              + " x (1 + "
              + ArmKeys.BODY_ELBOW_LIMIT
              + ") must stay below 180");
    }
    return new ReachConfig(arm, c.integer(TARGETS), c.real(TARGET_RADIUS), family);
  }

  /** The thinnest ring of reach in the family: its corners of link lengths and elbow limit [m]. */
  private static double thinnestRingM(ArmParams nominal, BodyFamily family) {
    double thinnest = Double.POSITIVE_INFINITY;
    for (ArmParams a : ArmKeys.corners(nominal, family.maxFactors())) {
      thinnest = Math.min(thinnest, a.maxReachM() - a.minReachM());
    }
    return thinnest;
  }
}
