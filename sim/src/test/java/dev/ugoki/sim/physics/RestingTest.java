package dev.ugoki.sim.physics;

import static dev.ugoki.sim.physics.Scenes.G;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies at rest stay at rest: no drift, no jitter, over 100,000 steps (83 minutes at 20 Hz). */
class RestingTest {
  private static final int STEPS = 100_000;

  @Test
  void aBlockAtRestStaysExactlyWhereItIs() {
    World world = new World();
    Body block = world.add(Scenes.tee().at(0.1, -0.2, 0.3));
    Scenes.walls(world, 0.5);
    double x = block.x();
    double y = block.y();
    double a = block.angle();
    for (int i = 0; i < STEPS; i++) {
      world.step(Scenes.DT);
    }
    assertThat(block.x()).isEqualTo(x);
    assertThat(block.y()).isEqualTo(y);
    assertThat(block.angle()).isEqualTo(a);
  }

  @Test
  void aForceBelowTheFrictionLimitMovesNothing() {
    World world = new World();
    Body block = world.add(Body.dynamic(Polygon.box(0.05, 0.05)).tableFriction(0.3));
    block.setForce(0.9 * 0.3 * block.mass() * G, 0, 0);
    for (int i = 0; i < STEPS; i++) {
      world.step(Scenes.DT);
    }
    assertThat(block.x()).isZero();
    assertThat(block.vx()).isZero();
  }

  /**
   * A row of blocks pressed toward a wall by a force on the last one, twice the friction of the
   * row: one block holds still at once, a row after settling (8 iterations need a few hundred steps
   * to carry the push down the row).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void blocksPressedAgainstAWallNeitherSinkNorJitter(int count) {
    World world = new World();
    world.add(Body.fixed(Polygon.box(0.025, 0.3, 0.125, 0, 0)));
    Body[] row = new Body[count];
    for (int i = 0; i < count; i++) {
      // touching each other and the wall's face at x = 0.1
      row[i] = world.add(Body.dynamic(Polygon.box(0.05, 0.05)).at(0.05 - 0.1 * i, 0, 0));
    }
    double mass = row[0].mass();
    row[count - 1].setForce(2 * 0.3 * mass * G * count, 0, 0);
    for (int i = 0; i < 1000; i++) {
      world.step(Scenes.DT); // a row takes a few hundred steps to settle into the slop
    }
    double[] before = new double[3 * count];
    for (int i = 0; i < count; i++) {
      before[3 * i] = row[i].x();
      before[3 * i + 1] = row[i].y();
      before[3 * i + 2] = row[i].angle();
    }
    double worst = 0;
    for (int s = 0; s < STEPS; s++) {
      world.step(Scenes.DT);
      for (int i = 0; i < count; i++) {
        worst = Math.max(worst, Math.abs(row[i].x() - before[3 * i]));
        worst = Math.max(worst, Math.abs(row[i].y() - before[3 * i + 1]));
      }
    }
    assertThat(worst).isLessThan(1e-6);
    for (int i = 0; i < count; i++) {
      assertThat(Math.abs(row[i].angle() - before[3 * i + 2])).isLessThan(1e-6);
      // each contact on the way to the wall overlaps by the slop, no more
      double slop = world.settings().linearSlopM();
      assertThat(row[i].x()).isLessThan(0.05 - 0.1 * i + (i + 1) * slop + 1e-9);
    }
    assertThat(world.contactCount()).isEqualTo(2 * count);
  }
}
