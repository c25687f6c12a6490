package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GhostRingsTest {
  @Test
  void agentsOnOneSpotEachGetARingOneFurtherOutAndALoneOneNone() {
    List<float[]> px =
        List.of(
            new float[] {100, 100},
            new float[] {400, 300},
            new float[] {102, 101},
            new float[] {100, 100},
            new float[] {401, 300},
            new float[] {700, 50});
    assertThat(GhostRings.ranks(px)).containsExactly(1, 1, 2, 3, 2, 0);
  }

  @Test
  void bodiesApartOnTheScreenGetNoRing() {
    assertThat(GhostRings.ranks(List.of(new float[] {0, 0}, new float[] {GhostRings.NEAR_PX, 0})))
        .containsExactly(0, 0);
    assertThat(GhostRings.ranks(List.of())).isEmpty();
  }
}
