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
 * Draws the open replay's timeline ({@link TimelineBar}) in the HUD's font, above its messages: an
 * opaque panel with the caption, the bar filled up to the step played in the replay agent's tint, a
 * handle there, and the keys.
 */
public final class TimelineView implements Disposable {
  private static final Color PANEL = new Color(0.06f, 0.07f, 0.06f, 1f);
  private static final Color TRACK = new Color(0.35f, 0.35f, 0.35f, 1f);

  private final ShapeRenderer shapes = new ShapeRenderer();
  private final SpriteBatch batch = new SpriteBatch();
  private final Matrix4 projection = new Matrix4();
  private TimelineBar bar = TimelineBar.NONE;
  private Hud.Rect covered;
  private int height = 1;

  public void resize(int widthPx, int heightPx) {
    height = heightPx;
    projection.setToOrtho2D(0, 0, widthPx, heightPx);
  }

  /** Where the bar was drawn last ({@link TimelineBar#NONE} before a replay was open). */
  public TimelineBar bar() {
    return bar;
  }

  /** The panel's rectangle in the last frame [px, y down]; null when none was drawn. */
  public Hud.Rect covered() {
    return covered;
  }

  /** Draws the timeline of {@code session}'s open replay, if any, in {@code hud}'s bottom band. */
  public void draw(Session session, Hud hud) {
    Replays.Timeline t = session.replays().timeline();
    covered = null;
    if (t == null) {
      bar = TimelineBar.NONE;
      return;
    }
    BitmapFont font = hud.font();
    float line = font.getLineHeight();
    float pad = Math.max(4, line * 0.35f);
    Hud.Rect band = hud.bottomBand();
    bar = TimelineBar.above(band.x(), band.width(), band.height(), line, pad);
    float[] p = bar.panel(line, pad);
    covered = new Hud.Rect((int) p[0], (int) p[1], (int) Math.ceil(p[2]), (int) Math.ceil(p[3]));
    Color tint = Palette.tint(t.agent().index());
    float barY = height - bar.top() - bar.height(); // GL's y runs up
    float played = bar.xOf(t.step(), t.steps());
    Gdx.gl.glEnable(GL20.GL_BLEND);
    shapes.setProjectionMatrix(projection);
    shapes.begin(ShapeRenderer.ShapeType.Filled);
    shapes.setColor(PANEL);
    shapes.rect(p[0], height - p[1] - p[3], p[2], p[3]);
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
    String caption =
        TimelineBar.caption(
            t.agent().name(), t.step(), t.steps(), t.stepSeconds(), t.replay().end());
    font.draw(batch, caption, bar.x(), height - p[1] - pad);
    font.setColor(Color.LIGHT_GRAY);
    font.draw(batch, TimelineBar.KEYS, bar.x(), barY - pad);
    batch.end();
  }

  @Override
  public void dispose() {
    shapes.dispose();
    batch.dispose();
  }
}
