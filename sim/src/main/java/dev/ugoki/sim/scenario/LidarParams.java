package dev.ugoki.sim.scenario;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.sensor.Lidar;

/**
 * The keys of a scenario's lidar, the same in every scenario that has one (their defaults and
 * ranges are the scenario's), and the lidar they configure.
 */
public final class LidarParams {
  public static final String RAYS = "lidar.rays";
  public static final String FOV_DEG = "lidar.fov_deg";
  public static final String RANGE = "lidar.range";
  public static final String NOISE = "lidar.noise";
  public static final String DROPOUT = "lidar.dropout";

  private LidarParams() {}

  /** The lidar {@code config} describes. */
  public static Lidar lidar(Config config) {
    return new Lidar(
        config.integer(RAYS),
        Math.toRadians(config.real(FOV_DEG)),
        config.real(RANGE),
        config.real(NOISE),
        config.real(DROPOUT));
  }
}
