package dev.ugoki.sim.scenario.race.grandprix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.CarParams;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lidar's view of other cars against a brute-force march along each ray. */
class CarBoxesTest {
  private static final CarParams CAR = CarParams.standard();

  /** Whether (px, py) is inside the box of the car at (x, y) heading h. */
  private static boolean inside(double px, double py, double x, double y, double h) {
    double rx = px - x;
    double ry = py - y;
    double along = Math.cos(h) * rx + Math.sin(h) * ry;
    double side = -Math.sin(h) * rx + Math.cos(h) * ry;
    return Math.abs(along) <= CAR.lengthM() / 2 && Math.abs(side) <= CAR.widthM() / 2;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aRayStopsWhereItFirstEntersABoxAndNotAtTheLookingCar(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CarBoxes boxes = new CarBoxes(new CarParams[] {CAR, CAR, CAR});
    double[][] pose = new double[3][];
    for (int j = 0; j < 3; j++) {
      pose[j] = new double[] {r.nextDouble(-10, 10), r.nextDouble(-10, 10), r.nextDouble(-4, 4)};
      boxes.place(j, pose[j][0], pose[j][1], pose[j][2], j != 2 || seed % 2 == 0);
    }
    for (int k = 0; k < 50; k++) {
      double ox = r.nextDouble(-15, 15);
      double oy = r.nextDouble(-15, 15);
      double a = r.nextDouble(-Math.PI, Math.PI);
      double dx = Math.cos(a);
      double dy = Math.sin(a);
      double max = 30;
      double marched = max;
      for (double t = 0; t <= max; t += 0.001) {
        double px = ox + t * dx;
        double py = oy + t * dy;
        boolean hit = false;
        for (int j = 1; j < 3; j++) {
          hit |= (j != 2 || seed % 2 == 0) && inside(px, py, pose[j][0], pose[j][1], pose[j][2]);
        }
        if (hit) {
          marched = t;
          break;
        }
      }
      // car 0 looks: its own box is never seen; car 2 is off the track on odd seeds
      assertThat(boxes.seenBy(0).raycast(ox, oy, dx, dy, max)).isCloseTo(marched, within(0.002));
    }
  }
}
