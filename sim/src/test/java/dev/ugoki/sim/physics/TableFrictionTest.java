package dev.ugoki.sim.physics;

import static dev.ugoki.sim.physics.Scenes.G;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A body alone on the table against the closed forms of Coulomb friction. */
class TableFrictionTest {
  @ParameterizedTest
  @CsvSource({
    "1.0, 0.3, 0.05, 0",
    "0.5, 0.5, 0.05, 0.7",
    "2.0, 0.2, 0.01, -2.0",
    "0.1, 0.3, 0.05, 1"
  })
  void aSlidingBlockStopsAfterVSquaredOverTwoMuGAndStaysStill(
      double speed, double mu, double dt, double heading) {
    World world = new World();
    Body block =
        world.add(
            Body.dynamic(Polygon.box(0.05, 0.05))
                .tableFriction(mu)
                .velocity(speed * Math.cos(heading), speed * Math.sin(heading), 0));
    int steps = (int) Math.ceil(speed / (mu * G) / dt) + 2;
    for (int i = 0; i < steps; i++) {
      world.step(dt);
    }
    double expected = speed * speed / (2 * mu * G);
    double travelled = Math.hypot(block.x(), block.y());
    assertThat(travelled).isCloseTo(expected, within(0.01 * expected));
    assertThat(block.angle()).isZero();
    double x = block.x();
    double y = block.y();
    for (int i = 0; i < 1000; i++) {
      world.step(dt);
      assertThat(block.vx()).isZero();
      assertThat(block.vy()).isZero();
    }
    assertThat(block.x()).isEqualTo(x);
    assertThat(block.y()).isEqualTo(y);
  }

  @ParameterizedTest
  @CsvSource({"10, 0.3", "-4, 0.5"})
  void aSpinningBlockSlowsAtMuMGcOverIAndStops(double spin, double mu) {
    World world = new World();
    Body block =
        world.add(Body.dynamic(Polygon.box(0.05, 0.05)).tableFriction(mu).velocity(0, 0, spin));
    double alpha = mu * block.mass() * G * block.meanRadius() / block.inertia();
    for (int i = 0; i < 200; i++) {
      world.step(0.05);
    }
    double expected = spin * Math.abs(spin) / (2 * alpha);
    assertThat(block.angle()).isCloseTo(expected, within(0.01 * Math.abs(expected)));
    assertThat(block.angularVelocity()).isZero();
    assertThat(block.x()).isZero();
    assertThat(block.y()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"0.4, 5", "0.4, -5"})
  void aSlidingSpinningBlockStopsBothAtOnce(double speed, double spin) {
    World world = new World();
    Body block =
        world.add(
            Body.dynamic(Polygon.box(0.05, 0.05)).tableFriction(0.3).velocity(speed, 0, spin));
    double w0 = spin;
    world.step(0.05);
    assertThat(Math.abs(block.angularVelocity())).isLessThan(Math.abs(w0));
    for (int i = 0; i < 100; i++) {
      world.step(0.05);
    }
    assertThat(block.vx()).isZero();
    assertThat(block.angularVelocity()).isZero();
    // sliding spreads friction between the two motions, so each lasts longer than alone
    assertThat(block.x()).isGreaterThan(speed * speed / (2 * 0.3 * G));
  }
}
