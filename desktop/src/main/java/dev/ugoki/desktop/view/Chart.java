package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import dev.ugoki.desktop.session.TrainingCurve;
import java.util.List;

/**
 * The live training's plot, under its caption in the chart panel: the mean return per training
 * episode on the left axis, the success rate on the right (0 to 100%), both against steps, with
 * tick marks, labels and faint grid lines; the ranges are {@link ChartScale}'s. Drawn on an opaque
 * panel ({@link #PANEL}), so the track never reads through the lines.
 */
final class Chart {
  /** The plot's size at the text size of an 800 px tall window [px]. */
  static final float PLOT_W_AT_16 = 420;

  static final float PLOT_H_AT_16 = 160;

  /** Characters reserved for the left axis' labels ("-2000", "0.25"): the panel keeps its width. */
  private static final int LEFT_LABEL_CHARS = 5;

  /** ... and for the right axis' ("100%"). */
  private static final int RIGHT_LABEL_CHARS = 4;

  private static final float TICK_AT_16 = 4;
  private static final float LINE_AT_16 = 2;

  /** The panel: opaque, a shade darker than the room's outside. */
  static final Color PANEL = Palette.rgb(14, 16, 20);

  private static final Color AXIS = Palette.rgb(150, 155, 165);
  private static final Color GRID = Palette.rgb(38, 42, 50);
  private static final Color LABEL = Palette.rgb(200, 204, 210);

  private final GlyphLayout layout = new GlyphLayout();

  /** The plot block's width: labels, ticks and the plot, in HUD px. */
  static float width(HudFont f, float scale) {
    return left(f, scale) + PLOT_W_AT_16 * scale + right(f, scale);
  }

  /** The plot block's height: the plot and the step labels under it. */
  static float height(HudFont f, float scale) {
    return PLOT_H_AT_16 * scale + TICK_AT_16 * scale + f.lineHeight();
  }

  private static float left(HudFont f, float scale) {
    return LEFT_LABEL_CHARS * f.advance() + 2 * TICK_AT_16 * scale;
  }

  private static float right(HudFont f, float scale) {
    return RIGHT_LABEL_CHARS * f.advance() + 2 * TICK_AT_16 * scale;
  }

  /**
   * Draws the plot block with its lower-left corner at ({@code x}, {@code y}) (y up), the panel
   * under it already drawn; {@code shapes} and {@code batch} are not begun. Returns the plot's
   * rectangle {@code x, y, width, height} (y up), inside the axes.
   */
  float[] draw(
      TrainingCurve curve,
      ShapeRenderer shapes,
      SpriteBatch batch,
      HudFont hudFont,
      float scale,
      float x,
      float y) {
    BitmapFont font = hudFont.font();
    float tick = TICK_AT_16 * scale;
    float px = x + left(hudFont, scale);
    float py = y + hudFont.lineHeight() + tick;
    float pw = PLOT_W_AT_16 * scale;
    float ph = PLOT_H_AT_16 * scale;
    double[] range = curve.returnRange();
    ChartScale.Axis ret = ChartScale.returns(range[0], range[1]);
    ChartScale.Axis steps = ChartScale.steps(curve.last() == null ? 0 : curve.last().step());
    ChartScale.Axis success = ChartScale.success();

    shapes.begin(ShapeRenderer.ShapeType.Filled);
    float one = Math.max(1, scale);
    for (double v : ret.ticks()) {
      float ty = py + ph * (float) ret.fraction(v);
      shapes.setColor(GRID);
      shapes.rect(px, ty, pw, one);
      shapes.setColor(Hud.RETURN_COLOR);
      shapes.rect(px - tick, ty, tick, one);
    }
    shapes.setColor(Hud.SUCCESS_COLOR);
    for (double v : success.ticks()) {
      shapes.rect(px + pw, py + ph * (float) success.fraction(v), tick, one);
    }
    shapes.setColor(AXIS);
    for (double v : steps.ticks()) {
      shapes.rect(px + pw * (float) steps.fraction(v), py - tick, one, tick);
    }
    shapes.rect(px, py, pw, one);
    shapes.rect(px, py, one, ph);
    shapes.rect(px + pw - one, py, one, ph);
    lines(curve.points(), ret, steps, shapes, px, py, pw, ph, LINE_AT_16 * scale);
    shapes.end();

    batch.begin();
    float half = font.getCapHeight() / 2;
    font.setColor(Hud.RETURN_COLOR);
    for (double v : ret.ticks()) {
      String s = ChartScale.returnLabel(v, ret.step());
      layout.setText(font, s);
      font.draw(batch, s, px - 2 * tick - layout.width, py + ph * (float) ret.fraction(v) + half);
    }
    font.setColor(Hud.SUCCESS_COLOR);
    for (double v : success.ticks()) {
      font.draw(
          batch,
          ChartScale.percentLabel(v),
          px + pw + 2 * tick,
          py + ph * (float) success.fraction(v) + half);
    }
    font.setColor(LABEL);
    List<Double> t = steps.ticks();
    for (int i = 0; i < t.size(); i++) {
      String s = ChartScale.stepLabel(t.get(i));
      layout.setText(font, s);
      // centred under its tick; the last ends at the plot's edge so it stays in the panel
      float lx = px + pw * (float) steps.fraction(t.get(i)) - layout.width / 2;
      lx = Math.min(lx, px + pw + right(hudFont, scale) - layout.width);
      font.draw(batch, s, lx, py - tick);
    }
    batch.end();
    return new float[] {px, py, pw, ph};
  }

  /** The success and return lines over the plot, {@code width} px thick. */
  private static void lines(
      List<TrainingCurve.Point> pts,
      ChartScale.Axis ret,
      ChartScale.Axis steps,
      ShapeRenderer shapes,
      float px,
      float py,
      float pw,
      float ph,
      float width) {
    ChartScale.Axis success = ChartScale.success();
    for (int i = 1; i < pts.size(); i++) {
      TrainingCurve.Point a = pts.get(i - 1);
      TrainingCurve.Point b = pts.get(i);
      float xa = px + pw * (float) steps.fraction(a.step());
      float xb = px + pw * (float) steps.fraction(b.step());
      if (Double.isFinite(a.successRate()) && Double.isFinite(b.successRate())) {
        shapes.setColor(Hud.SUCCESS_COLOR);
        shapes.rectLine(
            xa,
            py + ph * (float) success.fraction(a.successRate()),
            xb,
            py + ph * (float) success.fraction(b.successRate()),
            width);
      }
      if (Double.isFinite(a.meanReturn()) && Double.isFinite(b.meanReturn())) {
        shapes.setColor(Hud.RETURN_COLOR);
        shapes.rectLine(
            xa,
            py + ph * (float) ret.fraction(a.meanReturn()),
            xb,
            py + ph * (float) ret.fraction(b.meanReturn()),
            width);
      }
    }
  }
}
