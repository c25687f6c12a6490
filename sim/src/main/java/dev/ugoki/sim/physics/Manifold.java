package dev.ugoki.sim.physics;

/**
 * Up to two contact points between one shape of body {@code a} and one of body {@code b}, with a
 * shared normal from a to b, and each point's solver state. Pooled and refilled every substep: the
 * hot loop allocates nothing.
 */
final class Manifold {
  Body a;
  Body b;
  int shapeA;
  int shapeB;
  long key; // orders manifolds and matches them across substeps
  double nx;
  double ny;
  int count;
  double friction;
  double restitution;
  final double[] px = new double[2];
  final double[] py = new double[2];
  final double[] separation = new double[2]; // [m], negative when overlapping
  final int[] id = new int[2]; // feature id, for warm starting
  final double[] normalImpulse = new double[2];
  final double[] tangentImpulse = new double[2];
  final double[] pseudoImpulse = new double[2];
  final double[] normalMass = new double[2];
  final double[] tangentMass = new double[2];
  final double[] targetVelocity = new double[2];
  final double[] rax = new double[2];
  final double[] ray = new double[2];
  final double[] rbx = new double[2];
  final double[] rby = new double[2];
  // two-point block solver: K = [[k11, k12], [k12, k22]] and its inverse, when well conditioned
  boolean block;
  double k11;
  double k12;
  double k22;
  double inv11;
  double inv12;
  double inv22;

  void addPoint(double x, double y, double sep, int featureId) {
    px[count] = x;
    py[count] = y;
    separation[count] = sep;
    id[count] = featureId;
    normalImpulse[count] = 0;
    tangentImpulse[count] = 0;
    pseudoImpulse[count] = 0;
    count++;
  }
}
