package dev.ugoki.sim.physics;

import java.util.List;

/**
 * Mass, centre of mass and rotational inertia of shapes of uniform areal density, in closed form
 * (polygon: triangle fan, as Box2D's {@code b2ComputePolygonMass}; disc: m r^2 / 2 and the parallel
 * axis theorem), and the mean distance of the area from the centre of mass, which sets the table
 * friction's torque limit (numerically, by a fixed midpoint rule, so the same bits every time).
 * Shapes of one body must not overlap: overlapping area counts twice.
 *
 * @param massKg total mass [kg]
 * @param centroidX centre of mass in the design frame [m]
 * @param centroidY centre of mass in the design frame [m]
 * @param inertiaKgM2 rotational inertia about the centre of mass [kg m^2]
 * @param meanRadiusM mean distance of the area from the centre of mass [m]
 */
public record MassProperties(
    double massKg, double centroidX, double centroidY, double inertiaKgM2, double meanRadiusM) {
  /** Subdivisions per triangle edge (polygons) and per radius (discs) for the mean radius. */
  private static final int GRID = 32;

  /** The properties of {@code shapes} at {@code densityKgpM2} [kg/m^2]. */
  public static MassProperties of(List<Shape> shapes, double densityKgpM2) {
    double area = 0;
    double mx = 0;
    double my = 0;
    double polar = 0; // integral of |r|^2 dA about the design origin
    for (Shape s : shapes) {
      if (s instanceof Disc d) {
        double a = d.area();
        area += a;
        mx += a * d.x();
        my += a * d.y();
        polar += a * (d.radius() * d.radius() / 2 + d.x() * d.x() + d.y() * d.y());
      } else {
        Polygon p = (Polygon) s;
        double sx = p.x(0);
        double sy = p.y(0);
        double pa = 0;
        double cx = 0;
        double cy = 0;
        double ps = 0; // about vertex 0
        for (int i = 1; i + 1 < p.vertexCount(); i++) {
          double e1x = p.x(i) - sx;
          double e1y = p.y(i) - sy;
          double e2x = p.x(i + 1) - sx;
          double e2y = p.y(i + 1) - sy;
          double d = e1x * e2y - e1y * e2x;
          double tri = d / 2;
          pa += tri;
          cx += tri * (e1x + e2x) / 3;
          cy += tri * (e1y + e2y) / 3;
          double intx2 = e1x * e1x + e2x * e1x + e2x * e2x;
          double inty2 = e1y * e1y + e2y * e1y + e2y * e2y;
          ps += (0.25 / 3 * d) * (intx2 + inty2);
        }
        cx /= pa;
        cy /= pa;
        double gx = sx + cx;
        double gy = sy + cy;
        // shift from vertex 0 to the centroid, then to the design origin
        polar += ps + pa * (gx * gx + gy * gy - cx * cx - cy * cy);
        area += pa;
        mx += pa * gx;
        my += pa * gy;
      }
    }
    double comX = mx / area;
    double comY = my / area;
    double inertia = densityKgpM2 * (polar - area * (comX * comX + comY * comY));
    double meanRadius = distanceIntegral(shapes, comX, comY) / area;
    return new MassProperties(densityKgpM2 * area, comX, comY, inertia, meanRadius);
  }

  /** Total area of {@code shapes} [m^2]. */
  static double area(List<Shape> shapes) {
    double a = 0;
    for (Shape s : shapes) {
      a += s.area();
    }
    return a;
  }

  /** Integral of |r - (px, py)| over the shapes' area [m^3], by the midpoint rule. */
  private static double distanceIntegral(List<Shape> shapes, double px, double py) {
    double sum = 0;
    for (Shape s : shapes) {
      if (s instanceof Disc d) {
        double dr = d.radius() / GRID;
        int sectors = 4 * GRID;
        for (int k = 0; k < GRID; k++) {
          double r = (k + 0.5) * dr;
          double cellArea = Math.PI * (2 * k + 1) * dr * dr / sectors;
          for (int m = 0; m < sectors; m++) {
            double t = (m + 0.5) * 2 * Math.PI / sectors;
            sum +=
                cellArea * Math.hypot(d.x() + r * Math.cos(t) - px, d.y() + r * Math.sin(t) - py);
          }
        }
      } else {
        Polygon p = (Polygon) s;
        for (int i = 1; i + 1 < p.vertexCount(); i++) {
          sum +=
              triangleDistanceIntegral(
                  p.x(0), p.y(0), p.x(i), p.y(i), p.x(i + 1), p.y(i + 1), px, py);
        }
      }
    }
    return sum;
  }

  private static double triangleDistanceIntegral(
      double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    double ux = bx - ax;
    double uy = by - ay;
    double vx = cx - ax;
    double vy = cy - ay;
    double cellArea = Math.abs(ux * vy - uy * vx) / 2 / (GRID * GRID);
    double sum = 0;
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; i + j < GRID; j++) {
        // the upright cell (i, j), (i+1, j), (i, j+1) and, where it fits, the inverted one
        double su = (3 * i + 1) / (3.0 * GRID);
        double sv = (3 * j + 1) / (3.0 * GRID);
        sum += Math.hypot(ax + su * ux + sv * vx - px, ay + su * uy + sv * vy - py);
        if (i + j < GRID - 1) {
          su = (3 * i + 2) / (3.0 * GRID);
          sv = (3 * j + 2) / (3.0 * GRID);
          sum += Math.hypot(ax + su * ux + sv * vx - px, ay + su * uy + sv * vy - py);
        }
      }
    }
    return sum * cellArea;
  }
}
