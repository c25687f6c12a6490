package dev.ugoki.sim.scenario.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.config.Config;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A push tried once at the table's centre tells where it takes the block from any pose. */
class PushMovesTest {
  private static final PushConfig CFG = PushConfig.of(Config.defaults("push", PushConfig.PARAMS));
  private static final double DT = 0.05;

  @Test
  void aMoveTriedAtTheCentreIsTheMoveFromAnyPoseAwayFromTheWalls() {
    PushMoves moves = PushMoves.tried(CFG, CFG.blockMass(), CFG.blockFriction(), DT);
    PushTable table = new PushTable(CFG, CFG.blockMass(), CFG.blockFriction());
    SplittableRandom random = new SplittableRandom(27);
    double r = CFG.tipRadius();
    for (int trial = 0; trial < 40; trial++) {
      double[] pose = {
        random.nextDouble(-0.1, 0.1),
        CFG.tableCentreY() + random.nextDouble(-0.1, 0.1),
        random.nextDouble(-Math.PI, Math.PI)
      };
      int k = random.nextInt(moves.contacts.length);
      int j = random.nextInt(PushMoves.TURNS.length);
      int l = random.nextInt(PushMoves.LENGTHS_M.length);
      double[] p = moves.contacts[k];
      double c = Math.cos(pose[2]);
      double s = Math.sin(pose[2]);
      double lx = p[0] + p[2] * (r + PushMoves.GAP_M);
      double ly = p[1] + p[3] * (r + PushMoves.GAP_M);
      double px = pose[0] + c * lx - s * ly;
      double py = pose[1] + s * lx + c * ly;
      double[] d = PushMoves.direction(p, PushMoves.TURNS[j]);
      double dx = c * d[0] - s * d[1];
      double dy = s * d[0] + c * d[1];
      double[] simulated =
          PushMoves.push(
              table,
              pose[0],
              pose[1],
              pose[2],
              px,
              py,
              new double[] {dx, dy},
              PushMoves.GAP_M + PushMoves.LENGTHS_M[l],
              DT);
      double[] composed = moves.after(pose, k, j, l);
      assertThat(composed[0]).as("x of trial %d", trial).isCloseTo(simulated[0], within(1e-6));
      assertThat(composed[1]).as("y of trial %d", trial).isCloseTo(simulated[1], within(1e-6));
      assertThat(composed[2]).as("angle of trial %d", trial).isCloseTo(simulated[2], within(1e-6));
    }
  }

  @Test
  void pushesMirroredAcrossTheStemsAxisMoveTheBlockMirrored() {
    PushMoves moves = PushMoves.tried(CFG, CFG.blockMass(), CFG.blockFriction(), DT);
    double[] zero = {0, 0, 0};
    int pairs = 0;
    for (int k = 0; k < moves.contacts.length; k++) {
      for (int m = 0; m < moves.contacts.length; m++) {
        double[] a = moves.contacts[k];
        double[] b = moves.contacts[m];
        if (Math.abs(a[0] + b[0]) > 1e-12 || Math.abs(a[1] - b[1]) > 1e-12 || a[0] <= 0) {
          continue;
        }
        pairs++;
        int last = PushMoves.TURNS.length - 1;
        for (int j = 0; j <= last; j++) {
          for (int l = 0; l < PushMoves.LENGTHS_M.length; l++) {
            double[] right = moves.after(zero, k, j, l);
            double[] left = moves.after(zero, m, last - j, l); // the turn mirrored too
            assertThat(left[0]).isCloseTo(-right[0], within(1e-6));
            assertThat(left[1]).isCloseTo(right[1], within(1e-6));
            assertThat(left[2]).isCloseTo(-right[2], within(1e-6));
          }
        }
      }
    }
    assertThat(pairs)
        .as("the T is symmetric: every contact right of its axis has a twin")
        .isGreaterThan(10);
  }
}
