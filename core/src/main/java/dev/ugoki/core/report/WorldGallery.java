package dev.ugoki.core.report;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A grid of a scenario's worlds, one per seed (race's tracks, navigate's rooms), all drawn at the
 * same scale so that their sizes compare: the guides' {@code docs/tracks.png} and {@code
 * docs/rooms.png}. Regenerate them after a change to a world's generator or to the renderer, from
 * the project folder, after {@code ./ugoki} has built the jar:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp "core/target/ugoki-core-0.1.0-SNAPSHOT.jar:core/target/lib/*" \
 *     dev.ugoki.core.report.WorldGallery docs/tracks.png [SCENARIO [FIRST_SEED [COLUMNS ROWS \
 *     [CELL_PX]]]]
 * </pre>
 *
 * Defaults: the default scenario, seeds 1 to 8 in 4 columns and 2 rows of 320-pixel cells. Each
 * cell is the world of {@code reset(seed)} with the scenario's defaults, its bodies left out; a
 * world with a centerline says its length.
 */
public final class WorldGallery {
  private static final Color GAP = new Color(16, 17, 20);
  private static final int GAP_PX = 2;

  /** The most cells one grid draws. */
  static final int MAX_CELLS = 64;

  private WorldGallery() {}

  public static void main(String[] args) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    if (args.length < 1 || args.length > 6 || args.length == 4) {
      System.err.println(
          "usage: WorldGallery OUT.png [SCENARIO [FIRST_SEED [COLUMNS ROWS [CELL_PX]]]]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    String scenario = args.length > 1 ? args[1] : Scenarios.DEFAULT;
    int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int cols = args.length > 4 ? Integer.parseInt(args[3]) : 4;
    int rows = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    int cell = args.length > 5 ? Integer.parseInt(args[5]) : 320;
    BufferedImage grid = grid(scenario, first, cols, rows, cell);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(grid, "png", png);
    AtomicFiles.write(out, png.toByteArray());
    System.out.printf(
        Locale.ROOT,
        "%s: %s seeds %d-%d, %dx%d%n",
        out,
        scenario,
        first,
        first + cols * rows - 1,
        grid.getWidth(),
        grid.getHeight());
  }

  /**
   * The worlds of {@code scenario}'s seeds {@code firstSeed ..} in a {@code cols} x {@code rows}
   * grid of square cells.
   */
  public static BufferedImage grid(String scenario, int firstSeed, int cols, int rows, int cellPx) {
    if (cols < 1 || rows < 1 || cols * rows > MAX_CELLS || cellPx < 32 || cellPx > 2048) {
      throw new IllegalArgumentException(
          "a gallery has 1 to "
              + MAX_CELLS
              + " cells of 32 to 2048 px, not "
              + cols
              + " x "
              + rows
              + " of "
              + cellPx);
    }
    List<Scene> scenes = new ArrayList<>();
    double spanM = 0;
    for (int k = 0; k < cols * rows; k++) {
      Env env = Scenarios.make(scenario);
      env.reset(firstSeed + k);
      Scene s = env.scene();
      // The world only: no body, rays or trail.
      scenes.add(
          new Scene(
              s.minX(),
              s.minY(),
              s.maxX(),
              s.maxY(),
              s.background(),
              List.of(),
              s.focusX(),
              s.focusY()));
      spanM = Math.max(spanM, Math.max(s.maxX() - s.minX(), s.maxY() - s.minY()));
    }
    double pixelsPerMetre = (cellPx - 2.0 * SceneRenderer.WORLD_MARGIN_PX) / spanM;
    int w = cols * cellPx + (cols - 1) * GAP_PX;
    int h = rows * cellPx + (rows - 1) * GAP_PX;
    BufferedImage grid = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    SceneRenderer renderer = new SceneRenderer(cellPx, cellPx, SceneRenderer.View.world());
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(GAP);
      g.fillRect(0, 0, w, h);
      for (int k = 0; k < scenes.size(); k++) {
        Scene s = scenes.get(k);
        SceneRenderer.Camera camera =
            new SceneRenderer.Camera(
                (s.minX() + s.maxX()) / 2,
                (s.minY() + s.maxY()) / 2,
                pixelsPerMetre,
                cellPx,
                cellPx);
        double lapM = lapLengthM(s);
        String label =
            String.format(Locale.ROOT, "seed %d", firstSeed + k)
                + (lapM > 0 ? String.format(Locale.ROOT, "  %.0f m", lapM) : "");
        BufferedImage img = renderer.render(s, camera, List.of(label));
        g.drawImage(img, (k % cols) * (cellPx + GAP_PX), (k / cols) * (cellPx + GAP_PX), null);
      }
    } finally {
      g.dispose();
    }
    return grid;
  }

  /** Length of the scene's closed centerline [m], or 0 without one. */
  static double lapLengthM(Scene scene) {
    for (Shape s : scene.background()) {
      if (s instanceof Shape.Polyline l && l.layer() == Layer.CENTERLINE) {
        float[] xy = l.xy();
        double len = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
          int j = l.closed() ? (i + 1) % n : i + 1;
          if (j < n) {
            len += Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
          }
        }
        return len;
      }
    }
    return 0;
  }
}
