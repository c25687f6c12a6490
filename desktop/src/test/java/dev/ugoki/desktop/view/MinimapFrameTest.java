package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MinimapFrameTest {
  /** A 400 x 200 m world in a 200 x 200 px panel at (1000, 500), 10 px inside its edges. */
  private static final MinimapFrame WIDE =
      MinimapFrame.fit(-200, -100, 200, 100, 1000, 500, 200, 200, 10);

  @Test
  void theWorldFitsInsideThePaddingWithItsAspectKept() {
    assertThat(WIDE.pixelsPerMetre()).isCloseTo(180 / 400.0, within(1e-9));
    float[] topLeft = WIDE.toPixel(-200, 100);
    float[] bottomRight = WIDE.toPixel(200, -100);
    assertThat(topLeft[0]).isCloseTo(1010f, within(1e-3f));
    assertThat(bottomRight[0]).isCloseTo(1190f, within(1e-3f));
    // 90 px tall, centred in the 200 px: 55 px above and below
    assertThat(topLeft[1]).isCloseTo(555f, within(1e-3f));
    assertThat(bottomRight[1]).isCloseTo(645f, within(1e-3f));
  }

  @Test
  void northIsUpAndTheCentreIsTheCentre() {
    float[] c = WIDE.toPixel(0, 0);
    assertThat(c[0]).isCloseTo(1100f, within(1e-3f));
    assertThat(c[1]).isCloseTo(600f, within(1e-3f));
    assertThat(WIDE.toPixel(0, 50)[1]).as("a point further north is higher").isLessThan(c[1]);
    assertThat(WIDE.toPixel(50, 0)[0]).as("further east is further right").isGreaterThan(c[0]);
  }

  @Test
  void theCamerasViewIsARectangleCutToThePanel() {
    float[] v = WIDE.view(0, 0, 80, 50);
    assertThat(v[0]).isCloseTo(1100 - 18f, within(1e-3f));
    assertThat(v[1]).isCloseTo(600 - 11.25f, within(1e-3f));
    assertThat(v[2]).isCloseTo(36f, within(1e-3f));
    assertThat(v[3]).isCloseTo(22.5f, within(1e-3f));
    float[] all = WIDE.view(0, 0, 10_000, 10_000);
    assertThat(all).containsExactly(1000, 500, 200, 200);
    float[] off = WIDE.view(5_000, 0, 10, 10);
    assertThat(off[2]).as("a view off the world covers nothing").isZero();
  }

  @Test
  void thePanelTakesTheWorldsShapeButNeverASliver() {
    assertThat(MinimapFrame.size(400, 300, 200)).containsExactly(200, 150);
    assertThat(MinimapFrame.size(10, 16, 200)).containsExactly(125, 200);
    assertThat(MinimapFrame.size(1000, 10, 200)).containsExactly(200, 100);
    assertThat(MinimapFrame.size(4, 4, 200)).containsExactly(200, 200);
  }

  @Test
  void everyPointOfTheWorldIsOnThePanel() {
    MinimapFrame tall = MinimapFrame.fit(0, 0, 16, 10, 20, 30, 125, 200, 6);
    for (double x = 0; x <= 16; x += 0.5) {
      for (double y = 0; y <= 10; y += 0.5) {
        float[] p = tall.toPixel(x, y);
        assertThat(tall.contains(p[0], p[1])).as("%s, %s", x, y).isTrue();
      }
    }
  }
}
