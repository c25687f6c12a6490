package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.math.Vector3;
import com.badlogic.gdx.utils.viewport.ExtendViewport;
import dev.ugoki.sim.scene.Scene;

/**
 * The camera in world units (metres, y up): an orthographic camera behind an {@link ExtendViewport}
 * that shows at least {@code minWidthM} x {@code minHeightM} at zoom 1 and extends the longer side
 * of the window. It follows a point or stays where it was panned; zoom scales the view (above 1
 * shows more of the world), about the followed point or, for a free camera, about the pointer. It
 * points north, or in the chase view turns with the followed body so that it faces up the screen.
 */
public final class CameraRig {
  private static final float MIN_ZOOM = 0.05f;
  private static final float MAX_ZOOM = 40f;

  private final OrthographicCamera camera = new OrthographicCamera();
  private final ExtendViewport viewport;
  private final Vector3 tmp = new Vector3();

  /** Which way the screen's up points in the world [rad, counter-clockwise from +x]. */
  private double upRad = Math.PI / 2;

  public CameraRig(float minWidthM, float minHeightM) {
    viewport = new ExtendViewport(minWidthM, minHeightM, camera);
  }

  /** The view for a scenario: about 80 x 50 m around a car, 16 x 10 m around a robot. */
  public static CameraRig forScenario(String scenario) {
    float w = TaskZoom.viewWidthM(scenario);
    return new CameraRig(w, w * 0.625f);
  }

  public OrthographicCamera camera() {
    return camera;
  }

  /** The window changed size [px]. */
  public void resize(int widthPx, int heightPx) {
    viewport.update(widthPx, heightPx, false);
  }

  /** Sets the GL viewport and the camera's matrices for drawing. */
  public void apply() {
    viewport.apply();
    camera.update();
  }

  public void lookAt(double x, double y) {
    camera.position.set((float) x, (float) y, 0);
  }

  /** The whole scene in view, centered, with a small margin. */
  public void fit(Scene scene) {
    lookAt((scene.minX() + scene.maxX()) / 2, (scene.minY() + scene.maxY()) / 2);
    float zx = (float) (scene.maxX() - scene.minX()) / viewport.getWorldWidth();
    float zy = (float) (scene.maxY() - scene.minY()) / viewport.getWorldHeight();
    camera.zoom = clampZoom(1.04f * Math.max(zx, zy));
  }

  /**
   * Turns the view so that {@code headingRad} points up the screen, eased: the view turns by {@code
   * share} (0..1) of the angle left each call, the short way round. A NaN heading (a body without
   * one) or {@link #north()} points north again.
   */
  public void chase(double headingRad, double share) {
    double target = Double.isNaN(headingRad) ? Math.PI / 2 : headingRad;
    upRad += eased(upRad, target, share);
    camera.up.set((float) Math.cos(upRad), (float) Math.sin(upRad), 0);
  }

  /** The view north up again (x right, y up). */
  public void north() {
    upRad = Math.PI / 2;
    camera.up.set(0, 1, 0);
  }

  /** How far to turn from {@code from} toward {@code to}, by {@code share}, the short way round. */
  static double eased(double from, double to, double share) {
    double d = Math.IEEEremainder(to - from, 2 * Math.PI);
    return d * Math.max(0, Math.min(1, share));
  }

  /** Which way the screen's up points [rad]: pi/2 north up. */
  public double upRad() {
    return upRad;
  }

  /**
   * Multiplies the zoom by {@code factor} keeping the world point under the pointer ({@code px},
   * {@code py}: window pixels, y down) where it is: the map zoom people expect of a free camera.
   * North up only (the chase view follows a body and zooms about it).
   */
  public void zoomAbout(float factor, float px, float py) {
    float before = metresPerPixel();
    zoomBy(factor);
    float[] c =
        centreKeeping(
            camera.position.x,
            camera.position.y,
            px - viewport.getScreenX(),
            py,
            viewport.getScreenWidth(),
            viewport.getScreenHeight(),
            before,
            metresPerPixel());
    camera.position.set(c[0], c[1], 0);
  }

  /**
   * The camera centre after a zoom from {@code mppBefore} to {@code mppAfter} metres per pixel that
   * keeps the world point under pixel ({@code px}, {@code py}) (y down) of a {@code w} x {@code h}
   * view centred on ({@code cx}, {@code cy}) where it was.
   */
  static float[] centreKeeping(
      float cx, float cy, float px, float py, float w, float h, float mppBefore, float mppAfter) {
    float dx = px - w / 2;
    float dy = h / 2 - py;
    float wx = cx + dx * mppBefore;
    float wy = cy + dy * mppBefore;
    return new float[] {wx - dx * mppAfter, wy - dy * mppAfter};
  }

  /** Multiplies the zoom by {@code factor} (above 1: the world looks smaller). */
  public void zoomBy(float factor) {
    camera.zoom = clampZoom(camera.zoom * factor);
  }

  public void setZoom(float zoom) {
    camera.zoom = clampZoom(zoom);
  }

  public float zoom() {
    return camera.zoom;
  }

  /** Moves the view with a drag of {@code dx, dy} screen pixels (y down, as input reports). */
  public void panPixels(float dx, float dy) {
    float m = metresPerPixel();
    // the screen's axes in the world, turned with the view
    float ux = (float) Math.cos(upRad);
    float uy = (float) Math.sin(upRad);
    float rx = uy;
    float ry = -ux;
    camera.position.add((-dx * rx + dy * ux) * m, (-dx * ry + dy * uy) * m, 0);
  }

  /** Screen pixels per metre at the current zoom. */
  public float pixelsPerMetre() {
    return viewport.getScreenWidth() / (viewport.getWorldWidth() * camera.zoom);
  }

  public float metresPerPixel() {
    return 1 / pixelsPerMetre();
  }

  /** The width of the world in view at the current zoom [m]. */
  public float viewWidthM() {
    return viewport.getWorldWidth() * camera.zoom;
  }

  /** The height of the world in view at the current zoom [m]. */
  public float viewHeightM() {
    return viewport.getWorldHeight() * camera.zoom;
  }

  public float centerX() {
    return camera.position.x;
  }

  public float centerY() {
    return camera.position.y;
  }

  /** The world point under window pixel ({@code px}, {@code py}: y down from the top-left). */
  public double[] toWorld(float px, float py) {
    tmp.set(px, py, 0);
    camera.unproject(
        tmp,
        viewport.getScreenX(),
        viewport.getScreenY(),
        viewport.getScreenWidth(),
        viewport.getScreenHeight());
    return new double[] {tmp.x, tmp.y};
  }

  /** The window pixel (x right, y down from the top-left corner) of a world point. */
  public float[] toPixel(double x, double y) {
    tmp.set((float) x, (float) y, 0);
    camera.project(
        tmp,
        viewport.getScreenX(),
        viewport.getScreenY(),
        viewport.getScreenWidth(),
        viewport.getScreenHeight());
    return new float[] {tmp.x, viewport.getScreenHeight() - tmp.y};
  }

  private static float clampZoom(float z) {
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
  }
}
