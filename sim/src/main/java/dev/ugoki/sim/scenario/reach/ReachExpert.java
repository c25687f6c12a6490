package dev.ugoki.sim.scenario.reach;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.geom.Geometry;

/**
 * The {@code reach} expert: inverse kinematics to the active target (of its two elbow solutions the
 * one nearer the current joints), then each joint driven toward its angle as fast as it can still
 * stop there: speed = min(top speed, sqrt(2 a |error|)), with a the acceleration limit kept a
 * little below the servos' so that no joint overshoots.
 */
public final class ReachExpert implements Expert {
  /** Share of the acceleration limit the braking plan uses. */
  private static final double BRAKE_SHARE = 0.8;

  /** Proportional gain near the goal angle [1/s]: avoids chattering at tiny errors. */
  private static final double GAIN = 8;

  private final ReachScenario scenario;

  public ReachExpert(ReachScenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public float[] act() {
    ArmState s = scenario.joints();
    if (s == null || scenario.activeTarget() >= scenario.targetCount()) {
      return new float[] {0, 0};
    }
    double[] t = scenario.target(scenario.activeTarget());
    double[] a = scenario.arm().inverse(t[0], t[1], true);
    double[] b = scenario.arm().inverse(t[0], t[1], false);
    double[] goal = a == null ? b : b == null ? a : cost(s, a) <= cost(s, b) ? a : b;
    if (goal == null) {
      return new float[] {0, 0};
    }
    ArmParams p = scenario.armParams();
    double e1 = Geometry.wrapAngle(goal[0] - s.shoulderRad());
    double e2 = goal[1] - s.elbowRad();
    return new float[] {command(e1, p), command(e2, p)};
  }

  /** Joint-space distance from the current joints to a solution (the shoulder wraps). */
  private static double cost(ArmState s, double[] q) {
    return Math.abs(Geometry.wrapAngle(q[0] - s.shoulderRad())) + Math.abs(q[1] - s.elbowRad());
  }

  private static float command(double error, ArmParams p) {
    double brake = Math.sqrt(2 * BRAKE_SHARE * p.maxAccelRadps2() * Math.abs(error));
    double speed = Math.min(p.maxSpeedRadps(), Math.min(brake, GAIN * Math.abs(error)));
    return (float) Math.max(-1, Math.min(1, Math.copySign(speed, error) / p.maxSpeedRadps()));
  }
}
