package dev.ugoki.sim.scene;

import java.util.List;

/**
 * A renderer-neutral picture of a scenario: the desktop app and the headless image renderer both
 * draw it, so that the simulator never imports a graphics library.
 *
 * @param minX left edge of the world [m]
 * @param minY bottom edge of the world [m]
 * @param maxX right edge [m]
 * @param maxY top edge [m]
 * @param background shapes that stay the same for the whole episode (track, room); the same list
 *     instance is returned until the next reset, so a renderer may cache it by identity
 * @param foreground shapes of the current moment (bodies, rays, trail, goals)
 * @param focusX the point a camera that follows the body looks at [m]
 * @param focusY see {@code focusX}
 */
public record Scene(
    double minX,
    double minY,
    double maxX,
    double maxY,
    List<Shape> background,
    List<Shape> foreground,
    double focusX,
    double focusY) {}
