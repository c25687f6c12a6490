package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1.5 cm disc at 20 m/s (1 m per 0.05 s step, 20 times the bodies' thickness) never passes
 * through a wall or a block: at every step it overlaps them by at most 1 mm.
 */
class TunnelingTest {
  private static final double SPEED = 20; // [m/s]
  private static final double R = 0.015; // [m]

  /** How deep the disc overlaps the polygon [m]; negative when apart. */
  private static double overlap(Body disc, Polygon p) {
    double cx = disc.x();
    double cy = disc.y();
    int n = p.vertexCount();
    double sep = Double.NEGATIVE_INFINITY;
    double dist2 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      sep = Math.max(sep, p.normalX(i) * (cx - p.x(i)) + p.normalY(i) * (cy - p.y(i)));
      double ex = p.x(j) - p.x(i);
      double ey = p.y(j) - p.y(i);
      double u = ((cx - p.x(i)) * ex + (cy - p.y(i)) * ey) / (ex * ex + ey * ey);
      u = Math.max(0, Math.min(1, u));
      double dx = p.x(i) + u * ex - cx;
      double dy = p.y(i) + u * ey - cy;
      dist2 = Math.min(dist2, dx * dx + dy * dy);
    }
    return sep <= 0 ? R - sep : R - Math.sqrt(dist2);
  }

  private static double worstOverlap(Body disc, Body target) {
    double worst = Double.NEGATIVE_INFINITY;
    for (Shape s : target.worldShapes()) {
      worst = Math.max(worst, overlap(disc, (Polygon) s));
    }
    return worst;
  }

  @ParameterizedTest
  @CsvSource({
    "0.05, 0, 0, 0.37",
    "0.05, 0.5, 0, 0.41",
    "0.01, 0, 0, 0.5",
    "0.01, 1, 0.3, 0.333",
    "0.005, 0.2, -0.9, 0.29",
    "0.01, 0, 1.2, 0.3"
  })
  void aFastDiscNeverPassesThroughAThinWall(
      double thickness, double restitution, double heading, double startDistance) {
    World world = new World();
    Body wall = world.add(Body.fixed(Polygon.box(thickness / 2, 1, thickness / 2, 0, 0)));
    Body disc =
        world.add(
            Body.dynamic(Disc.of(R))
                .restitution(restitution)
                .at(-startDistance * Math.cos(heading), -startDistance * Math.sin(heading), 0)
                .velocity(SPEED * Math.cos(heading), SPEED * Math.sin(heading), 0));
    for (int i = 0; i < 40; i++) {
      world.step(Scenes.DT);
      assertThat(worstOverlap(disc, wall)).as("step %d", i).isLessThan(1e-3);
      assertThat(disc.x()).isLessThan(0);
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0.5, 0.06", "0.2, -0.085", "0, 0.02"})
  void aFastDiscNeverPassesThroughTheTee(double restitution, double aimX) {
    World world = new World();
    Body tee = world.add(Scenes.tee());
    Body disc =
        world.add(
            Body.dynamic(Disc.of(R))
                .restitution(restitution)
                .at(aimX, 0.47, 0)
                .velocity(0, -SPEED, 0));
    for (int i = 0; i < 20; i++) {
      world.step(Scenes.DT);
      assertThat(worstOverlap(disc, tee)).as("step %d", i).isLessThan(1e-3);
      // near the T and over its bar (in the T's frame), the disc is above the bar, never below
      double dx = disc.x() - tee.originX();
      double dy = disc.y() - tee.originY();
      double localX = Math.cos(tee.angle()) * dx + Math.sin(tee.angle()) * dy;
      double localY = -Math.sin(tee.angle()) * dx + Math.cos(tee.angle()) * dy;
      if (Math.hypot(dx, dy) < 0.2 && Math.abs(localX) < 0.1) {
        assertThat(localY).as("step %d", i).isGreaterThan(0.05 - 1e-3);
      }
    }
    assertThat(tee.y()).as("the hit drove the T down").isLessThan(Scenes.tee().build().y() - 0.01);
  }

  @ParameterizedTest
  @CsvSource({"0", "0.03", "-0.045"})
  void aFastKinematicTipPushesTheBlockAheadInsteadOfPassingThrough(double offset) {
    World world = new World();
    Body block = world.add(Body.dynamic(Polygon.box(0.025, 0.05)));
    Body tip = world.add(Body.kinematic(Disc.of(R)).at(-0.43, offset, 0));
    tip.setVelocity(SPEED, 0, 0);
    for (int i = 0; i < 10; i++) {
      world.step(Scenes.DT);
      assertThat(worstOverlap(tip, block)).as("step %d", i).isLessThan(1e-3);
    }
    // pushed at speed, either ahead of the tip or, hit off centre, spun aside
    assertThat(Math.hypot(block.vx(), block.vy())).isGreaterThan(1);
    if (offset == 0) {
      assertThat(block.x()).isGreaterThan(tip.x());
      assertThat(block.vx()).isEqualTo(SPEED);
    }
  }
}
