package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The camera's arithmetic that needs no GL: zoom about the pointer, and the chase view's easing.
 */
class CameraRigTest {
  @Test
  void aZoomAboutThePointerKeepsTheWorldPointUnderIt() {
    float cx = 10;
    float cy = -4;
    float w = 1280;
    float h = 800;
    for (float[] p : new float[][] {{0, 0}, {640, 400}, {1000, 150}, {37, 799}}) {
      float before = 0.05f;
      float after = 0.08f;
      float wx = cx + (p[0] - w / 2) * before;
      float wy = cy + (h / 2 - p[1]) * before;
      float[] c = CameraRig.centreKeeping(cx, cy, p[0], p[1], w, h, before, after);
      assertThat(c[0] + (p[0] - w / 2) * after).isCloseTo(wx, within(1e-4f));
      assertThat(c[1] + (h / 2 - p[1]) * after).isCloseTo(wy, within(1e-4f));
    }
    // about the middle of the view: the centre stays
    float[] c = CameraRig.centreKeeping(cx, cy, w / 2, h / 2, w, h, 0.05f, 0.5f);
    assertThat(c[0]).isEqualTo(cx);
    assertThat(c[1]).isEqualTo(cy);
  }

  @Test
  void theChaseViewTurnsTheShortWayRoundAndEases() {
    assertThat(CameraRig.eased(0, Math.PI / 2, 1)).isCloseTo(Math.PI / 2, within(1e-12));
    assertThat(CameraRig.eased(0, Math.PI / 2, 0.25)).isCloseTo(Math.PI / 8, within(1e-12));
    // from 170 deg to -170 deg is 20 deg on, not 340 back
    double d = CameraRig.eased(Math.toRadians(170), Math.toRadians(-170), 1);
    assertThat(Math.toDegrees(d)).isCloseTo(20, within(1e-9));
    assertThat(CameraRig.eased(1, 2, 7)).isCloseTo(1, within(1e-12)); // the share is clamped
  }
}
