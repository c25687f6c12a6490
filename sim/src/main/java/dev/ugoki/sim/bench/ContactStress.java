package dev.ugoki.sim.bench;

import dev.ugoki.sim.physics.Body;
import dev.ugoki.sim.physics.BodyBuilder;
import dev.ugoki.sim.physics.Disc;
import dev.ugoki.sim.physics.Polygon;
import dev.ugoki.sim.physics.World;
import dev.ugoki.sim.physics.WorldSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The contact layer under load: 50 bodies (25 boxes of 6 cm, 25 discs of 3 cm radius, seeded sizes
 * and places) slide down a table tilted toward a walled bin (a force of 3 m/s^2 x their mass along
 * -y, table friction 0.2), fall into a pile against the bin's floor and walls, and lie there; then
 * the scene starts again. Steps of 1/60 s, 8 velocity and 3 position iterations, as a game steps
 * Box2D. The row says the steps per second and, in its name, the contacts of an average step.
 */
public final class ContactStress {
  static final int BODIES = 50;

  /** Steps of one scene, from the drop to a settled pile (10 s). */
  static final int STEPS_PER_SCENE = 600;

  static final double DT_S = 1.0 / 60;

  private World world;
  private int step;
  private long seed;
  private long contacts;
  private long steps;

  ContactStress() {
    build();
  }

  private void build() {
    world = new World(WorldSettings.defaults());
    // the bin: a floor and two walls, 0.8 m wide, open at the top
    world.add(Body.fixed(Polygon.box(0.45, 0.025, 0, -0.025, 0)));
    world.add(Body.fixed(Polygon.box(0.025, 0.6, -0.425, 0.55, 0)));
    world.add(Body.fixed(Polygon.box(0.025, 0.6, 0.425, 0.55, 0)));
    SplittableRandom r = new SplittableRandom(seed++);
    for (int i = 0; i < BODIES; i++) {
      double x = -0.33 + 0.66 * (i % 10) / 9 + r.nextDouble(-0.01, 0.01);
      double y = 0.1 + 0.1 * (i / 10) + r.nextDouble(0, 0.02);
      BodyBuilder b =
          i % 2 == 0
              ? Body.dynamic(Polygon.box(0.03 * r.nextDouble(0.8, 1.2), 0.03))
                  .at(x, y, r.nextDouble(3))
              : Body.dynamic(Disc.of(0.03 * r.nextDouble(0.8, 1.2))).at(x, y, 0);
      Body body = world.add(b.density(10).friction(0.4).tableFriction(0.2));
      body.setForce(0, -3 * body.mass(), 0);
    }
    step = 0;
  }

  /** One step of the scene, a new scene after {@value #STEPS_PER_SCENE}; the contacts after it. */
  int step() {
    if (step == STEPS_PER_SCENE) {
      build();
    }
    world.step(DT_S);
    step++;
    int n = world.contactCount();
    contacts += n;
    steps++;
    return n;
  }

  /** The mean contacts of the steps so far. */
  double meanContacts() {
    return steps == 0 ? 0 : contacts / (double) steps;
  }

  /** The bench's row: steps per second on one thread, and the mean contacts in its name. */
  public static SimBench.Result measure(double secondsPerSample, int samples) {
    ContactStress scene = new ContactStress();
    LongSupplier burst =
        () -> {
          for (int i = 0; i < 100; i++) {
            scene.step();
          }
          return 100;
        };
    SimBench.Result r =
        SimBench.measured("contacts", SimBench.STEPS, 1, 1, secondsPerSample, samples, burst);
    String name =
        String.format(
            java.util.Locale.ROOT,
            "contact stress, %d bodies, %.0f contacts",
            BODIES,
            scene.meanContacts());
    return new SimBench.Result(name, r.unit(), 1, 1, r.median(), r.samples());
  }

  /** The scene's bodies (for a test of its pile). */
  List<Body> bodies() {
    return new ArrayList<>(world.bodies());
  }
}
