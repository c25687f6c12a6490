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
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A grid of race tracks, one per {@code track.seed}, all drawn at the same scale so that their
 * sizes compare: the README's {@code docs/tracks.png}. Regenerate it after a change to the track
 * generator or to the renderer, from the project folder, after {@code ./ugoki} has built the jar:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp "core/target/ugoki-core-0.1.0-SNAPSHOT.jar:core/target/lib/*" \
 *     dev.ugoki.core.report.TrackGallery docs/tracks.png [FIRST_SEED [COLUMNS ROWS [CELL_PX]]]
 * </pre>
 *
 * Defaults: seeds 1 to 8 in 4 columns and 2 rows of 320-pixel cells.
 */
public final class TrackGallery {
  private static final Color GAP = new Color(16, 17, 20);
  private static final int GAP_PX = 2;

  private TrackGallery() {}

  public static void main(String[] args) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    if (args.length < 1 || args.length > 5) {
      System.err.println("usage: TrackGallery OUT.png [FIRST_SEED [COLUMNS ROWS [CELL_PX]]]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int first = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int cols = args.length > 3 ? Integer.parseInt(args[2]) : 4;
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int cell = args.length > 4 ? Integer.parseInt(args[4]) : 320;
    BufferedImage grid = grid(first, cols, rows, cell);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(grid, "png", png);
    AtomicFiles.write(out, png.toByteArray());
    System.out.printf(
        Locale.ROOT,
        "%s: tracks %d-%d, %dx%d%n",
        out,
        first,
        first + cols * rows - 1,
        grid.getWidth(),
        grid.getHeight());
  }

  /** Tracks {@code firstSeed ..} in a {@code cols} x {@code rows} grid of square cells. */
  public static BufferedImage grid(int firstSeed, int cols, int rows, int cellPx) {
    List<Scene> scenes = new ArrayList<>();
    double spanM = 0;
    for (int k = 0; k < cols * rows; k++) {
      Env env = Scenarios.make("race", Map.of("track.seed", firstSeed + k));
      env.reset(0);
      Scene s = env.scene();
      // The track only: no car, rays or trail.
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
        String label =
            String.format(Locale.ROOT, "track.seed=%d  %.0f m", firstSeed + k, lapLengthM(s));
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
