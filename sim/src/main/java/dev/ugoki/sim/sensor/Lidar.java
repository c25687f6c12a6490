package dev.ugoki.sim.sensor;

import dev.ugoki.sim.geom.SegmentIndex;
import dev.ugoki.sim.scene.Layer;
import dev.ugoki.sim.scene.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A planar lidar: {@code rays} rays spread evenly over a field of view centered on the heading,
 * each returning the distance to the first wall, with optional Gaussian range noise and dropout (a
 * ray that returns nothing reads as full range). Readings are normalized to [0, 1] of the range.
 */
public final class Lidar {
  private final int rays;
  private final double rangeM;
  private final double noiseFraction;
  private final double dropout;
  private final double[] cosOffset;
  private final double[] sinOffset;
  private final double[] lastDistM;

  /**
   * @param rays number of rays, at least 1
   * @param fovRad field of view [rad], up to 2 pi (a full circle spaces rays 2 pi / n apart)
   * @param rangeM maximum range [m]
   * @param noiseFraction standard deviation of the range noise, as a fraction of the range
   * @param dropout probability that a ray returns nothing
   */
  public Lidar(int rays, double fovRad, double rangeM, double noiseFraction, double dropout) {
    if (rays < 1
        || !(fovRad > 0 && fovRad <= 2 * Math.PI)
        || !(rangeM > 0)
        || !(noiseFraction >= 0)
        || !(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(
          "invalid lidar: rays="
              + rays
              + " fov="
              + fovRad
              + " range="
              + rangeM
              + " noise="
              + noiseFraction
              + " dropout="
              + dropout);
    }
    this.rays = rays;
    this.rangeM = rangeM;
    this.noiseFraction = noiseFraction;
    this.dropout = dropout;
    cosOffset = new double[rays];
    sinOffset = new double[rays];
    lastDistM = new double[rays];
    boolean fullCircle = fovRad >= 2 * Math.PI - 1e-9;
    for (int i = 0; i < rays; i++) {
      double a;
      if (fullCircle) {
        a = -Math.PI + 2 * Math.PI * i / rays;
      } else if (rays == 1) {
        a = 0;
      } else {
        a = -fovRad / 2 + fovRad * i / (rays - 1);
      }
      cosOffset[i] = Math.cos(a);
      sinOffset[i] = Math.sin(a);
    }
  }

  public int rays() {
    return rays;
  }

  public double rangeM() {
    return rangeM;
  }

  /** Something besides the walls that rays stop at (other cars). */
  @FunctionalInterface
  public interface Obstacles {
    /**
     * The distance along the unit direction (dx, dy) from (x, y) to the first obstacle, or {@code
     * maxM} when none is nearer [m].
     */
    double raycast(double x, double y, double dx, double dy, double maxM);
  }

  /**
   * Casts every ray from (x, y), each stopping at the first wall or at the first of {@code others}
   * (none when null), and writes the normalized readings into {@code out} from {@code offset}. The
   * random stream is drawn from only when noise or dropout is on.
   */
  public void scan(
      SegmentIndex walls,
      Obstacles others,
      double x,
      double y,
      double heading,
      SplittableRandom random,
      float[] out,
      int offset) {
    double ch = Math.cos(heading);
    double sh = Math.sin(heading);
    for (int i = 0; i < rays; i++) {
      double dx = ch * cosOffset[i] - sh * sinOffset[i];
      double dy = sh * cosOffset[i] + ch * sinOffset[i];
      double d = walls.raycast(x, y, dx, dy, rangeM);
      if (others != null) {
        d = Math.min(d, others.raycast(x, y, dx, dy, d));
      }
      if (noiseFraction > 0) {
        d = Math.max(0, Math.min(rangeM, d + noiseFraction * rangeM * random.nextGaussian()));
      }
      if (dropout > 0 && random.nextDouble() < dropout) {
        d = rangeM;
      }
      lastDistM[i] = d;
      out[offset + i] = (float) (d / rangeM);
    }
  }

  /** World coordinates of each ray's end in the last scan, {@code x0, y0, x1, y1, ...}. */
  public float[] lastEndpoints(double x, double y, double heading) {
    float[] xy = new float[2 * rays];
    double ch = Math.cos(heading);
    double sh = Math.sin(heading);
    for (int i = 0; i < rays; i++) {
      double dx = ch * cosOffset[i] - sh * sinOffset[i];
      double dy = sh * cosOffset[i] + ch * sinOffset[i];
      xy[2 * i] = (float) (x + dx * lastDistM[i]);
      xy[2 * i + 1] = (float) (y + dy * lastDistM[i]);
    }
    return xy;
  }

  /** Adds the rays of the last scan, from the sensor at (x, y) to each ray's end. */
  public void drawRays(List<Shape> out, double x, double y, double heading) {
    float[] ends = lastEndpoints(x, y, heading);
    for (int i = 0; i < rays; i++) {
      out.add(
          new Shape.Polyline(
              new float[] {(float) x, (float) y, ends[2 * i], ends[2 * i + 1]}, false, Layer.RAY));
    }
  }
}
