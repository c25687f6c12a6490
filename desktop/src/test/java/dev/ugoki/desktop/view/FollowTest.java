package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowTest {
  @Test
  void theCameraCyclesThroughTheAgentsThenFree() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert(), new Driver.Expert()));
    Follow f = new Follow();
    int n = s.agents().size();
    assertThat(f.target()).isZero();
    f.next(n);
    assertThat(f.target()).isEqualTo(1);
    assertThat(f.focus(s.agents()).index()).isEqualTo(1);
    f.next(n);
    assertThat(f.free()).isTrue();
    assertThat(f.target()).isEqualTo(Follow.FREE);
    assertThat(f.focus(s.agents()).index()).as("a free camera describes the first").isZero();
    f.next(n);
    assertThat(f.target()).isZero();
    assertThatThrownBy(() -> f.set(2, n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camera target 2 is not an agent (0..1)");
  }
}
