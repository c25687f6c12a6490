package dev.ugoki.sim.physics;

/**
 * Steps per second of the Push-T scene (one kinematic tip, one T, four walls) on one thread. Not a
 * test: run {@code java -cp sim/target/classes:sim/target/test-classes
 * dev.ugoki.sim.physics.PhysicsBench}. The tip chases points around the T so that it pushes it most
 * of the time.
 */
public final class PhysicsBench {
  private PhysicsBench() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    for (int round = 0; round < 5; round++) {
      World world = new World();
      Scenes.walls(world, 0.25);
      Body tee = world.add(Scenes.tee().at(0.05, 0.05, 0.4));
      Body tip = world.add(Body.kinematic(Disc.of(0.015)).at(-0.2, -0.2, 0));
      long touching = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        // aim a little past the T's centre from a side that turns every 4 s
        double phase = (i / 80) * 1.3;
        double gx = tee.x() - 0.05 * Math.cos(phase);
        double gy = tee.y() - 0.05 * Math.sin(phase);
        if (Math.abs(gx) > 0.2 || Math.abs(gy) > 0.2) {
          gx = 0;
          gy = 0;
        }
        double vx = Math.max(-0.5, Math.min(0.5, (gx - tip.x()) * 3));
        double vy = Math.max(-0.5, Math.min(0.5, (gy - tip.y()) * 3));
        tip.setVelocity(vx, vy, 0);
        world.step(0.05);
        touching += world.contactCount() > 0 ? 1 : 0;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "round %d: %,.0f steps/s, %.0f%% of steps with contacts, T at (%.3f, %.3f)%n",
          round, steps / seconds, 100.0 * touching / steps, tee.x(), tee.y());
    }
  }
}
