package dev.ugoki.sim.physics;

/** Bodies the physics tests share: Push-T sizes (a 5 cm thick T, a 1.5 cm pusher tip). */
final class Scenes {
  static final double DT = 0.05;
  static final double G = WorldSettings.STANDARD_GRAVITY_MPS2;

  private Scenes() {}

  /** A T of two 0.2 x 0.05 m boxes: the bar on top, the stem below, design origin at its join. */
  static BodyBuilder tee() {
    return Body.dynamic(Polygon.box(0.1, 0.025, 0, 0.025, 0), Polygon.box(0.025, 0.1, 0, -0.1, 0));
  }

  /** Four 5 cm thick walls around the square [-half, half]^2. */
  static void walls(World world, double half) {
    double t = 0.025;
    world.add(Body.fixed(Polygon.box(half + 2 * t, t, 0, half + t, 0)));
    world.add(Body.fixed(Polygon.box(half + 2 * t, t, 0, -half - t, 0)));
    world.add(Body.fixed(Polygon.box(t, half, half + t, 0, 0)));
    world.add(Body.fixed(Polygon.box(t, half, -half - t, 0, 0)));
  }
}
