package dev.ugoki.sim.scene;

/**
 * The one colour scheme of a scene, as {@code 0xRRGGBB}: what each layer looks like in the window
 * (desktop) and in the headless images (core's SceneRenderer), so that the two cannot drift. Plain
 * numbers: the world knows no graphics library; each renderer makes its own colour objects. Grass,
 * asphalt, white walls, a yellow dashed centerline; bodies, trails and rays take an agent's tint in
 * the window.
 */
public final class Colors {
  public static final int GRASS = 0x568C3E;
  public static final int FLOOR = 0x3A3E48;

  /** Beyond a room's walls. */
  public static final int OUTSIDE = 0x181A1E;

  public static final int ASPHALT = 0x424246;
  public static final int LINE_WHITE = 0xF5F5F5;
  public static final int CENTERLINE = 0xEBC828;
  public static final int OBSTACLE = 0x8C6038;
  public static final int OBSTACLE_EDGE = 0x583A20;
  public static final int PATH = 0x82D2FF;
  public static final int GOAL = 0x3CC85A;
  public static final int GOAL_ACTIVE = 0xEB3732;
  public static final int GOAL_EDGE = 0x143C1E;

  /** Body outlines and heading marks. */
  public static final int DARK = 0x0C141E;

  /** Rays in an image of one agent (the window tints them by agent). */
  public static final int RAY = 0xFF3C3C;

  /**
   * One tint per agent, in order: the first is a lone body's colour, the second its trail's. No two
   * are alike, and none is like the ground, the asphalt, the white walls or the yellow centerline
   * (at least 35 apart in CIELAB, {@code ColorsTest}; the sixth was once the walls' white).
   */
  private static final int[] TINTS = {
    0x28C8FF, 0xFF961E, 0xEB50D2, 0x96F046, 0xFA4646, 0x3C5AFF, 0xFFB4F0, 0x00F0C8
  };

  /** How many agents get a tint of their own before the tints repeat. */
  public static final int TINT_COUNT = TINTS.length;

  private Colors() {}

  /** The tint of agent {@code index} (repeats after eight agents). */
  public static int tint(int index) {
    return TINTS[Math.floorMod(index, TINTS.length)];
  }

  /** The ground: grass around a track ({@code outdoor}), a floor in a room. */
  public static int ground(boolean outdoor) {
    return outdoor ? GRASS : FLOOR;
  }
}
