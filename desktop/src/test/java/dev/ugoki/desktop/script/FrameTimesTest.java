package dev.ugoki.desktop.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTimesTest {
  @Test
  void theMedianIgnoresAFewStalls() {
    FrameTimes t = new FrameTimes();
    for (int i = 0; i < 2000; i++) {
      t.add(i % 100 == 0 ? 500_000_000L : 16_666_667L); // a 0.5 s stall every 100 frames
    }
    assertThat(t.count()).isEqualTo(2000);
    assertThat(t.medianMs()).isEqualTo(16.666667);
    assertThat(t.medianFps()).isBetween(59.99, 60.01);
    assertThat(t.quantileMs(1.0)).isEqualTo(500.0);
  }

  @Test
  void noFramesNoNumber() {
    assertThat(new FrameTimes().medianMs()).isNaN();
  }
}
