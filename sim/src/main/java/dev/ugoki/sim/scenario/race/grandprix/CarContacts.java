package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.body.CarParams;
import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.body.SingleTrackModel;
import dev.ugoki.sim.geom.Geometry;
import dev.ugoki.sim.physics.Body;
import dev.ugoki.sim.physics.Polygon;
import dev.ugoki.sim.physics.World;
import dev.ugoki.sim.physics.WorldSettings;
import java.util.List;

/**
 * Cars that touch: each car an oriented box of its body's length and width in the contact layer
 * ({@link World}), so that cars push, bump and spin each other.
 *
 * <p>A step is split in two (operator splitting, as games couple a vehicle model to a rigid-body
 * engine): first each car moves by its own model alone ({@code to}); then every car's box is put
 * where it started, given the velocity that carries it to where its model took it, and the world
 * steps once with no table friction and no forces. A car the step touched nothing keeps its model's
 * state exactly, so a car alone drives as it would in {@code race}, bit for bit. A car that touched
 * another takes the world's pose and adds the contact's change of velocity and spin to its model's:
 * a bump changes its speed, its sideways slide and its yaw rate, which its tires then work against.
 * Contact impulses are equal and opposite, so a bump conserves the cars' momentum, and with a
 * restitution of at most 1 and friction it makes no energy.
 *
 * <p>Speculative contacts (see {@link World}) keep cars from passing through each other at any
 * speed. A car the kinematic model drives cannot slide: a bump changes its speed and pose, and the
 * sideways part of it is lost; cars that bump are meant for the dynamic model.
 */
final class CarContacts {
  /** Coefficient of restitution between cars: a bump, not a bounce. */
  static final double RESTITUTION = 0.2;

  /** Coulomb friction between two car bodies (painted steel and plastic). */
  static final double FRICTION = 0.3;

  private final World world;
  private final Body[] bodies;
  private final double[] centre;
  private final double[] set;
  private final boolean[][] touching;

  /** Where cars out of the race are put, far from any track [m]. */
  private static final double FAR_M = 1e6;

  /** One box per car, in the order the states will come. */
  CarContacts(List<CarParams> cars) {
    this.world =
        new World(WorldSettings.defaults().withGravity(0).withSubsteps(2).withIterations(8, 3));
    this.bodies = new Body[cars.size()];
    this.centre = new double[cars.size()];
    this.set = new double[3 * cars.size()];
    this.touching = new boolean[cars.size()][cars.size()];
    for (int i = 0; i < bodies.length; i++) {
      CarParams p = cars.get(i);
      bodies[i] =
          world.add(
              Body.dynamic(Polygon.box(p.lengthM() / 2, p.widthM() / 2))
                  .mass(SingleTrackModel.MASS_KG)
                  .friction(FRICTION)
                  .restitution(RESTITUTION)
                  .tableFriction(0));
      centre[i] = p.centerOffsetM();
    }
  }

  /**
   * The cars' states after a step of {@code dtS} in which car i went from {@code from[i]} to {@code
   * to[i]} by its own model; see the class.
   */
  CarState[] resolve(CarState[] from, CarState[] to, double dtS) {
    boolean[] all = new boolean[bodies.length];
    java.util.Arrays.fill(all, true);
    return resolve(from, to, all, dtS);
  }

  /**
   * As {@link #resolve(CarState[], CarState[], double)} among the cars {@code onTrack}; the others
   * are out of the world (far away, touching nothing) and keep {@code to}.
   */
  CarState[] resolve(CarState[] from, CarState[] to, boolean[] onTrack, double dtS) {
    for (int i = 0; i < bodies.length; i++) {
      if (!onTrack[i]) {
        bodies[i].setPose(FAR_M + 10 * i, FAR_M, 0);
        bodies[i].setVelocity(0, 0, 0);
        set[3 * i] = 0;
        set[3 * i + 1] = 0;
        set[3 * i + 2] = 0;
        continue;
      }
      CarState a = from[i];
      CarState b = to[i];
      double turn = Geometry.wrapAngle(b.heading() - a.heading());
      double vx = (middleX(b, i) - middleX(a, i)) / dtS;
      double vy = (middleY(b, i) - middleY(a, i)) / dtS;
      double w = turn / dtS;
      bodies[i].setPose(middleX(a, i), middleY(a, i), a.heading());
      bodies[i].setVelocity(vx, vy, w);
      set[3 * i] = vx;
      set[3 * i + 1] = vy;
      set[3 * i + 2] = w;
    }
    world.step(dtS);
    for (boolean[] row : touching) {
      java.util.Arrays.fill(row, false);
    }
    world.forEachContact(
        (a, b, x, y, nx, ny, separation, impulse) -> {
          int i = indexOf(a);
          int j = indexOf(b);
          touching[i][j] = true;
          touching[j][i] = true;
        });
    CarState[] out = new CarState[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      if (!onTrack[i]) {
        out[i] = to[i];
        continue;
      }
      Body body = bodies[i];
      double dvx = body.vx() - set[3 * i];
      double dvy = body.vy() - set[3 * i + 1];
      double dw = body.angularVelocity() - set[3 * i + 2];
      if (dvx == 0 && dvy == 0 && dw == 0) {
        out[i] = to[i];
        continue;
      }
      out[i] = bumped(to[i], body, dvx, dvy, dw, centre[i]);
    }
    return out;
  }

  /** {@code s} at the body's pose, its velocity changed by (dvx, dvy) and its spin by dw. */
  private static CarState bumped(
      CarState s, Body body, double dvx, double dvy, double dw, double centre) {
    double h0 = s.heading();
    double c0 = Math.cos(h0);
    double s0 = Math.sin(h0);
    // the model's velocity of the body's middle, in the world
    double rx = c0 * s.speedMps() - s0 * s.lateralMps();
    double ry = s0 * s.speedMps() + c0 * s.lateralMps();
    double mx = rx - s.yawRateRadps() * centre * s0 + dvx;
    double my = ry + s.yawRateRadps() * centre * c0 + dvy;
    double r = s.yawRateRadps() + dw;
    double h = Geometry.wrapAngle(body.angle());
    double c = Math.cos(h);
    double n = Math.sin(h);
    // back to the rear axle, in the body's frame
    double ax = mx + r * centre * n;
    double ay = my - r * centre * c;
    double forward = c * ax + n * ay;
    double sideways = -n * ax + c * ay;
    return new CarState(
        body.x() - centre * c,
        body.y() - centre * n,
        h,
        Math.max(0, forward),
        s.steerRad(),
        r,
        sideways);
  }

  /** Whether cars i and j touched in the last {@link #resolve}. */
  boolean touched(int i, int j) {
    return touching[i][j];
  }

  private int indexOf(Body b) {
    for (int i = 0; i < bodies.length; i++) {
      if (bodies[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("a body that is not a car");
  }

  private double middleX(CarState s, int i) {
    return s.x() + centre[i] * Math.cos(s.heading());
  }

  private double middleY(CarState s, int i) {
    return s.y() + centre[i] * Math.sin(s.heading());
  }
}
