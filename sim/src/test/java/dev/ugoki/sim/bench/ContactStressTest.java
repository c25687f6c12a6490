package dev.ugoki.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.sim.physics.Body;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's pile is a pile: every body ends in the bin, touching others, at rest, alike twice.
 */
class ContactStressTest {
  @Test
  void fiftyBodiesSlideIntoTheBinAndLieThere() {
    ContactStress a = new ContactStress();
    ContactStress b = new ContactStress();
    int last = 0;
    for (int i = 0; i < ContactStress.STEPS_PER_SCENE; i++) {
      last = a.step();
      b.step();
    }
    List<Body> bodies = a.bodies();
    int moving = 0;
    for (int i = 3; i < bodies.size(); i++) {
      Body body = bodies.get(i);
      assertThat(Math.abs(body.x())).as("body %d in the bin", i).isLessThan(0.4);
      assertThat(body.y()).as("body %d above the floor", i).isBetween(0.0, 0.6);
      if (Math.hypot(body.vx(), body.vy()) > 0.01) {
        moving++;
      }
      assertThat(body.x()).isEqualTo(b.bodies().get(i).x());
      assertThat(body.y()).isEqualTo(b.bodies().get(i).y());
    }
    assertThat(moving).as("bodies still moving after 10 s").isZero();
    assertThat(last).as("contacts of the settled pile").isGreaterThan(ContactStress.BODIES);
  }
}
