package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two worlds given the same calls hold the same bits at every step. */
class DeterminismTest {
  private static World pushT(long seed) {
    World world = new World();
    Scenes.walls(world, 0.3);
    SplittableRandom rng = new SplittableRandom(seed);
    world.add(Scenes.tee().at(rng.nextDouble(-0.1, 0.1), rng.nextDouble(-0.1, 0.1), 1.0));
    world.add(Body.dynamic(Polygon.box(0.03, 0.02)).restitution(0.4).at(0.2, 0.2, 0.3));
    world.add(Body.kinematic(Disc.of(0.015)).at(-0.2, -0.2, 0));
    return world;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void twoWorldsSteppedAlikeAreBitForBitEqual(long seed) {
    World a = pushT(seed);
    World b = pushT(seed);
    SplittableRandom commands = new SplittableRandom(seed * 31 + 7);
    Body tipA = a.bodies().get(a.bodies().size() - 1);
    Body tipB = b.bodies().get(b.bodies().size() - 1);
    int moved = 0;
    for (int step = 0; step < 2000; step++) {
      // steer the tip toward a random point inside the walls, at up to 1 m/s
      double gx = commands.nextDouble(-0.28, 0.28);
      double gy = commands.nextDouble(-0.28, 0.28);
      double vx = Math.max(-1, Math.min(1, (gx - tipA.x()) * 4));
      double vy = Math.max(-1, Math.min(1, (gy - tipA.y()) * 4));
      tipA.setVelocity(vx, vy, 0);
      tipB.setVelocity(vx, vy, 0);
      a.step(Scenes.DT);
      b.step(Scenes.DT);
      for (int i = 0; i < a.bodies().size(); i++) {
        assertThat(bits(b.bodies().get(i))).isEqualTo(bits(a.bodies().get(i)));
      }
      assertThat(b.contactCount()).isEqualTo(a.contactCount());
      moved += a.contactCount() > 0 ? 1 : 0;
    }
    assertThat(moved).as("steps with contacts").isGreaterThan(100);
  }

  private static long[] bits(Body body) {
    return new long[] {
      Double.doubleToRawLongBits(body.x()),
      Double.doubleToRawLongBits(body.y()),
      Double.doubleToRawLongBits(body.angle()),
      Double.doubleToRawLongBits(body.vx()),
      Double.doubleToRawLongBits(body.vy()),
      Double.doubleToRawLongBits(body.angularVelocity())
    };
  }
}
