package dev.ugoki.desktop.view;

import java.util.List;

/**
 * Ghosts that sit on one spot (identical deterministic policies, a fork and its replay) would hide
 * each other's bodies: each of them gets a ring around the spot in its colour, one ring further out
 * per agent, so every colour there shows. Decided on the screen: bodies closer than {@link
 * #NEAR_PX} pixels overlap, whatever the zoom.
 */
final class GhostRings {
  /** Bodies whose centres are this close on the screen look like one [px]. */
  static final float NEAR_PX = 6;

  /** The gap between two rings [px]. */
  static final float STEP_PX = 4;

  private GhostRings() {}

  /**
   * For each agent (its body's centre on the screen, y down), its ring's rank: 0 for none (nobody
   * else is near), else 1, 2, ... in agent order among those on its spot.
   */
  static int[] ranks(List<float[]> pixels) {
    int n = pixels.size();
    int[] rank = new int[n];
    int[] spot = new int[n];
    for (int i = 0; i < n; i++) {
      spot[i] = i;
      for (int j = 0; j < i; j++) {
        if (near(pixels.get(i), pixels.get(j))) {
          spot[i] = spot[j];
          break;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int before = 0;
      boolean shared = false;
      for (int j = 0; j < n; j++) {
        if (j != i && spot[j] == spot[i]) {
          shared = true;
          before += j < i ? 1 : 0;
        }
      }
      rank[i] = shared ? before + 1 : 0;
    }
    return rank;
  }

  private static boolean near(float[] a, float[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]) < NEAR_PX;
  }
}
