package dev.ugoki.sim.body;

import dev.ugoki.sim.geom.Geometry;

/**
 * Dynamic single-track model: a car with mass and yaw inertia on two axles whose tires push
 * sideways in proportion to their slip angle until the friction runs out, so that it slides when it
 * asks for more grip than it has, and a bump that changes its velocity or spin plays out.
 *
 * <pre>
 * state           rear axle x, y; heading psi; body velocity vx (forward), vy (sideways) at the
 *                 centre of mass, lr ahead of the rear axle and lf behind the front one (L = lf +
 *                 lr); yaw rate r; wheel angle delta
 * slip angles     alpha_f = delta - atan((vy + lf r) / vx),  alpha_r = -atan((vy - lr r) / vx)
 * normal loads    Fzf = m g lr / L,  Fzr = m g lf / L                    (static, no transfer)
 * longitudinal    Fx = m a, |a| &lt;= mu g, shared by load: Fxf = Fx lr / L,  Fxr = Fx lf / L
 * lateral         Fyi = clip(Ci alpha_i, +-sqrt((mu Fzi)^2 - Fxi^2)),  Ci = csi Fzi
 *                 (linear tires up to each axle's friction circle)
 * motion          m (vx' - vy r) = Fxr + Fxf cos delta - Fyf sin delta
 *                 m (vy' + vx r) = Fyr + Fxf sin delta + Fyf cos delta
 *                 Iz r'          = lf (Fyf cos delta + Fxf sin delta) - lr Fyr
 *                 centre of mass (x, y)' = R(psi) (vx, vy),  psi' = r
 * </pre>
 *
 * Since every axle's force stays inside its friction circle and the loads add up to m g, the car's
 * acceleration never exceeds mu g (the friction circle of the whole car). With linear tires and
 * constant speed the steady yaw rate is r = v delta / (L + K v^2), with the understeer gradient K =
 * (m / L) (lr / Cf - lf / Cr) (Rajamani, <i>Vehicle Dynamics and Control</i>, 2nd ed., 3.3): the
 * tests check both. The rear tires here grip a little better per unit load than the front ({@link
 * #REAR_STIFFNESS} over {@link #FRONT_STIFFNESS}), so the car understeers mildly, as road cars are
 * made to; throttle or brake in a corner takes grip from both axles and the car slides wide.
 *
 * <p>At walking pace the slip angles lose their meaning (vx tends to 0 in their denominators), so
 * the velocities blend to the kinematic bicycle's (rear axle not sliding: vy = lr r, r = vx tan
 * delta / L): all kinematic below {@link #KINEMATIC_BELOW_MPS}, all dynamic above {@link
 * #DYNAMIC_ABOVE_MPS}, linear in between (the blend of Kabzan et al., <i>Learning-Based Model
 * Predictive Control for Autonomous Racing</i>, RA-L 2019; CommonRoad's single-track model, which
 * F1TENTH's gym steps, switches to the kinematic one below 0.1 m/s instead).
 *
 * <p>The commands and limits are the kinematic model's ({@link CarParams}): the wheels turn at the
 * steering rate toward their command, throttle accelerates at up to the car's acceleration and
 * brakes at up to its braking, both within mu g; the car does not reverse (a car spun backwards
 * stops rolling). Semi-implicit Euler for the velocities and the mean velocities for the pose, in
 * substeps of at most {@link #SUBSTEP_S}: the same inputs give the same bits.
 *
 * <p>Mass and inertia are a mid-size car's (its yaw inertia a uniform box's, as the contact layer
 * weighs it); the equations are those of Althoff et al., <i>CommonRoad: Vehicle Models</i> (2020),
 * section 5 (the single-track model), written with forces and a friction circle per axle (Pacejka,
 * <i>Tire and Vehicle Dynamics</i>, 1.3).
 */
public final class SingleTrackModel implements CarModel {
  /** The car's mass [kg]. */
  public static final double MASS_KG = 1500;

  /** The centre of mass ahead of the rear axle, as a share of the wheelbase: midway. */
  public static final double COG_SHARE = 0.5;

  /** Cornering stiffness of the front tires per newton of load [1/rad]. */
  public static final double FRONT_STIFFNESS = 18;

  /** Cornering stiffness of the rear tires per newton of load [1/rad]. */
  public static final double REAR_STIFFNESS = 22;

  /** All kinematic below this forward speed [m/s]. */
  public static final double KINEMATIC_BELOW_MPS = 1.5;

  /** All dynamic above this forward speed [m/s]. */
  public static final double DYNAMIC_ABOVE_MPS = 3;

  /** The longest integration substep [s]. */
  public static final double SUBSTEP_S = 0.005;

  private final CarParams p;
  private final double lf;
  private final double lr;
  private final double inertia;
  private final double fzf;
  private final double fzr;
  private final double cf;
  private final double cr;

  public SingleTrackModel(CarParams params) {
    this.p = params;
    double wheelbase = params.wheelbaseM();
    this.lr = COG_SHARE * wheelbase;
    this.lf = wheelbase - lr;
    // a uniform box of the body's length and width, as the contact layer weighs a car
    this.inertia =
        MASS_KG * (params.lengthM() * params.lengthM() + params.widthM() * params.widthM()) / 12;
    double weight = MASS_KG * CarParams.GRAVITY_MPS2;
    this.fzf = weight * lr / wheelbase;
    this.fzr = weight * lf / wheelbase;
    this.cf = FRONT_STIFFNESS * fzf;
    this.cr = REAR_STIFFNESS * fzr;
  }

  @Override
  public CarParams params() {
    return p;
  }

  /** The centre of mass's distance ahead of the rear axle [m]. */
  public double rearToCogM() {
    return lr;
  }

  /** The yaw inertia [kg m^2]. */
  public double yawInertiaKgm2() {
    return inertia;
  }

  /**
   * The understeer gradient K = (m / L) (lr / Cf - lf / Cr) [rad per m/s^2]: the extra wheel angle
   * a steady turn needs per unit of lateral acceleration.
   */
  public double understeerGradient() {
    return MASS_KG / p.wheelbaseM() * (lr / cf - lf / cr);
  }

  @Override
  public CarState step(CarState s, double steerCmd, double throttle, double dtS) {
    int n = Math.max(1, (int) Math.ceil(dtS / SUBSTEP_S - 1e-9));
    double h = dtS / n;
    double mu = p.frictionMu();
    double g = CarParams.GRAVITY_MPS2;
    double wheelbase = p.wheelbaseM();
    double target = steerCmd * p.maxSteerRad();
    double maxDelta = p.steerRateRadps() * h;
    double psi = s.heading();
    double cx = s.x() + lr * Math.cos(psi);
    double cy = s.y() + lr * Math.sin(psi);
    double vx = s.speedMps();
    double r = s.yawRateRadps();
    double vy = s.lateralMps() + lr * r;
    double delta = s.steerRad();
    double command = throttle >= 0 ? throttle * p.maxAccelMps2() : throttle * p.maxBrakeMps2();
    for (int k = 0; k < n; k++) {
      double vx0 = vx;
      double vy0 = vy;
      double r0 = r;
      delta += Math.max(-maxDelta, Math.min(maxDelta, target - delta));
      // no faster than the top speed, no reversing, no more than the tires can give
      double a = Math.max(-mu * g, Math.min(mu * g, command));
      a = a > 0 ? Math.min(a, Math.max(0, (p.maxSpeedMps() - vx) / h)) : Math.max(a, -vx / h);
      double w = (vx - KINEMATIC_BELOW_MPS) / (DYNAMIC_ABOVE_MPS - KINEMATIC_BELOW_MPS);
      w = Math.max(0, Math.min(1, w));
      double cos = Math.cos(delta);
      double sin = Math.sin(delta);
      if (w > 0) {
        double fx = MASS_KG * a;
        double fxf = fx * lr / wheelbase;
        double fxr = fx * lf / wheelbase;
        double fyf = lateral(cf * (delta - Math.atan((vy + lf * r) / vx)), mu * fzf, fxf);
        double fyr = lateral(cr * -Math.atan((vy - lr * r) / vx), mu * fzr, fxr);
        double ax = (fxr + fxf * cos - fyf * sin) / MASS_KG + vy * r;
        double ay = (fyr + fxf * sin + fyf * cos) / MASS_KG - vx * r;
        double ar = (lf * (fyf * cos + fxf * sin) - lr * fyr) / inertia;
        vx += ax * h;
        vy += ay * h;
        r += ar * h;
      } else {
        vx += a * h;
      }
      vx = Math.max(0, vx);
      if (w < 1) {
        double rk = vx * Math.tan(delta) / wheelbase;
        r = w * r + (1 - w) * rk;
        vy = w * vy + (1 - w) * lr * rk;
      }
      // the pose moves with the substep's mean velocities: exact for a constant acceleration
      double mid = psi + (r0 + r) / 4 * h;
      double c = Math.cos(mid);
      double sn = Math.sin(mid);
      double ux = (vx0 + vx) / 2;
      double uy = (vy0 + vy) / 2;
      cx += (c * ux - sn * uy) * h;
      cy += (sn * ux + c * uy) * h;
      psi += (r0 + r) / 2 * h;
    }
    psi = Geometry.wrapAngle(psi);
    return new CarState(
        cx - lr * Math.cos(psi), cy - lr * Math.sin(psi), psi, vx, delta, r, vy - lr * r);
  }

  /** A linear tire's force, clipped to what its friction circle leaves beside {@code fx}. */
  private static double lateral(double linear, double grip, double fx) {
    double cap = Math.sqrt(Math.max(0, grip * grip - fx * fx));
    return Math.max(-cap, Math.min(cap, linear));
  }
}
