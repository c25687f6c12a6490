package dev.ugoki.desktop.view;

import com.badlogic.gdx.graphics.Color;
import dev.ugoki.sim.scene.Colors;
import dev.ugoki.sim.scene.Layer;

/**
 * How each layer of a scene looks in the window: the scene's one colour scheme ({@link Colors},
 * which the headless image renderer reads too) and the window's line widths. A body, its trail and
 * its rays take their agent's tint, so that ghosts racing on one track can be told apart.
 */
public final class Palette {
  public static final Color GRASS = rgb(Colors.GRASS);
  public static final Color FLOOR = rgb(Colors.FLOOR);

  /** Beyond a room's walls. */
  public static final Color OUTSIDE = rgb(Colors.OUTSIDE);

  public static final Color ASPHALT = rgb(Colors.ASPHALT);
  public static final Color LINE_WHITE = rgb(Colors.LINE_WHITE);
  public static final Color CENTERLINE = rgb(Colors.CENTERLINE);
  public static final Color OBSTACLE = rgb(Colors.OBSTACLE);
  public static final Color OBSTACLE_EDGE = rgb(Colors.OBSTACLE_EDGE);
  public static final Color PATH = rgb(Colors.PATH);
  public static final Color GOAL = rgb(Colors.GOAL);
  public static final Color GOAL_ACTIVE = rgb(Colors.GOAL_ACTIVE);
  public static final Color GOAL_EDGE = rgb(Colors.GOAL_EDGE);

  /** Body outlines and heading marks. */
  public static final Color DARK = rgb(Colors.DARK);

  /** Line widths [px]: they stay the same when the camera zooms. */
  public static final float WALL_PX = 2f;

  public static final float START_LINE_PX = 3f;
  public static final float CENTERLINE_PX = 1.2f;
  public static final float PATH_PX = 1.5f;
  public static final float TRAIL_PX = 2f;
  public static final float RAY_PX = 1.2f;
  public static final float OUTLINE_PX = 1.5f;
  public static final float HEADING_PX = 2f;

  /** Rays are many and move every frame: translucent, so the track shows through. */
  public static final float RAY_ALPHA = 0.35f;

  public static final float TRAIL_ALPHA = 0.85f;

  /** Dashes of the centerline [m]. */
  public static final float DASH_M = 3f;

  public static final float GAP_M = 3f;

  private Palette() {}

  /** The tint of agent {@code index} (repeats after eight agents; the first is a lone body's). */
  public static Color tint(int index) {
    return TINTS[Math.floorMod(index, TINTS.length)];
  }

  /** The scheme's tints as colours, made once (the HUD asks for them every frame). */
  private static final Color[] TINTS =
      java.util.stream.IntStream.range(0, 8)
          .mapToObj(i -> rgb(Colors.tint(i)))
          .toArray(Color[]::new);

  /** The ground: grass around a track ({@code outdoor}), a floor in a room. */
  public static Color ground(boolean outdoor) {
    return outdoor ? GRASS : FLOOR;
  }

  /** Beyond the scene's bounds: the field goes on around a track; darkness around a room. */
  public static Color clear(boolean outdoor) {
    return outdoor ? GRASS : OUTSIDE;
  }

  /** The fill of a background polygon or circle of this layer. */
  public static Color fill(Layer layer, boolean outdoor) {
    return switch (layer) {
      case GROUND -> ground(outdoor);
      case TRACK_SURFACE -> ASPHALT;
      case OBSTACLE -> OBSTACLE;
      case GOAL -> GOAL;
      case GOAL_ACTIVE -> GOAL_ACTIVE;
      default -> LINE_WHITE;
    };
  }

  /** The colour of a background line of this layer. */
  public static Color line(Layer layer) {
    return switch (layer) {
      case CENTERLINE -> CENTERLINE;
      case OBSTACLE -> OBSTACLE_EDGE;
      case PATH -> PATH;
      case GOAL, GOAL_ACTIVE -> GOAL_EDGE;
      case HEADING, BODY -> DARK;
      default -> LINE_WHITE;
    };
  }

  /** The width of a line of this layer [px]. */
  public static float widthPx(Layer layer) {
    return switch (layer) {
      case WALL -> WALL_PX;
      case START_LINE -> START_LINE_PX;
      case CENTERLINE -> CENTERLINE_PX;
      case PATH -> PATH_PX;
      case TRAIL -> TRAIL_PX;
      case RAY -> RAY_PX;
      case HEADING -> HEADING_PX;
      default -> OUTLINE_PX;
    };
  }

  /** Red, green, blue in 0..255, as a colour in 0..1, opaque. */
  public static Color rgb(int r, int g, int b) {
    return new Color(r / 255f, g / 255f, b / 255f, 1f);
  }

  /** {@code 0xRRGGBB} (the scene's {@link Colors}) as an opaque colour. */
  public static Color rgb(int rgb) {
    return rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
  }

  /** {@code r, g, b} in 0..255 of an opaque colour, for reports and tests. */
  public static int[] rgb255(Color c) {
    return new int[] {Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)};
  }
}
