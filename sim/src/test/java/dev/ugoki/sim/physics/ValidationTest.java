package dev.ugoki.sim.physics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused at once with a one-line message that names the problem. */
class ValidationTest {
  private static Arguments bad(String message, ThrowingCallable call) {
    return Arguments.of(message, call);
  }

  static Stream<Arguments> badInputs() {
    Polygon box = Polygon.box(0.05, 0.05);
    return Stream.of(
        bad("mass must be positive and finite, was 0.0", () -> Body.dynamic(box).mass(0)),
        bad("mass must be positive and finite, was -1.0", () -> Body.dynamic(box).mass(-1)),
        bad("mass must be positive and finite, was NaN", () -> Body.dynamic(box).mass(Double.NaN)),
        bad("density must be positive and finite, was 0.0", () -> Body.dynamic(box).density(0)),
        bad("density must be positive and finite, was -2.0", () -> Body.dynamic(box).density(-2)),
        bad(
            "density must be positive and finite, was NaN",
            () -> Body.dynamic(box).density(Double.NaN)),
        bad(
            "density must be positive and finite, was Infinity",
            () -> Body.dynamic(box).density(Double.POSITIVE_INFINITY)),
        bad(
            "friction must be at least 0 and finite, was -0.1",
            () -> Body.dynamic(box).friction(-0.1)),
        bad(
            "friction must be at least 0 and finite, was NaN",
            () -> Body.dynamic(box).friction(Double.NaN)),
        bad(
            "table friction must be at least 0 and finite, was -1.0",
            () -> Body.dynamic(box).tableFriction(-1)),
        bad(
            "table friction must be at least 0 and finite, was NaN",
            () -> Body.dynamic(box).tableFriction(Double.NaN)),
        bad(
            "restitution must be at least 0 and finite, was -0.5",
            () -> Body.dynamic(box).restitution(-0.5)),
        bad("restitution must be at most 1, was 1.5", () -> Body.dynamic(box).restitution(1.5)),
        bad(
            "restitution must be at least 0 and finite, was NaN",
            () -> Body.dynamic(box).restitution(Double.NaN)),
        bad(
            "polygon vertices must be counter-clockwise, signed area was -1.0",
            () -> Polygon.of(0, 0, 0, 1, 1, 1, 1, 0)),
        bad(
            "polygon must be convex, corner at vertex 3 does not turn left",
            () -> Polygon.of(0, 0, 2, 0, 2, 2, 1, 0.5, 0, 2)),
        bad(
            "polygon must be convex, corner at vertex 1 does not turn left",
            () -> Polygon.of(0, 0, 1, 0, 2, 0, 1, 1)),
        bad(
            "polygon needs 3 to 32 vertices as x, y pairs, got 4 values",
            () -> Polygon.of(0, 0, 1, 0)),
        bad("polygon vertex must be finite, was NaN", () -> Polygon.of(0, 0, 1, 0, Double.NaN, 1)),
        bad("disc radius must be positive and finite, was 0.0", () -> Disc.of(0)),
        bad("disc radius must be positive and finite, was NaN", () -> Disc.of(Double.NaN)),
        bad(
            "box half extents must be positive and finite, were -1.0, 1.0",
            () -> Polygon.box(-1, 1)),
        bad("a body needs at least one shape", () -> Body.dynamic()),
        bad("time step must be positive and finite, was 0.0", () -> new World().step(0)),
        bad(
            "velocity iterations must be in [1, 1000], was 0",
            () -> WorldSettings.defaults().withIterations(0, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedWithAOneLineMessage(String message, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message)
        .hasMessageNotContaining("\n");
  }

  @Test
  void aNanVelocityOnAKinematicBodyIsRefused() {
    Body tip = new World().add(Body.kinematic(Disc.of(0.015)));
    assertThatThrownBy(() -> tip.setVelocity(Double.NaN, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("velocity must be finite, was (NaN, 0.0, 0.0)");
    assertThatThrownBy(() -> tip.setVelocity(0, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("velocity must be finite, was (0.0, 0.0, Infinity)");
  }

  @Test
  void aStaticBodyCannotBeGivenAVelocity() {
    Body wall = new World().add(Body.fixed(Polygon.box(1, 0.025)));
    assertThatThrownBy(() -> wall.setVelocity(1, 0, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a static body has no velocity");
  }
}
