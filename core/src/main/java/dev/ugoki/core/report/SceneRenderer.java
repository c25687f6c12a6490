package dev.ugoki.core.report;

import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Scene;
import dev.ugoki.sim.scene.Shape;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Draws a {@link Scene} into a Java2D image, headless (no window, no GL): the pictures of {@code
 * ./ugoki render} and of the README. The desktop app draws the same scene with LibGDX; this class
 * is its counterpart for files.
 *
 * <p>Each {@link Layer} has one look (see {@link LayerStyle#of(Layer, boolean)}); line widths are
 * in pixels, so they do not grow when the camera zooms in. Shapes are drawn in layer order,
 * background before foreground; consecutive shapes of one layer are merged into one path, so the
 * track's surface quads fill without anti-aliasing seams between them and 32 rays cost one draw
 * call.
 *
 * <p>Two cameras: {@link View#world()} fits the scene's bounds into the image, keeping the aspect
 * ratio; {@link View#follow(double)} centers on the scene's focus with a fixed view width. In world
 * view the background (track, room) is drawn once per background list instance, which the scene
 * keeps until the next reset, and then copied under each frame.
 *
 * <p>Not thread-safe: one renderer per thread. {@link #render} returns the renderer's own image,
 * overwritten by the next call.
 */
public final class SceneRenderer {

  /** Where the camera looks: the whole world, or following the body with a view width [m]. */
  public record View(Mode mode, double widthM) {
    public enum Mode {
      WORLD,
      FOLLOW
    }

    public View {
      Objects.requireNonNull(mode);
      if (mode == Mode.FOLLOW && !(widthM > 0 && Double.isFinite(widthM))) {
        throw new IllegalArgumentException("follow view width must be positive, got " + widthM);
      }
    }

    public static View world() {
      return new View(Mode.WORLD, 0);
    }

    public static View follow(double widthM) {
      return new View(Mode.FOLLOW, widthM);
    }
  }

  /**
   * The world-to-pixel transform: the world point ({@code centerX}, {@code centerY}) lands in the
   * middle of a {@code width} x {@code height} image, at {@code pixelsPerMetre}, y up in the world
   * and down in the image.
   */
  public record Camera(
      double centerX, double centerY, double pixelsPerMetre, int width, int height) {

    public Camera {
      if (!(pixelsPerMetre > 0) || width < 1 || height < 1) {
        throw new IllegalArgumentException(
            "bad camera: " + pixelsPerMetre + " px/m, " + width + "x" + height);
      }
    }

    /**
     * Fits the scene's bounds into the image, centered, keeping the aspect ratio, with a margin of
     * {@link #WORLD_MARGIN_PX} so that walls on the bounds are drawn whole.
     */
    public static Camera world(Scene scene, int width, int height) {
      double w = Math.max(scene.maxX() - scene.minX(), 1e-6);
      double h = Math.max(scene.maxY() - scene.minY(), 1e-6);
      double m = 2 * WORLD_MARGIN_PX;
      return new Camera(
          (scene.minX() + scene.maxX()) / 2,
          (scene.minY() + scene.maxY()) / 2,
          Math.max(Math.min((width - m) / w, (height - m) / h), 1e-9),
          width,
          height);
    }

    /** Centered on the scene's focus, {@code viewWidthM} metres across the image's width. */
    public static Camera follow(Scene scene, int width, int height, double viewWidthM) {
      return new Camera(scene.focusX(), scene.focusY(), width / viewWidthM, width, height);
    }

    /** Column of world x (continuous; pixel i covers [i, i + 1)). */
    public double toPixelX(double x) {
      return width / 2.0 + (x - centerX) * pixelsPerMetre;
    }

    /** Row of world y (continuous; pixel j covers [j, j + 1)). */
    public double toPixelY(double y) {
      return height / 2.0 - (y - centerY) * pixelsPerMetre;
    }

    AffineTransform transform() {
      return new AffineTransform(
          pixelsPerMetre,
          0,
          0,
          -pixelsPerMetre,
          width / 2.0 - centerX * pixelsPerMetre,
          height / 2.0 + centerY * pixelsPerMetre);
    }
  }

  /** Space left around the world's bounds in world view [px]. */
  public static final int WORLD_MARGIN_PX = 3;

  /** Shapes of one layer, merged into one world-space path; kept per background instance. */
  private record Batch(Layer layer, Path2D.Float area, Path2D.Float lines) {}

  private final int width;
  private final int height;
  private final View view;
  private final BufferedImage image;

  private List<Shape> cachedBackground;
  private List<Batch> backgroundBatches;
  private boolean outdoor;
  private BufferedImage backgroundImage;
  private Camera backgroundCamera;

  private Font hudFont;
  private boolean hudBroken;

  public SceneRenderer(int width, int height, View view) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.view = Objects.requireNonNull(view);
    this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The camera this renderer uses for the scene (the one {@link #render} draws with). */
  public Camera camera(Scene scene) {
    return view.mode() == View.Mode.WORLD
        ? Camera.world(scene, width, height)
        : Camera.follow(scene, width, height, view.widthM());
  }

  /** Draws the scene with this renderer's view, and HUD lines at the top left (may be empty). */
  public BufferedImage render(Scene scene, List<String> hud) {
    return render(scene, camera(scene), hud);
  }

  /**
   * Draws the scene with a given camera (e.g. one scale shared by several images), and HUD lines at
   * the top left. Returns this renderer's image, overwritten by the next call.
   */
  public BufferedImage render(Scene scene, Camera camera, List<String> hud) {
    if (camera.width() != width || camera.height() != height) {
      throw new IllegalArgumentException(
          "camera is "
              + camera.width()
              + "x"
              + camera.height()
              + ", the image "
              + width
              + "x"
              + height);
    }
    prepareBackground(scene.background());
    Graphics2D g = image.createGraphics();
    try {
      // The cached background is reused while the same background is seen by the same camera,
      // which in practice happens in world view; a moving camera redraws it every frame.
      if (view.mode() == View.Mode.WORLD || camera.equals(backgroundCamera)) {
        if (!camera.equals(backgroundCamera)) {
          backgroundImage = drawBackground(camera);
          backgroundCamera = camera;
        }
        g.drawImage(backgroundImage, 0, 0, null);
        setQuality(g);
      } else {
        setQuality(g);
        g.setColor(outside());
        g.fillRect(0, 0, width, height);
        draw(g, backgroundBatches, camera);
      }
      draw(g, batches(scene.foreground()), camera);
      drawHud(g, hud);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void prepareBackground(List<Shape> background) {
    if (background == cachedBackground) {
      return;
    }
    cachedBackground = background;
    backgroundBatches = batches(background);
    outdoor = background.stream().anyMatch(s -> s.layer() == Layer.TRACK_SURFACE);
    backgroundCamera = null; // the image is kept and redrawn
  }

  private BufferedImage drawBackground(Camera camera) {
    BufferedImage bg =
        backgroundImage != null
            ? backgroundImage
            : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = bg.createGraphics();
    try {
      setQuality(g);
      g.setColor(outside());
      g.fillRect(0, 0, width, height);
      draw(g, backgroundBatches, camera);
    } finally {
      g.dispose();
    }
    return bg;
  }

  /**
   * Beyond the scene's bounds: more grass around a track (the field goes on), darkness around a
   * room.
   */
  private Color outside() {
    return outdoor ? LayerStyle.of(Layer.GROUND, true).fill() : LayerStyle.OUTSIDE;
  }

  private static void setQuality(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
  }

  /** Sorts shapes by layer (stable) and merges runs of one layer into paths in world units. */
  private static List<Batch> batches(List<Shape> shapes) {
    List<Shape> sorted = new ArrayList<>(shapes);
    sorted.sort(Comparator.comparingInt(s -> s.layer().ordinal()));
    List<Batch> out = new ArrayList<>();
    Batch cur = null;
    for (Shape s : sorted) {
      if (cur == null || cur.layer() != s.layer()) {
        cur =
            new Batch(
                s.layer(),
                new Path2D.Float(Path2D.WIND_NON_ZERO),
                new Path2D.Float(Path2D.WIND_NON_ZERO));
        out.add(cur);
      }
      if (s instanceof Shape.Polygon p) {
        appendPoints(cur.area(), p.xy(), true);
      } else if (s instanceof Shape.Polyline l) {
        // A planned path is dashed from its far end, so that its dashes stand still while the
        // body eats the path from the near end (instead of crawling along it every frame).
        appendPoints(cur.lines(), s.layer() == Layer.PATH ? reversed(l.xy()) : l.xy(), l.closed());
      } else if (s instanceof Shape.Circle c) {
        cur.area()
            .append(
                new Ellipse2D.Float(
                    c.x() - c.radius(), c.y() - c.radius(), 2 * c.radius(), 2 * c.radius()),
                false);
      }
    }
    return out;
  }

  private static float[] reversed(float[] xy) {
    float[] r = new float[xy.length];
    for (int i = 0; i + 1 < xy.length; i += 2) {
      r[xy.length - 2 - i] = xy[i];
      r[xy.length - 1 - i] = xy[i + 1];
    }
    return r;
  }

  private static void appendPoints(Path2D.Float path, float[] xy, boolean closed) {
    if (xy.length < 4) {
      return;
    }
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i + 1 < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    if (closed) {
      path.closePath();
    }
  }

  private void draw(Graphics2D g, List<Batch> batches, Camera camera) {
    AffineTransform toPixels = camera.transform();
    for (Batch b : batches) {
      LayerStyle st = LayerStyle.of(b.layer(), outdoor);
      // Paths go to pixel coordinates first, so that strokes and dashes are measured in pixels.
      if (b.area().getCurrentPoint() != null) {
        java.awt.Shape area = toPixels.createTransformedShape(b.area());
        if (st.fill() != null) {
          g.setColor(st.fill());
          g.fill(area);
        }
        if (st.line() != null) {
          g.setColor(st.line());
          g.setStroke(st.stroke());
          g.draw(area);
        }
      }
      if (b.lines().getCurrentPoint() != null && st.line() != null) {
        g.setColor(st.line());
        g.setStroke(st.stroke());
        if (!st.smooth()) {
          g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        }
        g.draw(toPixels.createTransformedShape(b.lines()));
        if (!st.smooth()) {
          g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
      }
    }
  }

  private void drawHud(Graphics2D g, List<String> lines) {
    if (lines.isEmpty() || hudBroken) {
      return;
    }
    try {
      if (hudFont == null) {
        hudFont = new Font(Font.MONOSPACED, Font.BOLD, Math.max(11, Math.min(width, height) / 36));
      }
      g.setFont(hudFont);
      FontMetrics fm = g.getFontMetrics();
      int pad = 6;
      int lineH = fm.getHeight();
      int textW = 0;
      for (String s : lines) {
        textW = Math.max(textW, fm.stringWidth(s));
      }
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, Math.min(width, textW + 2 * pad), lines.size() * lineH + 2 * pad);
      g.setComposite(AlphaComposite.SrcOver);
      g.setColor(Color.WHITE);
      for (int i = 0; i < lines.size(); i++) {
        g.drawString(lines.get(i), pad, pad + i * lineH + fm.getAscent());
      }
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      // A JDK without any font (a slim container image without fontconfig) cannot draw text:
      // the picture is still worth having, so the HUD is dropped rather than the whole render.
      hudBroken = true;
      System.err.println("ugoki: warning: cannot draw text (" + e + "); the HUD is left out");
    }
  }
}
