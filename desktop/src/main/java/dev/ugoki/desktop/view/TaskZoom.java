package dev.ugoki.desktop.view;

import dev.ugoki.sim.registry.Scenarios;
import java.util.HashMap;
import java.util.Map;

/**
 * The camera's zoom when the followed body changes, as in multitask, where one window shows a car
 * on a 100 m track, a robot in a 20 m room and an arm 2 m long: the zoom changes to that body's
 * (what {@link CameraRig#forScenario} shows of it), and a person's own zooming of each body is kept
 * for when it comes back. While the body stays the scenario's own, the zoom is the person's. No
 * graphics: the window applies the zoom it answers.
 */
public final class TaskZoom {
  /** The width a camera shows at zoom 1 [m]: the scenario's own view. */
  static float viewWidthM(String task) {
    return (float) Scenarios.presentation(task).viewWidthM();
  }

  private final float baseWidthM;
  private final Map<String, Float> factor = new HashMap<>();
  private String last;

  /**
   * @param scenario the window's scenario, whose view the camera was made for
   */
  public TaskZoom(String scenario) {
    this.baseWidthM = viewWidthM(scenario);
    this.last = scenario;
  }

  /**
   * The zoom to use now that the followed body is {@code task}'s, given the camera's {@code zoom}:
   * unchanged while the task stays; on a change, the new body's view times the factor the person
   * last gave it (1 at first), the old body's factor kept.
   */
  public float zoomFor(String task, float zoom) {
    if (task.equals(last)) {
      return zoom;
    }
    if (last != null) {
      factor.put(last, zoom * baseWidthM / viewWidthM(last));
    }
    last = task;
    return viewWidthM(task) / baseWidthM * factor.getOrDefault(task, 1f);
  }
}
