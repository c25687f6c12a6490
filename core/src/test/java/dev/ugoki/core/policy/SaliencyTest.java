package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Occlusion saliency of the shipped race policy: it is the change of the action with each ray
 * blanked, one at a time (checked against that loop), zero for a ray that sees nothing, and the
 * rays that matter on a track lie ahead of the car.
 */
class SaliencyTest {
  @Test
  void eachRaysWeightIsTheActionsChangeWithThatRayBlanked() throws Exception {
    GaussianPolicy p = PolicyFile.load(Zoo.resolve("zoo:race")).policy();
    Saliency s = new Saliency(p);
    assertThat(s.rays()).isEqualTo(32);
    Env env = Scenarios.make("race");
    float[] obs = env.reset(3);
    double[] sum = new double[32];
    for (int t = 0; t < 200; t++) {
      float[] w = s.of(obs);
      float[] a = p.actDeterministic(obs, 1);
      for (int r = 0; r < 32; r++) {
        float[] blanked = obs.clone();
        blanked[r] = 1; // lidar.NN are the first 32 channels, read on [0, 1]
        float[] b = p.actDeterministic(blanked, 1);
        double d = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
        assertThat((double) w[r]).as("ray %d at step %d", r, t).isCloseTo(d, within(1e-6));
        if (obs[r] == 1f) {
          assertThat(w[r]).isZero();
        }
        sum[r] += w[r];
      }
      StepResult res = env.step(a);
      obs = res.observation();
      if (res.done()) {
        break;
      }
    }
    // the middle rays look ahead (a 240 degree fan): together they outweigh the rear-most ones
    double middle = Arrays.stream(sum, 8, 24).sum();
    double sides = Arrays.stream(sum, 0, 4).sum() + Arrays.stream(sum, 28, 32).sum();
    assertThat(middle).isGreaterThan(sides);
  }

  @Test
  void aPolicyWithoutLidarHasNoRays() {
    Env reach = Scenarios.make("reach");
    GaussianPolicy p =
        GaussianPolicy.create(reach.observationSpec(), reach.actionSpec(), 8, 1, -0.5, 1);
    assertThat(new Saliency(p).rays()).isZero();
    assertThat(new Saliency(p).of(reach.reset(1))).isEmpty();
  }
}
