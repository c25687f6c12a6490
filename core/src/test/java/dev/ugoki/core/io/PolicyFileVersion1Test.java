package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.learner.Adam;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files written by the version before this one (format 1, DL4J's updater trained the network), kept
 * in test resources: a run from scratch and a fine-tune of it with its first layer frozen, each
 * after 2 updates, and the first run's final policy.
 */
class PolicyFileVersion1Test {
  static final Path V1 = Path.of("src", "test", "resources", "v1");

  @Test
  void aVersion1PolicyLoadsAndDrives() {
    PolicyFile.Loaded l = PolicyFile.load(V1.resolve("policy.zip"));
    assertThat(l.hasOptimizerState()).isFalse();
    var env = Scenarios.make("race");
    PolicyFit.checkFits(V1.resolve("policy.zip"), l, env);
    for (float a : l.policy().actDeterministic(env.reset(3), 1)) {
      assertThat(a).isBetween(-1f, 1f);
    }
  }

  @Test
  void aVersion1CheckpointsAdamStateIsReadPerParameter() {
    Adam.State s =
        PolicyFile.load(V1.resolve("plain-run/checkpoints/latest.zip")).optimizer().network();
    assertThat(s.t()).isEqualTo(32); // 2 updates x 2 epochs x 8 minibatches
    assertAdamMoments(s, null);
  }

  /**
   * The frozen fine-tune: DL4J kept Adam's state only for trainable layers, one [m, v] block per
   * run of trainable parameters. Read back into place, the frozen layers' moments are zero and
   * every trainable parameter's moments satisfy Adam's bound; a misplaced block would put signed
   * first moments where second moments belong.
   */
  @Test
  void aFrozenVersion1CheckpointsBlocksLandOnTheirParameters() {
    PolicyFile.Loaded l = PolicyFile.load(V1.resolve("frozen-run/checkpoints/latest.zip"));
    assertThat(l.policy().network().frozenLayers()).isEqualTo(1);
    assertAdamMoments(l.optimizer().network(), l.policy().network().trainable());
  }

  /**
   * m^2 <= C v with C = (1 - b1)^2 / (1 - b2) / (1 - b1^2 / b2), about 53, by Cauchy-Schwarz over
   * the gradients so far; and nearly every trainable parameter has moved its moments.
   */
  private static void assertAdamMoments(Adam.State s, boolean[] trainable) {
    double c = 0.01 / 0.001 / (1 - 0.81 / 0.999);
    int live = 0;
    for (int k = 0; k < s.m().length; k++) {
      double m = s.m()[k];
      double v = s.v()[k];
      if (trainable != null && !trainable[k]) {
        assertThat(m).as("frozen m[%d]", k).isZero();
        assertThat(v).as("frozen v[%d]", k).isZero();
        continue;
      }
      assertThat(m * m).as("m[%d]^2 against v", k).isLessThanOrEqualTo(c * v * (1 + 1e-4) + 1e-30);
      live += v > 0 ? 1 : 0;
    }
    long trainableCount =
        trainable == null
            ? s.m().length
            : java.util.stream.IntStream.range(0, trainable.length)
                .filter(i -> trainable[i])
                .count();
    assertThat(live).isGreaterThan((int) (0.9 * trainableCount));
  }
}
