package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

  /** The params of one layer, by the parameter order of {@link PolicyNetwork#params()}. */
  private static float[] slice(float[] p, int from, int to) {
    return java.util.Arrays.copyOfRange(p, from, to);
  }

  /**
   * DL4J's transfer learning: a frozen trunk keeps its weights through training steps while the
   * rest learns; a full fine-tune keeps every weight at the start; a new head starts afresh.
   */
  @Test
  void transferLearningFreezesTheTrunkAndCanReplaceTheHead() {
    Architecture arch = new Architecture(5, 2, 8, 2);
    PolicyNetwork base = new PolicyNetwork(arch, 7, 1e-3);
    float[] before = base.params();
    PolicyNetwork full = base.transfer(0, false, 1e-2, 1);
    assertThat(full.params()).containsExactly(before);
    assertThat(full.frozenLayers()).isZero();

    PolicyNetwork frozen = base.transfer(1, false, 1e-2, 1);
    assertThat(frozen.params()).containsExactly(before);
    assertThat(frozen.frozenLayers()).isEqualTo(1);
    SplittableRandom r = new SplittableRandom(5);
    float[] obs = new float[16 * 5];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) r.nextGaussian();
    }
    for (int step = 0; step < 5; step++) {
      frozen.trainStep(obs, 16, (mean, value, dMean, dValue) -> {
        for (int i = 0; i < dMean.length; i++) {
          dMean[i] = mean[i] - 1;
        }
        for (int i = 0; i < dValue.length; i++) {
          dValue[i] = value[i] - 1;
        }
        return 0;
      }, 0, 1);
    }
    float[] after = frozen.params();
    // parameter order: the actor's first hidden layer (W 5x8, b 8) comes first, then its second
    int firstLayer = 5 * 8 + 8;
    assertThat(slice(after, 0, firstLayer)).as("the frozen first layer")
        .containsExactly(slice(before, 0, firstLayer));
    assertThat(slice(after, firstLayer, after.length)).as("the layers above it")
        .isNotEqualTo(slice(before, firstLayer, before.length));
    // the base network is untouched by its transfer copies
    assertThat(base.params()).containsExactly(before);

    PolicyNetwork head = base.transfer(2, true, 1e-2, 1);
    float[] fresh = head.params();
    assertThat(fresh).hasSameSizeAs(before);
    assertThat(fresh).isNotEqualTo(before);
    assertThat(slice(fresh, 0, firstLayer)).containsExactly(slice(before, 0, firstLayer));
    assertThatThrownBy(() -> base.transfer(3, false, 1e-3, 1)).hasMessageContaining("3 layers");

    // a fine-tune of a fine-tune: freezing nothing trains every layer again
    PolicyNetwork again = frozen.transfer(0, false, 1e-2, 1);
    assertThat(again.frozenLayers()).isZero();
    float[] start = again.params();
    again.trainStep(obs, 16, (mean, value, dMean, dValue) -> {
      java.util.Arrays.fill(dMean, 1);
      java.util.Arrays.fill(dValue, 1);
      return 0;
    }, 0, 1);
    assertThat(slice(again.params(), 0, firstLayer)).as("the first layer learns again")
        .isNotEqualTo(slice(start, 0, firstLayer));
  }
}
