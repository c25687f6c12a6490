package dev.ugoki.desktop.view;

import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Driver;
import java.util.List;

/**
 * Which agent the camera follows, or none (a free camera the person pans and zooms): a concern of
 * the view, kept by the window, not of the session it shows.
 */
public final class Follow {
  /** The target that follows no agent. */
  public static final int FREE = -1;

  private int target;

  /** The agent followed (its index), or {@link #FREE}. */
  public int target() {
    return target;
  }

  public boolean free() {
    return target == FREE;
  }

  /**
   * Follows agent {@code target} of {@code agents}, or none ({@link #FREE}).
   *
   * @throws IllegalArgumentException for an index that is no agent
   */
  public void set(int target, int agents) {
    if (target != FREE && (target < 0 || target >= agents)) {
      throw new IllegalArgumentException(
          "camera target "
              + target
              + " is not an agent (0.."
              + (agents - 1)
              + ") nor free ("
              + FREE
              + ")");
    }
    this.target = target;
  }

  public void setFree() {
    target = FREE;
  }

  /** The next agent, then the free camera, then the first agent again. */
  public void next(int agents) {
    target = target == FREE ? 0 : target + 1 < agents ? target + 1 : FREE;
  }

  /**
   * Follows the agent numbered {@code index} ({@link Agent#index()}, which it keeps for the
   * session) when it drives in {@code agents}; else the person's (keyboard) agent; else the first.
   * The camera follows the person who drives, and the same agent across a switch of scenario.
   */
  public void follow(int index, List<Agent> agents) {
    int at = -1;
    int keys = -1;
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).index() == index) {
        at = i;
      }
      if (keys < 0 && agents.get(i).driver() instanceof Driver.Keyboard) {
        keys = i;
      }
    }
    target = at >= 0 ? at : keys >= 0 ? keys : 0;
  }

  /** The agent the HUD describes: the followed one, or the first when the camera is free. */
  public Agent focus(List<Agent> agents) {
    return agents.get(target == FREE ? 0 : target);
  }
}
