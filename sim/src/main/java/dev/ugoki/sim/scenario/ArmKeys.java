package dev.ugoki.sim.scenario;

import dev.ugoki.sim.body.ArmParams;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import java.util.List;

/**
 * The two-link arm's config keys, shared by the scenarios that have the arm ({@code reach}, {@code
 * push}): its links and joints ({@code arm.*}) and their spreads in a family of bodies ({@code
 * body.*}), declared once, so that an arm is the same arm, and reads the same keys, in each.
 */
public final class ArmKeys {
  public static final String ARM_UPPER = "arm.upper";
  public static final String ARM_FORE = "arm.fore";
  public static final String ARM_MAX_SPEED = "arm.max_speed";
  public static final String ARM_MAX_ACCEL = "arm.max_accel";
  public static final String ARM_ELBOW_LIMIT_DEG = "arm.elbow_limit_deg";

  public static final String BODY_UPPER = "body.upper";
  public static final String BODY_FORE = "body.fore";
  public static final String BODY_MAX_SPEED = "body.max_speed";
  public static final String BODY_MAX_ACCEL = "body.max_accel";
  public static final String BODY_ELBOW_LIMIT = "body.elbow_limit";

  /** The arm's keys: its links and joints. */
  public static final List<Param> ARM =
      List.of(
          Param.real(ARM_UPPER, 1.0, 0.2, 5, "shoulder to elbow [m]"),
          Param.real(ARM_FORE, 0.8, 0.2, 5, "elbow to tip [m]"),
          Param.real(ARM_MAX_SPEED, 2.0, 0.2, 10, "top joint speed [rad/s]"),
          Param.real(ARM_MAX_ACCEL, 10, 0.5, 100, "joint acceleration limit [rad/s^2]"),
          Param.real(ARM_ELBOW_LIMIT_DEG, 150, 30, 179, "the elbow bends at most this far [deg]"));

  /** The arm's spreads in a family of bodies, in the family's order. */
  public static final List<Param> SPREADS =
      List.of(
          BodyFamily.spread("arm", BODY_UPPER, 0.5, ARM_UPPER),
          BodyFamily.spread("arm", BODY_FORE, 0.5, ARM_FORE),
          BodyFamily.spread("arm", BODY_MAX_SPEED, 0.9, ARM_MAX_SPEED),
          BodyFamily.spread("arm", BODY_MAX_ACCEL, 0.9, ARM_MAX_ACCEL),
          BodyFamily.spread("arm", BODY_ELBOW_LIMIT, 0.15, ARM_ELBOW_LIMIT_DEG));

  private ArmKeys() {}

  /** The nominal arm of {@code c}'s {@code arm.*} keys. */
  public static ArmParams arm(Config c) {
    return new ArmParams(
        c.real(ARM_UPPER),
        c.real(ARM_FORE),
        c.real(ARM_MAX_SPEED),
        c.real(ARM_MAX_ACCEL),
        Math.toRadians(c.real(ARM_ELBOW_LIMIT_DEG)));
  }

  /** The arm's five dimensions of a family, in order: both links, speed, acceleration, elbow. */
  public static List<BodyFamily.Dim> dims(Config c) {
    return List.of(
        new BodyFamily.Dim(BODY_UPPER, c.real(BODY_UPPER), 0x452821E638D01377L),
        new BodyFamily.Dim(BODY_FORE, c.real(BODY_FORE), 0xBE5466CF34E90C6CL),
        new BodyFamily.Dim(BODY_MAX_SPEED, c.real(BODY_MAX_SPEED), 0xC0AC29B7C97C50DDL),
        new BodyFamily.Dim(BODY_MAX_ACCEL, c.real(BODY_MAX_ACCEL), 0x3F84D5B5B5470917L),
        new BodyFamily.Dim(BODY_ELBOW_LIMIT, c.real(BODY_ELBOW_LIMIT), 0x9216D5D98979FB1BL));
  }

  /**
   * The arms at the corners of a family's link lengths and elbow limit ({@code hi}: the family's
   * largest factors, {@link BodyFamily#maxFactors()}), where its reach is at its extremes.
   */
  public static List<ArmParams> corners(ArmParams nominal, double[] hi) {
    List<ArmParams> out = new java.util.ArrayList<>();
    int[] dims = {0, 1, 4}; // upper, fore, elbow limit
    for (int corner = 0; corner < 8; corner++) {
      double[] f = {1, 1, 1, 1, 1};
      for (int k = 0; k < dims.length; k++) {
        int i = dims[k];
        f[i] = (corner >> k & 1) == 0 ? 2 - hi[i] : hi[i];
      }
      out.add(scaled(nominal, f));
    }
    return out;
  }

  /** The episode's arm: the nominal one with the family's factors {@code f} (its first five). */
  public static ArmParams scaled(ArmParams nominal, double[] f) {
    return new ArmParams(
        nominal.upperM() * f[0],
        nominal.foreM() * f[1],
        nominal.maxSpeedRadps() * f[2],
        nominal.maxAccelRadps2() * f[3],
        nominal.elbowLimitRad() * f[4]);
  }
}
