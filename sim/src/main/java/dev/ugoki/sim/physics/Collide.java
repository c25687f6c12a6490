package dev.ugoki.sim.physics;

/**
 * Narrow phase: the contact manifold of two shapes in world coordinates, including speculative
 * points up to {@code maxDist} apart. Disc-disc and disc-polygon use the closest features;
 * polygon-polygon finds the axis of least penetration (SAT over both polygons' edge normals), takes
 * the reference face on it and clips the other polygon's most anti-parallel edge against the
 * reference face's side planes, keeping up to two points (Box2D's {@code b2CollidePolygons}).
 * Normals point from the first shape to the second; a point sits midway between the two surfaces.
 *
 * <p>Feature ids (for warm starting): disc-disc 0; disc-polygon the face index, or 64 + the vertex
 * index in a vertex region; polygon-polygon {@code flip << 14 | referenceFace << 7 | f} with f the
 * incident vertex, or 64 / 65 for a point cut by the first / second side plane.
 */
final class Collide {
  private static final double EPS = 1e-12;
  // clip scratch: x, y, id for two points, in and out
  private final double[] cx = new double[2];
  private final double[] cy = new double[2];
  private final int[] cid = new int[2];
  private int bestEdge;

  /** Fills {@code m} (count 0 when apart) for shape sa of a against shape sb of b. */
  void collide(Body a, int sa, Body b, int sb, double maxDist, Manifold m) {
    m.count = 0;
    Shape shapeA = a.shapes[sa];
    Shape shapeB = b.shapes[sb];
    if (shapeA instanceof Disc da) {
      if (shapeB instanceof Disc db) {
        discs(a.wxy[sa], da.radius(), b.wxy[sb], db.radius(), maxDist, m);
      } else {
        polygonDisc(b.wxy[sb], b.wn[sb], a.wxy[sa], da.radius(), maxDist, m);
        m.nx = -m.nx;
        m.ny = -m.ny;
      }
    } else if (shapeB instanceof Disc db) {
      polygonDisc(a.wxy[sa], a.wn[sa], b.wxy[sb], db.radius(), maxDist, m);
    } else {
      polygons(a.wxy[sa], a.wn[sa], b.wxy[sb], b.wn[sb], maxDist, m);
    }
  }

  private static void discs(
      double[] ca, double ra, double[] cb, double rb, double maxDist, Manifold m) {
    double dx = cb[0] - ca[0];
    double dy = cb[1] - ca[1];
    double dist = Math.sqrt(dx * dx + dy * dy);
    double sep = dist - ra - rb;
    if (sep > maxDist) {
      return;
    }
    double nx = 1;
    double ny = 0;
    if (dist > EPS) {
      nx = dx / dist;
      ny = dy / dist;
    }
    m.nx = nx;
    m.ny = ny;
    double k = ra + sep / 2;
    m.addPoint(ca[0] + nx * k, ca[1] + ny * k, sep, 0);
  }

  /** Normal from the polygon to the disc. */
  private static void polygonDisc(
      double[] v, double[] n, double[] c, double r, double maxDist, Manifold m) {
    int count = v.length / 2;
    double px = c[0];
    double py = c[1];
    int face = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      double s = n[2 * i] * (px - v[2 * i]) + n[2 * i + 1] * (py - v[2 * i + 1]);
      if (s > best) {
        best = s;
        face = i;
      }
    }
    if (best > r + maxDist) {
      return;
    }
    int j = face + 1 == count ? 0 : face + 1;
    double v1x = v[2 * face];
    double v1y = v[2 * face + 1];
    double v2x = v[2 * j];
    double v2y = v[2 * j + 1];
    double nx = n[2 * face];
    double ny = n[2 * face + 1];
    double sx; // nearest point on the polygon
    double sy;
    double sep;
    int id = face;
    if (best <= EPS) {
      sep = best - r;
      sx = px - nx * best;
      sy = py - ny * best;
    } else {
      double u1 = (px - v1x) * (v2x - v1x) + (py - v1y) * (v2y - v1y);
      double u2 = (px - v2x) * (v1x - v2x) + (py - v2y) * (v1y - v2y);
      if (u1 <= 0 || u2 <= 0) {
        sx = u1 <= 0 ? v1x : v2x;
        sy = u1 <= 0 ? v1y : v2y;
        id = 64 + (u1 <= 0 ? face : j);
        double dx = px - sx;
        double dy = py - sy;
        double dist = Math.sqrt(dx * dx + dy * dy);
        sep = dist - r;
        if (sep > maxDist) {
          return;
        }
        nx = dx / dist;
        ny = dy / dist;
      } else {
        sep = best - r;
        sx = px - nx * best;
        sy = py - ny * best;
      }
    }
    m.nx = nx;
    m.ny = ny;
    m.addPoint(sx + nx * sep / 2, sy + ny * sep / 2, sep, id);
  }

  private void polygons(
      double[] va, double[] na, double[] vb, double[] nb, double maxDist, Manifold m) {
    double sepA = maxSeparation(va, na, vb);
    int edgeA = bestEdge;
    if (sepA > maxDist) {
      return;
    }
    double sepB = maxSeparation(vb, nb, va);
    int edgeB = bestEdge;
    if (sepB > maxDist) {
      return;
    }
    // prefer a's face unless b's is clearly better, so the reference face does not flicker
    boolean flip = sepB > sepA + 1e-5;
    double[] rv = flip ? vb : va;
    double[] rn = flip ? nb : na;
    double[] iv = flip ? va : vb;
    double[] in = flip ? na : nb;
    int ref = flip ? edgeB : edgeA;
    int rc = rv.length / 2;
    int ic = iv.length / 2;
    double nx = rn[2 * ref];
    double ny = rn[2 * ref + 1];
    // incident edge: the one whose normal is most anti-parallel to the reference normal
    int inc = 0;
    double minDot = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ic; i++) {
      double d = nx * in[2 * i] + ny * in[2 * i + 1];
      if (d < minDot) {
        minDot = d;
        inc = i;
      }
    }
    int inc2 = inc + 1 == ic ? 0 : inc + 1;
    cx[0] = iv[2 * inc];
    cy[0] = iv[2 * inc + 1];
    cid[0] = inc;
    cx[1] = iv[2 * inc2];
    cy[1] = iv[2 * inc2 + 1];
    cid[1] = inc2;
    int ref2 = ref + 1 == rc ? 0 : ref + 1;
    double r1x = rv[2 * ref];
    double r1y = rv[2 * ref + 1];
    double r2x = rv[2 * ref2];
    double r2y = rv[2 * ref2 + 1];
    double tx = -ny; // along the reference edge, from r1 to r2
    double ty = nx;
    if (!clip(-tx, -ty, -(tx * r1x + ty * r1y), 64)) {
      return;
    }
    if (!clip(tx, ty, tx * r2x + ty * r2y, 65)) {
      return;
    }
    double front = nx * r1x + ny * r1y;
    double sign = flip ? -1 : 1;
    m.nx = sign * nx;
    m.ny = sign * ny;
    int base = (flip ? 1 << 14 : 0) | ref << 7;
    for (int k = 0; k < 2; k++) {
      double sep = nx * cx[k] + ny * cy[k] - front;
      if (sep <= maxDist) {
        m.addPoint(cx[k] - nx * sep / 2, cy[k] - ny * sep / 2, sep, base | cid[k]);
      }
    }
  }

  /**
   * Keeps the part of the segment in the clip buffer with {@code dot(n, p) <= offset}; a cut point
   * takes id {@code cutId}. False when nothing remains.
   */
  private boolean clip(double nx, double ny, double offset, int cutId) {
    double d0 = nx * cx[0] + ny * cy[0] - offset;
    double d1 = nx * cx[1] + ny * cy[1] - offset;
    if (d0 <= 0 && d1 <= 0) {
      return true;
    }
    if (d0 > 0 && d1 > 0) {
      return false;
    }
    double t = d0 / (d0 - d1);
    double x = cx[0] + t * (cx[1] - cx[0]);
    double y = cy[0] + t * (cy[1] - cy[0]);
    if (d0 > 0) {
      cx[0] = x;
      cy[0] = y;
      cid[0] = cutId;
    } else {
      cx[1] = x;
      cy[1] = y;
      cid[1] = cutId;
    }
    return true;
  }

  /**
   * Largest over edges of polygon 1 of the smallest signed distance of polygon 2's vertices to that
   * edge's line; the edge goes to {@code bestEdge}.
   */
  private double maxSeparation(double[] v1, double[] n1, double[] v2) {
    int c1 = v1.length / 2;
    int c2 = v2.length / 2;
    double best = Double.NEGATIVE_INFINITY;
    bestEdge = 0;
    for (int i = 0; i < c1; i++) {
      double nx = n1[2 * i];
      double ny = n1[2 * i + 1];
      double ox = v1[2 * i];
      double oy = v1[2 * i + 1];
      double s = Double.POSITIVE_INFINITY;
      for (int j = 0; j < c2; j++) {
        double d = nx * (v2[2 * j] - ox) + ny * (v2[2 * j + 1] - oy);
        if (d < s) {
          s = d;
        }
      }
      if (s > best) {
        best = s;
        bestEdge = i;
      }
    }
    return best;
  }
}
