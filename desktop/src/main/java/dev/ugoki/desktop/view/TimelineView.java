package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Matrix4;
import com.badlogic.gdx.utils.Disposable;
import dev.ugoki.desktop.session.Replays;
import dev.ugoki.desktop.session.Session;

/**
 * Draws the open replay's timeline ({@link TimelineBar}): an opaque panel with the caption, the bar
 * filled up to the step played in the replay agent's tint, a handle there, and the keys.
 */
public final class TimelineView implements Disposable {
  private static final Color PANEL = new Color(0.06f, 0.07f, 0.06f, 1f);
  private static final Color TRACK = new Color(0.35f, 0.35f, 0.35f, 1f);

  private final ShapeRenderer shapes = new ShapeRenderer();
  private final SpriteBatch batch = new SpriteBatch();
  private final BitmapFont font = new BitmapFont();
  private final Matrix4 projection = new Matrix4();
  private final com.badlogic.gdx.graphics.g2d.GlyphLayout layout =
      new com.badlogic.gdx.graphics.g2d.GlyphLayout();
  private TimelineBar bar = TimelineBar.in(1, 1);
  private int height = 1;

  public void resize(int widthPx, int heightPx) {
    height = heightPx;
    bar = TimelineBar.in(widthPx, heightPx);
    projection.setToOrtho2D(0, 0, widthPx, heightPx);
  }

  public TimelineBar bar() {
    return bar;
  }

  /** The panel's rectangle in the last frame, x right and y down [px]; null when none was drawn. */
  private Hud.Rect covered;

  public Hud.Rect covered() {
    return covered;
  }

  public void draw(Session session) {
    Replays.Timeline t = session.replays().timeline();
    covered = null;
    if (t == null) {
      return;
    }
    float line = font.getLineHeight();
    float pad = 6;
    float panelX = bar.x() - pad;
    float panelTop = bar.top() - line - pad; // the caption above the bar
    layout.setText(font, TimelineBar.KEYS);
    float panelW = Math.max(bar.width(), layout.width) + 2 * pad;
    float panelH = line + bar.height() + line + 3 * pad;
    covered =
        new Hud.Rect(
            (int) Math.floor(panelX),
            (int) Math.floor(panelTop),
            (int) Math.ceil(panelW),
            (int) Math.ceil(panelH));
    Color tint = Palette.tint(t.agent().index());
    float barY = height - bar.top() - bar.height(); // GL's y runs up
    float played = bar.xOf(t.step(), t.steps());
    Gdx.gl.glEnable(GL20.GL_BLEND);
    shapes.setProjectionMatrix(projection);
    shapes.begin(ShapeRenderer.ShapeType.Filled);
    shapes.setColor(PANEL);
    shapes.rect(panelX, height - panelTop - panelH, panelW, panelH);
    shapes.setColor(TRACK);
    shapes.rect(bar.x(), barY, bar.width(), bar.height());
    shapes.setColor(tint);
    shapes.rect(bar.x(), barY, played - bar.x(), bar.height());
    shapes.setColor(Color.WHITE);
    shapes.rect(played - 2, barY - 3, 4, bar.height() + 6);
    shapes.end();
    batch.setProjectionMatrix(projection);
    batch.begin();
    font.setColor(tint);
    font.draw(
        batch,
        TimelineBar.caption(
            t.agent().name(), t.step(), t.steps(), t.stepSeconds(), t.replay().end()),
        bar.x(),
        height - panelTop - pad);
    font.setColor(Color.LIGHT_GRAY);
    font.draw(batch, TimelineBar.KEYS, bar.x(), barY - pad);
    batch.end();
  }

  @Override
  public void dispose() {
    shapes.dispose();
    batch.dispose();
    font.dispose();
  }
}
