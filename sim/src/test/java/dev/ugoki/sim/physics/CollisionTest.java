package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Head-on frictionless collisions against momentum conservation and Newton's restitution law. */
class CollisionTest {
  private static void collide(Shape sa, Shape sb, double touching, double ma, double mb, double e) {
    World world = new World();
    double va = 1.5;
    double vb = -0.5;
    Body a =
        world.add(
            Body.dynamic(sa)
                .mass(ma)
                .friction(0)
                .tableFriction(0)
                .restitution(e)
                .at(-0.2, 0, 0)
                .velocity(va, 0, 0));
    Body b =
        world.add(
            Body.dynamic(sb)
                .mass(mb)
                .friction(0)
                .tableFriction(0)
                .restitution(e)
                .at(0.2, 0, 0)
                .velocity(vb, 0, 0));
    double p0 = ma * va + mb * vb;
    for (int i = 0; i < 40; i++) {
      world.step(Scenes.DT);
    }
    assertThat(ma * a.vx() + mb * b.vx()).isCloseTo(p0, within(1e-12));
    assertThat(b.vx() - a.vx()).isCloseTo(e * (va - vb), within(0.01 * (va - vb)));
    assertThat(a.vy()).isCloseTo(0, within(1e-12));
    assertThat(b.vy()).isCloseTo(0, within(1e-12));
    assertThat(a.angularVelocity()).isCloseTo(0, within(1e-9));
    assertThat(b.angularVelocity()).isCloseTo(0, within(1e-9));
    assertThat(b.x() - a.x()).isGreaterThan(touching - 1e-3); // they never overlap more than 1 mm
  }

  @ParameterizedTest
  @CsvSource({"0, 1, 1", "0.5, 1, 1", "1, 1, 1", "0.8, 0.2, 1.3", "0.3, 2, 0.5"})
  void twoDiscsConserveMomentumAndSeparateAtETimesTheApproachSpeed(double e, double ma, double mb) {
    collide(Disc.of(0.05), Disc.of(0.03), 0.08, ma, mb, e);
  }

  @ParameterizedTest
  @CsvSource({"0, 1, 1", "0.5, 1, 1", "1, 1, 1", "0.8, 0.2, 1.3", "0.3, 2, 0.5"})
  void twoBoxesConserveMomentumAndSeparateAtETimesTheApproachSpeed(double e, double ma, double mb) {
    collide(Polygon.box(0.05, 0.05), Polygon.box(0.025, 0.1), 0.075, ma, mb, e);
  }
}
