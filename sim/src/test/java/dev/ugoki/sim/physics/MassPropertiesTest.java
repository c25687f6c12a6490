package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mass, centre and inertia against the textbook formulas. */
class MassPropertiesTest {
  @Test
  void aBoxHasMassWHRhoAndInertiaMW2PlusH2Over12() {
    MassProperties mp = MassProperties.of(List.of(Polygon.box(0.1, 0.025, 0.3, -0.2, 0.4)), 2);
    double m = 2 * 0.2 * 0.05;
    assertThat(mp.massKg()).isCloseTo(m, within(1e-15));
    assertThat(mp.centroidX()).isCloseTo(0.3, within(1e-15));
    assertThat(mp.centroidY()).isCloseTo(-0.2, within(1e-15));
    assertThat(mp.inertiaKgM2()).isCloseTo(m * (0.2 * 0.2 + 0.05 * 0.05) / 12, within(1e-15));
  }

  @Test
  void anOffsetDiscHasInertiaMR2Over2AboutItsCentre() {
    MassProperties mp = MassProperties.of(List.of(new Disc(1, 2, 0.5)), 3);
    double m = 3 * Math.PI * 0.25;
    assertThat(mp.massKg()).isCloseTo(m, within(1e-12));
    assertThat(mp.inertiaKgM2()).isCloseTo(m * 0.25 / 2, within(1e-12));
    assertThat(mp.meanRadiusM()).isCloseTo(2 * 0.5 / 3, within(1e-4));
  }

  @Test
  void aTeeHasItsCentreOfMassOnTheStemAndTheParallelAxisInertia() {
    MassProperties mp = MassProperties.of(Scenes.tee().build().localShapes(), 1);
    MassProperties design =
        MassProperties.of(
            List.of(Polygon.box(0.1, 0.025, 0, 0.025, 0), Polygon.box(0.025, 0.1, 0, -0.1, 0)), 1);
    double a = 0.2 * 0.05;
    // bar centre at y = 0.025, stem centre at y = -0.1, equal areas
    assertThat(design.centroidX()).isCloseTo(0, within(1e-15));
    assertThat(design.centroidY()).isCloseTo(-0.0375, within(1e-15));
    double dy = 0.0625;
    double expected = 2 * a * (0.2 * 0.2 + 0.05 * 0.05) / 12 + 2 * a * dy * dy;
    assertThat(design.inertiaKgM2()).isCloseTo(expected, within(1e-15));
    assertThat(mp.inertiaKgM2()).isCloseTo(expected, within(1e-15));
    assertThat(mp.centroidY()).isCloseTo(0, within(1e-15));
  }

  @Test
  void aSquaresMeanRadiusIsItsSideTimesSqrt2PlusAsinh1Over6() {
    double side = 0.1;
    MassProperties mp = MassProperties.of(List.of(Polygon.box(side / 2, side / 2)), 1);
    double exact = side * (Math.sqrt(2) + Math.log(1 + Math.sqrt(2))) / 6;
    assertThat(mp.meanRadiusM()).isCloseTo(exact, within(5e-4 * exact));
  }

  @Test
  void aGivenMassIsSpreadOverTheArea() {
    World world = new World();
    Body t = world.add(Scenes.tee().mass(0.5).at(0.1, 0.2, 0));
    assertThat(t.mass()).isCloseTo(0.5, within(1e-15));
    assertThat(t.x()).isCloseTo(0.1, within(1e-15));
    assertThat(t.y()).isCloseTo(0.2 - 0.0375, within(1e-15));
    assertThat(t.originY()).isCloseTo(0.2, within(1e-15));
  }
}
