package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.HdpiUtils;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Matrix4;
import com.badlogic.gdx.utils.Disposable;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.scene.Scene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heads-up display in screen pixels, over the scene: the followed agent's panel at the top left
 * (speed, steering, action, return, lap times, live reward terms, sim speed, pause, FPS), a table
 * of all agents at the top right, under it the chart of a live training ({@link Chart}, on an
 * opaque panel), the {@link Minimap} at the bottom right, and at the bottom left the session's
 * messages (a policy that does not fit, a missing file) and the keys. Text is {@link HudFont},
 * sized from the window's height, on translucent panels; margins and the chart scale with it.
 */
public final class Hud implements Disposable {
  /** A screen rectangle the HUD covers, x right and y down from the top-left corner [px]. */
  public record Rect(int x, int y, int width, int height) {
    /** {@code x, y, width, height}, as a report writes it. */
    public int[] toArray() {
      return new int[] {x, y, width, height};
    }
  }

  /** Margins at the text size of an 800 px tall window ({@link HudFont#PX_AT_800}) [px]. */
  private static final float MARGIN_AT_16 = 8;

  private static final float PAD_AT_16 = 6;
  private static final float COLUMN_GAP_AT_16 = 14;

  /** The text panels: dark enough that white text reads over the track's white lines. */
  private static final Color PANEL = new Color(0, 0, 0, 0.72f);

  /** The edge of an opaque panel, which would vanish on a room's dark outside without it. */
  private static final Color EDGE = Palette.rgb(90, 95, 105);

  private static final int MESSAGES_SHOWN = 3;

  /** The followed agent's panel holds this many characters a line; longer lines wrap. */
  static final int STATUS_CHARS = 42;

  public static final Color RETURN_COLOR = Palette.rgb(255, 205, 70);
  public static final Color SUCCESS_COLOR = Palette.rgb(90, 220, 120);

  /** The help page's panel: opaque, so the scene does not read through its text. */
  private static final Color PAGE = new Color(0.08f, 0.1f, 0.08f, 1f);

  private final SpriteBatch batch = new SpriteBatch();
  private final HudFont hudFont = new HudFont();
  private BitmapFont font;
  private final ShapeRenderer panels = new ShapeRenderer();
  private final Chart chart = new Chart();
  private final Minimap minimap = new Minimap();
  private final GlyphLayout layout = new GlyphLayout();
  private final Matrix4 projection = new Matrix4();
  private final List<Rect> rects = new ArrayList<>();

  /** The chart's panel and its plot in the last frame, null without a live training. */
  private Rect chartPanel;

  private Rect chartPlot;

  /** The minimap's and the messages' panels in the last frame (a timeline goes above these). */
  private Rect minimapPanel;

  private Rect footPanel;

  /** Where a bar across the bottom may go: left of the minimap, above the messages [px, y down]. */
  public Rect bottomBand() {
    int m = (int) margin();
    return new Rect(m, 0, minimapPanel.x() - 2 * m, footPanel.y() - m);
  }

  /** The HUD's font, for a panel drawn beside the HUD's. */
  public BitmapFont font() {
    return font;
  }

  private int width = 1;
  private int height = 1;

  /** The text size over 16 px: every margin and panel scales by it. */
  private float scale = 1;

  /** The page over the scene (help, or the policies to pick), or null. */
  private List<HudText.Line> page;

  private boolean help;

  /** Messages back from the newest the log is scrolled (0: the newest shown). */
  private int scrollBack;

  /** A block of lines measured for drawing: where each column starts, and the block's size. */
  private record Block(List<HudText.Line> lines, float[] columnX, float width, float height) {}

  /** The window changed size: {@code widthPx x heightPx} HUD units over the whole back buffer. */
  public void resize(int widthPx, int heightPx) {
    width = Math.max(1, widthPx);
    height = Math.max(1, heightPx);
    projection.setToOrtho2D(0, 0, width, height);
    // back-buffer pixels per HUD unit: 2 on a HiDPI screen whose window size is in points
    hudFont.resize(height, Gdx.graphics.getBackBufferHeight() / (float) height);
    font = hudFont.font();
    scale = hudFont.sizePx() / HudFont.PX_AT_800;
  }

  private float margin() {
    return MARGIN_AT_16 * scale;
  }

  private float pad() {
    return PAD_AT_16 * scale;
  }

  /** PgUp (positive) and PgDn: the message log scrolled by {@code lines}. */
  public void scrollMessages(int lines) {
    scrollBack = Math.max(0, scrollBack + lines);
  }

  /** H: the help page, over the scene, or not. */
  public void toggleHelp() {
    help = !help;
    page = null;
  }

  public boolean helpShown() {
    return help;
  }

  /** The policies to pick (L) over the scene, or none for null. */
  public void showChoices(List<dev.ugoki.desktop.session.PolicyChoices.Choice> c, Session s) {
    page = c == null ? null : HelpPage.choices(c, s);
    help = false;
  }

  /** The rectangles covered in the last frame (the scene is hidden under them). */
  public List<Rect> covered() {
    return List.copyOf(rects);
  }

  /**
   * The HUD's named parts in the last frame, for a screenshot's report: the minimap (its panel, the
   * camera's view on it, each agent's dot in the order drawn, the followed one last), and the
   * chart's panel, its plot and the panel's colour (opaque), when a training has reported.
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (minimapPanel != null) {
      m.put("minimap", minimap.report(minimapPanel));
    }
    if (chartPanel != null) {
      m.put("chart", chartPanel.toArray());
      m.put("chart_plot", chartPlot.toArray());
      m.put("chart_colour", Palette.rgb255(Chart.PANEL));
    }
    return m;
  }

  /**
   * Draws the HUD over the scene: {@code agentPixels[i]} is where agent {@code i}'s body is on the
   * screen (y down), {@code scenes[i]} its scene, and {@code rig} the camera the scene was drawn
   * with (its view is framed on the minimap).
   */
  public void draw(
      Session session,
      Follow follow,
      int fps,
      List<float[]> agentPixels,
      List<Scene> scenes,
      CameraRig rig) {
    rects.clear();
    HdpiUtils.glViewport(0, 0, Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
    // the name tags first: the panels go over them
    batch.setProjectionMatrix(projection);
    NameTags.draw(batch, font, session.agents(), agentPixels, height, scale);
    // fixed widths: the status panel holds STATUS_CHARS characters, the table its templates
    Block status =
        measure(
            HudText.wrap(HudText.status(session, follow, fps), STATUS_CHARS),
            chars(STATUS_CHARS),
            null);
    Block table = measure(AgentTable.lines(session), 0, AgentTable.template(session));
    List<HudText.Line> bottom = new ArrayList<>();
    List<String> messages = session.messages();
    scrollBack = Math.max(0, Math.min(scrollBack, messages.size() - MESSAGES_SHOWN));
    for (String m : HudText.messageWindow(messages, scrollBack, MESSAGES_SHOWN)) {
      bottom.add(new HudText.Line(List.of(m), -2));
    }
    for (String keys : HudText.HELP) {
      bottom.add(new HudText.Line(List.of(keys), -1));
    }
    MinimapFrame map = Minimap.place(scenes.get(0), width, height, margin(), scale);
    // the messages and keys keep left of the minimap
    Block foot =
        measure(HudText.wrap(bottom, charsIn(width - 3 * margin() - map.width())), 0, null);
    List<HudText.Line> captionLines = HudText.training(session);
    Block caption = captionLines.isEmpty() ? null : measure(captionLines, 0, null);

    float statusX = margin();
    float statusTop = height - margin();
    float tableX = width - margin() - table.width();
    float tableTop = height - margin();
    float footX = margin();
    float footTop = margin() + foot.height();

    Gdx.gl.glEnable(GL20.GL_BLEND);
    Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
    panels.setProjectionMatrix(projection);
    panels.begin(ShapeRenderer.ShapeType.Filled);
    panels.setColor(PANEL);
    panel(statusX, statusTop, status);
    panel(tableX, tableTop, table);
    float chartTop = tableTop - table.height() - margin();
    float chartW =
        caption == null ? 0 : Math.max(Chart.width(hudFont, scale) + 2 * pad(), caption.width());
    float chartX = width - margin() - chartW;
    float chartH = caption == null ? 0 : caption.height() + Chart.height(hudFont, scale) + pad();
    chartPanel = null;
    chartPlot = null;
    if (caption != null) {
      panels.setColor(Chart.PANEL);
      panel(chartX, chartTop, chartW, chartH);
      edge(chartX, chartTop, chartW, chartH);
      chartPanel = rects.get(rects.size() - 1);
      panels.setColor(PANEL);
    }
    if (!bottom.isEmpty()) {
      panel(footX, footTop, foot);
      footPanel = rects.get(rects.size() - 1);
    }
    panels.setColor(Chart.PANEL);
    panel(map.x(), height - map.y(), map.width(), map.height());
    edge(map.x(), height - map.y(), map.width(), map.height());
    minimapPanel = rects.get(rects.size() - 1);
    panels.end();
    minimap.draw(
        panels,
        map,
        height,
        scale,
        session.agents(),
        scenes,
        follow,
        map.view(rig.centerX(), rig.centerY(), rig.viewWidthM(), rig.viewHeightM()));
    if (caption != null) {
      float[] p =
          chart.draw(
              session.training().curve(),
              panels,
              batch,
              hudFont,
              scale,
              chartX + pad(),
              chartTop - chartH + pad());
      chartPlot = rect(p[0], p[1] + p[3], p[2], p[3]);
    }

    batch.setProjectionMatrix(projection);
    batch.begin();
    text(statusX, statusTop, status);
    text(tableX, tableTop, table);
    if (caption != null) {
      text(chartX, chartTop, caption);
    }
    text(footX, footTop, foot);
    batch.end();
    if (help || page != null) {
      page(help ? HelpPage.lines(session) : page);
    }
  }

  /** A page (help, the policies), an opaque panel in the middle of the window. */
  private void page(List<HudText.Line> lines) {
    Block b = measure(lines, 0, null);
    float x = Math.max(margin(), (width - b.width()) / 2);
    float top = Math.min(height - margin(), (height + b.height()) / 2);
    panels.begin(ShapeRenderer.ShapeType.Filled);
    panels.setColor(PAGE);
    panel(x, top, b);
    panels.end();
    batch.begin();
    text(x, top, b);
    batch.end();
  }

  /** The width of {@code n} characters of the monospaced font, with the panel's padding [px]. */
  private float chars(int n) {
    return n * hudFont.advance() + 2 * pad();
  }

  /** How many characters a panel {@code widthPx} wide holds. */
  private int charsIn(float widthPx) {
    return (int) Math.floor((widthPx - 2 * pad()) / hudFont.advance());
  }

  /**
   * Lays out a block: at least {@code minWidth} wide, and its columns at least as wide as the cells
   * of {@code template} (the widest text each can show), so that the block keeps its size while its
   * numbers change.
   */
  private Block measure(List<HudText.Line> lines, float minWidth, List<String> template) {
    int columns = template == null ? 0 : template.size();
    for (HudText.Line l : lines) {
      columns = Math.max(columns, l.cells().size());
    }
    float[] colWidth = new float[Math.max(columns, 1)];
    if (template != null) {
      for (int c = 0; c < template.size(); c++) {
        layout.setText(font, template.get(c));
        colWidth[c] = layout.width;
      }
    }
    float spanWidth = 0;
    for (HudText.Line l : lines) {
      if (l.cells().size() == 1) {
        layout.setText(font, l.cells().get(0));
        spanWidth = Math.max(spanWidth, layout.width);
        continue;
      }
      for (int c = 0; c < l.cells().size(); c++) {
        layout.setText(font, l.cells().get(c));
        colWidth[c] = Math.max(colWidth[c], layout.width);
      }
    }
    float[] x = new float[colWidth.length];
    float w = 0;
    for (int c = 0; c < colWidth.length; c++) {
      x[c] = w;
      w += colWidth[c] + (c + 1 < colWidth.length ? COLUMN_GAP_AT_16 * scale : 0);
    }
    w = Math.max(Math.max(w, spanWidth) + 2 * pad(), minWidth);
    float h = lines.size() * font.getLineHeight() + 2 * pad();
    return new Block(lines, x, w, h);
  }

  /** A translucent panel whose top-left corner is at ({@code x}, {@code top}) (y up). */
  private void panel(float x, float top, Block b) {
    panel(x, top, b.width(), b.height());
  }

  /** A translucent panel of w x h pixels below ({@code x}, {@code top}), recorded as covered. */
  private void panel(float x, float top, float w, float h) {
    panels.rect(x, top - h, w, h);
    rects.add(rect(x, top, w, h));
  }

  /** A one-pixel edge around the box of w x h below ({@code x}, {@code top}) (y up). */
  private void edge(float x, float top, float w, float h) {
    Color was = panels.getColor().cpy();
    float t = Math.max(1, scale);
    panels.setColor(EDGE);
    panels.rect(x, top - h, w, t);
    panels.rect(x, top - t, w, t);
    panels.rect(x, top - h, t, h);
    panels.rect(x + w - t, top - h, t, h);
    panels.setColor(was);
  }

  /** The screen rectangle (y down) of a box of w x h below ({@code x}, {@code top}) (y up). */
  private Rect rect(float x, float top, float w, float h) {
    return new Rect(
        (int) Math.floor(x),
        (int) Math.floor(height - top),
        (int) Math.ceil(w),
        (int) Math.ceil(h));
  }

  private void text(float x, float top, Block b) {
    float y = top - pad();
    for (HudText.Line l : b.lines()) {
      font.setColor(HudText.color(l));
      for (int c = 0; c < l.cells().size(); c++) {
        font.draw(batch, l.cells().get(c), x + pad() + b.columnX()[c], y);
      }
      y -= font.getLineHeight();
    }
  }

  @Override
  public void dispose() {
    batch.dispose();
    hudFont.dispose();
    panels.dispose();
  }
}
