package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.math.Vector3;
import com.badlogic.gdx.utils.viewport.ExtendViewport;
import dev.ugoki.sim.scene.Scene;

/**
 * The camera in world units (metres, y up): an orthographic camera behind an {@link ExtendViewport}
 * that shows at least {@code minWidthM} x {@code minHeightM} at zoom 1 and extends the longer side
 * of the window. It follows a point or stays where it was panned; zoom scales the view (above 1
 * shows more of the world).
 */
public final class CameraRig {
  private static final float MIN_ZOOM = 0.05f;
  private static final float MAX_ZOOM = 40f;

  private final OrthographicCamera camera = new OrthographicCamera();
  private final ExtendViewport viewport;
  private final Vector3 tmp = new Vector3();

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
    camera.position.add(-dx * m, dy * m, 0);
  }

  /** Screen pixels per metre at the current zoom. */
  public float pixelsPerMetre() {
    return viewport.getScreenWidth() / (viewport.getWorldWidth() * camera.zoom);
  }

  public float metresPerPixel() {
    return 1 / pixelsPerMetre();
  }

  public float centerX() {
    return camera.position.x;
  }

  public float centerY() {
    return camera.position.y;
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
