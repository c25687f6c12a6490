package dev.ugoki.core.report;

import dev.ugoki.sim.scene.Colors;
import dev.ugoki.sim.scene.Layer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.EnumMap;
import java.util.Map;

/**
 * How one layer looks: {@code fill} for polygons and circles (null: not filled), {@code line} for
 * polylines and outlines (null: none), {@code widthPx} the line width, {@code dashPx} an optional
 * dash pattern, {@code smooth} whether its lines are anti-aliased.
 */
public record LayerStyle(Color fill, Color line, float widthPx, float[] dashPx, boolean smooth) {
  LayerStyle(Color fill, Color line, float widthPx, float[] dashPx) {
    this(fill, line, widthPx, dashPx, true);
  }

  Stroke stroke() {
    return dashPx == null
        ? new BasicStroke(widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(widthPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dashPx, 0);
  }

  /** Outside a room's walls. */
  static final Color OUTSIDE = new Color(Colors.OUTSIDE);

  static final Color GRASS = new Color(Colors.GRASS);
  static final Color FLOOR = new Color(Colors.FLOOR);
  static final Color ASPHALT = new Color(Colors.ASPHALT);
  static final Color BODY = new Color(Colors.tint(0));
  private static final Color WHITE = new Color(Colors.LINE_WHITE);
  private static final Color DARK = new Color(Colors.DARK);
  private static final Color GOAL_EDGE = new Color(Colors.GOAL_EDGE);

  private static final Map<Layer, LayerStyle> OUTDOOR = palette(GRASS);
  private static final Map<Layer, LayerStyle> INDOOR = palette(FLOOR);

  private static Map<Layer, LayerStyle> palette(Color ground) {
    Map<Layer, LayerStyle> p = new EnumMap<>(Layer.class);
    p.put(Layer.GROUND, new LayerStyle(ground, null, 0, null));
    p.put(Layer.TRACK_SURFACE, new LayerStyle(ASPHALT, null, 0, null));
    p.put(Layer.START_LINE, new LayerStyle(null, WHITE, 3f, null));
    p.put(
        Layer.CENTERLINE,
        new LayerStyle(null, new Color(Colors.CENTERLINE), 1.2f, new float[] {6, 6}));
    p.put(Layer.WALL, new LayerStyle(null, WHITE, 2f, null));
    p.put(
        Layer.OBSTACLE,
        new LayerStyle(new Color(Colors.OBSTACLE), new Color(Colors.OBSTACLE_EDGE), 1.5f, null));
    p.put(Layer.PATH, new LayerStyle(null, new Color(Colors.PATH), 1.5f, new float[] {4, 4}));
    p.put(Layer.GOAL, new LayerStyle(new Color(Colors.GOAL), GOAL_EDGE, 1.5f, null));
    p.put(Layer.GOAL_ACTIVE, new LayerStyle(new Color(Colors.GOAL_ACTIVE), GOAL_EDGE, 1.5f, null));
    p.put(Layer.TRAIL, new LayerStyle(null, new Color(Colors.tint(1)), 2f, null));
    // Rays are many thin translucent lines that move every frame: without anti-aliasing they
    // look the same, draw faster and make GIFs about 40% smaller (fewer changed pixels).
    p.put(
        Layer.RAY,
        new LayerStyle(
            null,
            new Color(Colors.RAY >> 16, Colors.RAY >> 8 & 0xFF, Colors.RAY & 0xFF, 90),
            1f,
            null,
            false));
    p.put(Layer.BODY, new LayerStyle(BODY, DARK, 1.5f, null));
    p.put(Layer.HEADING, new LayerStyle(null, DARK, 2f, null));
    for (Layer l : Layer.values()) {
      if (!p.containsKey(l)) {
        throw new IllegalStateException("no style for layer " + l); // a layer added to sim
      }
    }
    return p;
  }

  /**
   * The look of a layer. The ground is grass around a track and a floor in a room ({@code outdoor}
   * is true when the background has a track surface); the rest does not depend on the scene.
   */
  public static LayerStyle of(Layer layer, boolean outdoor) {
    return (outdoor ? OUTDOOR : INDOOR).get(layer);
  }
}
