package dev.ugoki.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The gallery draws any scenario's worlds, one a cell, and refuses a grid past its limits. */
class WorldGalleryTest {

  @Test
  void aGridHasACellPerSeedWithGapsBetween() {
    BufferedImage g = WorldGallery.grid("navigate", 1, 3, 2, 64);
    assertThat(g.getWidth()).isEqualTo(3 * 64 + 2 * 2);
    assertThat(g.getHeight()).isEqualTo(2 * 64 + 2);
  }

  @Test
  void twoSeedsDrawTwoDifferentWorlds() {
    BufferedImage g = WorldGallery.grid("race", 1, 2, 1, 96);
    assertThat(differingPixels(g, 0, 98, 96)).isPositive();
  }

  @Test
  void aGridPastItsLimitsIsRefused() {
    assertThatThrownBy(() -> WorldGallery.grid("race", 1, 100, 100, 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 64 cells");
  }

  private static int differingPixels(BufferedImage g, int x0, int x1, int size) {
    int n = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (g.getRGB(x0 + x, y) != g.getRGB(x1 + x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
