package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import dev.ugoki.desktop.session.Agent;
import java.util.List;

/**
 * Draws every agent's name beside its body, in its tint over a dark shadow ({@link HudText#tags}).
 */
final class NameTags {
  private NameTags() {}

  /** {@code pixels[i]}: agent {@code i}'s body on the screen (y down) of {@code height} px. */
  static void draw(
      SpriteBatch batch,
      BitmapFont font,
      List<Agent> agents,
      List<float[]> pixels,
      int height,
      float scale) {
    batch.begin();
    float shadow = Math.max(1, Math.round(scale));
    for (HudText.Tag t : HudText.tags(agents, pixels, font.getLineHeight())) {
      // a dark shadow first: the tag reads over the white lines and over its own tinted body
      font.setColor(Palette.DARK);
      font.draw(batch, t.text(), t.x() + shadow, height - t.y() - shadow);
      font.setColor(Palette.tint(t.agent()));
      font.draw(batch, t.text(), t.x(), height - t.y());
    }
    batch.end();
  }
}
