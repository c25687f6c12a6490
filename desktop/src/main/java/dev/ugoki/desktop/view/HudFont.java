package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.freetype.FreeTypeFontGenerator;
import com.badlogic.gdx.utils.Disposable;

/**
 * The HUD's font: DejaVu Sans Mono (shipped in {@code fonts/} with its licence beside it),
 * rasterised by FreeType for the window it is drawn in, so that text is crisp at any window size
 * and on a HiDPI screen, where a fixed bitmap font is either small or blurred by scaling.
 *
 * <p>The size follows the window's height ({@link #sizePx}, 16 px at 800 px tall). The glyphs are
 * rasterised at that size times the back buffer's pixels per HUD unit and drawn scaled back down,
 * so one glyph pixel is one screen pixel. Monospaced, so a column of numbers keeps its width
 * whatever the digits ({@link #advance}).
 */
public final class HudFont implements Disposable {
  /** The font file on the class path. */
  static final String TTF = "fonts/DejaVuSansMono.ttf";

  /** The text size in a window 800 px tall, the default window's height [px]. */
  static final float PX_AT_800 = 16;

  /** Smallest text size, in a tiny window [px]: below it the digits run together. */
  static final int MIN_PX = 10;

  /** Largest text size, on a very tall screen [px]: the panels stay a fraction of it. */
  static final int MAX_PX = 40;

  /** Latin-1 and the few typographic marks a message or a file name may hold. */
  private static final String CHARACTERS =
      FreeTypeFontGenerator.DEFAULT_CHARS + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2192";

  private final FreeTypeFontGenerator generator =
      new FreeTypeFontGenerator(Gdx.files.classpath(TTF));
  private BitmapFont font;
  private int sizePx;
  private int rasterPx;

  /** The text size for a window {@code heightUnits} tall, in the HUD's units [px]. */
  static int sizePx(float heightUnits) {
    return Math.max(MIN_PX, Math.min(MAX_PX, Math.round(PX_AT_800 * heightUnits / 800)));
  }

  /**
   * The size the glyphs are rasterised at [back-buffer px]: the text size times the back buffer's
   * pixels per HUD unit (2 on a typical HiDPI screen, 1 elsewhere).
   */
  static int rasterPx(int sizePx, float pixelsPerUnit) {
    return Math.max(1, Math.round(sizePx * Math.max(pixelsPerUnit, 0.25f)));
  }

  /**
   * Makes the font for a HUD {@code heightUnits} tall whose unit is {@code pixelsPerUnit}
   * back-buffer pixels; nothing is rasterised again when neither size changed.
   */
  public void resize(int heightUnits, float pixelsPerUnit) {
    int size = sizePx(heightUnits);
    int raster = rasterPx(size, pixelsPerUnit);
    if (font != null && size == sizePx && raster == rasterPx) {
      return;
    }
    FreeTypeFontGenerator.FreeTypeFontParameter p =
        new FreeTypeFontGenerator.FreeTypeFontParameter();
    p.size = raster;
    p.characters = CHARACTERS;
    // drawn one glyph pixel per screen pixel; linear only matters between two window sizes
    p.minFilter = Texture.TextureFilter.Linear;
    p.magFilter = Texture.TextureFilter.Linear;
    BitmapFont next = generator.generateFont(p);
    next.getData().setScale(size / (float) raster);
    next.setUseIntegerPositions(true);
    if (font != null) {
      font.dispose();
    }
    font = next;
    sizePx = size;
    rasterPx = raster;
  }

  public BitmapFont font() {
    return font;
  }

  /** The text size [HUD px]: the HUD scales its margins and panels with it. */
  public int sizePx() {
    return sizePx;
  }

  public float lineHeight() {
    return font.getLineHeight();
  }

  /** The width of one character (every character: the font is monospaced) [HUD px]. */
  public float advance() {
    return font.getData().getGlyph('0').xadvance * font.getData().scaleX;
  }

  @Override
  public void dispose() {
    if (font != null) {
      font.dispose();
    }
    generator.dispose();
  }
}
