package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A kinematic pusher tip moving a block: straight through the centre of mass, turning off it. */
class PushTest {
  private static final double SPEED = 0.2; // [m/s]

  /** Pushes along +x from (-0.15, offset) for 3 s; returns the box. */
  private static Body pushBox(double offsetM) {
    World world = new World();
    Body box = world.add(Body.dynamic(Polygon.box(0.05, 0.05)).tableFriction(0.3));
    Body tip = world.add(Body.kinematic(Disc.of(0.015)).at(-0.15, offsetM, 0));
    tip.setVelocity(SPEED, 0, 0);
    for (int i = 0; i < 60; i++) {
      world.step(Scenes.DT);
    }
    return box;
  }

  @Test
  void aPushThroughTheCentreOfMassTranslatesWithoutTurning() {
    Body box = pushBox(0);
    assertThat(box.x()).isGreaterThan(0.3);
    assertThat(Math.abs(box.angle())).isLessThan(1e-6);
    assertThat(Math.abs(box.y())).isLessThan(1e-6);
    assertThat(box.vx()).isEqualTo(SPEED);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.03, -0.01, -0.03})
  void aPushAboveTheCentreTurnsClockwiseAndBelowCounterClockwise(double offset) {
    Body box = pushBox(offset);
    // torque r x F with r = (-0.05, offset), F = (F, 0): -offset F
    assertThat(Math.signum(box.angle())).isEqualTo(-Math.signum(offset));
    assertThat(Math.abs(box.angle())).isGreaterThan(0.05);
  }

  /** Pushes the T's stem from below along +y, {@code offset} to the side of its axis. */
  private static Body pushTee(double offsetM) {
    World world = new World();
    Body tee = world.add(Scenes.tee());
    Body tip = world.add(Body.kinematic(Disc.of(0.015)).at(offsetM, -0.3, 0));
    tip.setVelocity(0, SPEED, 0);
    for (int i = 0; i < 60; i++) {
      world.step(Scenes.DT);
    }
    return tee;
  }

  @Test
  void aTeePushedAlongItsAxisTranslatesWithoutTurning() {
    Body tee = pushTee(0);
    assertThat(tee.y()).isGreaterThan(0.2);
    assertThat(Math.abs(tee.angle())).isLessThan(1e-6);
    assertThat(Math.abs(tee.x())).isLessThan(1e-6);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, -0.01})
  void aTeePushedRightOfItsAxisTurnsCounterClockwise(double offset) {
    Body tee = pushTee(offset);
    // r = (offset, ry), F = (0, F): torque offset F
    assertThat(Math.signum(tee.angle())).isEqualTo(Math.signum(offset));
    assertThat(Math.abs(tee.angle())).isGreaterThan(0.05);
  }
}
