package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyNetworkTest {

  /**
   * DL4J's back-propagation of external errors against central finite differences: for the loss
   * L = sum(dMean * mean) + sum(dValue * value) with fixed dMean and dValue, dL/dw is exactly what
   * {@link PolicyNetwork#gradient} returns.
   */
  @Test
  void backpropagatedGradientMatchesFiniteDifferences() {
    Architecture arch = new Architecture(5, 2, 8, 2);
    PolicyNetwork net = new PolicyNetwork(arch, 7, 1e-3);
    SplittableRandom r = new SplittableRandom(3);
    int rows = 4;
    float[] obs = new float[rows * 5];
    float[] dMean = new float[rows * 2];
    float[] dValue = new float[rows];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < dMean.length; i++) {
      dMean[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < dValue.length; i++) {
      dValue[i] = (float) r.nextGaussian();
    }
    float[] grad = net.gradient(obs, rows, dMean, dValue);
    float[] params = net.params();
    assertThat(grad).hasSize(params.length);
    double h = 1e-2;
    int checked = 0;
    for (int k = 0; k < params.length; k += 7) {
      float saved = params[k];
      params[k] = (float) (saved + h);
      net.setParams(params);
      double up = linearLoss(net.forward(obs, rows), dMean, dValue);
      params[k] = (float) (saved - h);
      net.setParams(params);
      double down = linearLoss(net.forward(obs, rows), dMean, dValue);
      params[k] = saved;
      net.setParams(params);
      double numeric = (up - down) / (2 * h);
      assertThat((double) grad[k]).as("dL/dw[%d]", k)
          .isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  private static double linearLoss(PolicyNetwork.Output out, float[] dMean, float[] dValue) {
    double l = 0;
    for (int i = 0; i < dMean.length; i++) {
      l += dMean[i] * out.mean()[i];
    }
    for (int i = 0; i < dValue.length; i++) {
      l += dValue[i] * out.value()[i];
    }
    return l;
  }

  @Test
  void sameSeedGivesTheSameWeightsAndOutputs() {
    Architecture arch = new Architecture(6, 2, 16, 2);
    PolicyNetwork a = new PolicyNetwork(arch, 11, 1e-3);
    PolicyNetwork b = new PolicyNetwork(arch, 11, 1e-3);
    assertThat(b.params()).isEqualTo(a.params());
    float[] x = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
    assertThat(b.forward(x, 1).mean()).isEqualTo(a.forward(x, 1).mean());
    assertThat(new PolicyNetwork(arch, 12, 1e-3).params()).isNotEqualTo(a.params());
  }

  @Test
  void aTrainingStepMovesTheOutputAgainstTheGradient() {
    PolicyNetwork net = new PolicyNetwork(new Architecture(3, 1, 8, 1), 5, 1e-2);
    float[] x = {0.5f, -1f, 2f};
    double before = net.forward(x, 1).value()[0];
    for (int i = 0; i < 50; i++) {
      // loss = value: its gradient is 1, so the value must fall
      net.trainStep(x, 1, (mean, value, dMean, dValue) -> {
        dValue[0] = 1;
        return 0;
      }, 0, 1);
    }
    assertThat((double) net.forward(x, 1).value()[0]).isLessThan(before - 0.1);
    assertThat(net.copy().params()).isEqualTo(net.params());
  }
}
