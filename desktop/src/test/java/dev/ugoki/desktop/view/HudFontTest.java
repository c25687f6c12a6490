package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HudFontTest {
  @Test
  void theTextSizeFollowsTheWindowsHeight() {
    assertThat(HudFont.sizePx(800)).isEqualTo(16);
    assertThat(HudFont.sizePx(600)).isEqualTo(12);
    assertThat(HudFont.sizePx(1200)).isEqualTo(24);
  }

  @Test
  void aTinyOrAHugeWindowKeepsTheTextReadableAndThePanelsSmall() {
    assertThat(HudFont.sizePx(100)).isEqualTo(HudFont.MIN_PX);
    assertThat(HudFont.sizePx(10_000)).isEqualTo(HudFont.MAX_PX);
  }

  /** On a HiDPI screen the glyphs get one back-buffer pixel each, not a scaled-up bitmap. */
  @Test
  void glyphsAreRasterisedForTheBackBuffersPixels() {
    assertThat(HudFont.rasterPx(16, 1)).isEqualTo(16);
    assertThat(HudFont.rasterPx(16, 2)).isEqualTo(32);
    assertThat(HudFont.rasterPx(16, 1.5f)).isEqualTo(24);
  }

  @Test
  void theFontAndItsLicenceShipTogether() {
    ClassLoader cl = HudFontTest.class.getClassLoader();
    assertThat(cl.getResource(HudFont.TTF)).isNotNull();
    assertThat(cl.getResource("fonts/DejaVuSansMono-LICENSE.txt")).isNotNull();
  }
}
