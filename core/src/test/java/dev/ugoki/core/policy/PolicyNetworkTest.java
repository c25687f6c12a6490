package dev.ugoki.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain-Java arithmetic of {@link PolicyNetwork} against DL4J's own graph: outputs and
 * gradients within 1e-5 (relative to each array's size) on random networks of every shape the
 * project makes, at batch 1 and at a large batch; and against finite differences.
 */
class PolicyNetworkTest {
  private static final double TOLERANCE = 1e-5;

  /** obs, act, hidden, layers, frozen: the race, navigate, reach and foundation shapes. */
  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(40, 2, 64, 2, 0), // race's default policy
        Arguments.of(40, 2, 32, 1, 0),
        Arguments.of(27, 2, 128, 3, 0),
        Arguments.of(19, 2, 256, 2, 0),
        Arguments.of(62, 6, 128, 2, 0), // the shared-layout foundation (multitask)
        Arguments.of(62, 6, 128, 2, 1), // a fine-tune of it with a frozen trunk
        Arguments.of(33, 3, 48, 3, 2));
  }

  private static PolicyNetwork randomNetwork(
      int obs, int act, int hidden, int layers, int frozen, long seed) {
    Architecture arch = new Architecture(obs, act, hidden, layers);
    PolicyNetwork base = new PolicyNetwork(arch, seed);
    // perturbed away from the initialization (the output layers start near zero)
    SplittableRandom r = new SplittableRandom(seed);
    float[] p = base.params();
    for (int k = 0; k < p.length; k++) {
      p[k] += (float) (0.2 * r.nextGaussian() / Math.sqrt(hidden));
    }
    return new PolicyNetwork(arch, p, frozen);
  }

  private static float[] gaussian(int n, SplittableRandom r, double scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (scale * r.nextGaussian());
    }
    return x;
  }

  /** Each value within TOLERANCE of the reference, relative to the reference's largest value. */
  private static void assertClose(float[] actual, float[] expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(scale, 1e-30));
    }
    assertThat(worst).as("%s: worst relative difference", what).isLessThan(TOLERANCE);
  }

  @ParameterizedTest(name = "{0} -> {3} x {2} -> {1}, frozen {4}")
  @MethodSource("shapes")
  void forwardEqualsDl4j(int obs, int act, int hidden, int layers, int frozen) {
    PolicyNetwork net = randomNetwork(obs, act, hidden, layers, frozen, 17);
    ComputationGraph graph = net.toGraph();
    SplittableRandom r = new SplittableRandom(5);
    for (int rows : new int[] {1, 7, 1024}) {
      float[] x = gaussian(rows * obs, r, 1.5);
      INDArray[] ref = graph.output(false, Nd4j.create(x, new long[] {rows, obs}, DataType.FLOAT));
      PolicyNetwork.Output out = net.forward(x, rows);
      assertClose(
          out.mean(), Nd4j.toFlattened('c', ref[0]).toFloatVector(), "mean at batch " + rows);
      assertClose(
          out.value(), Nd4j.toFlattened('c', ref[1]).toFloatVector(), "value at batch " + rows);
    }
  }

  @ParameterizedTest(name = "{0} -> {3} x {2} -> {1}, frozen {4}")
  @MethodSource("shapes")
  void gradientEqualsDl4j(int obs, int act, int hidden, int layers, int frozen) {
    PolicyNetwork net = randomNetwork(obs, act, hidden, layers, frozen, 23);
    ComputationGraph graph = net.toGraph();
    SplittableRandom r = new SplittableRandom(9);
    for (int rows : new int[] {1, 512}) {
      float[] x = gaussian(rows * obs, r, 1.5);
      float[] dMean = gaussian(rows * act, r, 1.0 / rows);
      float[] dValue = gaussian(rows, r, 1.0 / rows);
      INDArray in = Nd4j.create(x, new long[] {rows, obs}, DataType.FLOAT);
      graph.setInputs(in);
      graph.feedForward(new INDArray[] {in}, true, false);
      Gradient g =
          graph.backpropGradient(
              Nd4j.create(dMean, new long[] {rows, act}, DataType.FLOAT),
              Nd4j.create(dValue, new long[] {rows, 1}, DataType.FLOAT));
      float[] expected = g.gradient().toFloatVector();
      graph.clearLayersStates();
      float[] actual =
          net.gradient(
                  x,
                  rows,
                  (mean, value, dm, dv) -> {
                    System.arraycopy(dMean, 0, dm, 0, dm.length);
                    System.arraycopy(dValue, 0, dv, 0, dv.length);
                  })
              .clone();
      // a frozen layer gets no gradient; the others exactly DL4J's
      boolean[] trainable = net.trainable();
      for (int k = 0; k < expected.length; k++) {
        if (!trainable[k]) {
          assertThat(actual[k]).as("frozen weight %d", k).isZero();
          expected[k] = 0;
        }
      }
      assertClose(actual, expected, "gradient at batch " + rows);
    }
  }

  /**
   * For L = sum(dMean * mean) + sum(dValue * value) with fixed dMean and dValue, dL/dw against
   * central finite differences of the forward pass.
   */
  @ParameterizedTest(name = "{0} -> {3} x {2} -> {1}, frozen {4}")
  @MethodSource("shapes")
  void theActorAloneGivesTheSameBitsAsTheWholeNetwork(
      int obs, int act, int hidden, int layers, int frozen) {
    PolicyNetwork net = randomNetwork(obs, act, hidden, layers, frozen, 31);
    SplittableRandom r = new SplittableRandom(5);
    for (int rows : new int[] {1, 300}) {
      float[] x = gaussian(rows * obs, r, 1.5);
      float[] dMean = gaussian(rows * act, r, 1.0 / rows);
      assertThat(net.mean(x, rows)).isEqualTo(net.forward(x, rows).mean());
      float[] whole =
          net.gradient(
                  x, rows, (mean, value, dm, dv) -> System.arraycopy(dMean, 0, dm, 0, dm.length))
              .clone();
      float[] actor =
          net.meanGradient(x, rows, (mean, dm) -> System.arraycopy(dMean, 0, dm, 0, dm.length))
              .clone();
      assertThat(actor).isEqualTo(whole);
      double sq = 0;
      for (float g : whole) {
        sq += g * g;
      }
      assertThat(sq).as("a gradient to compare").isPositive();
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Architecture arch = new Architecture(5, 2, 8, 2);
    PolicyNetwork net = new PolicyNetwork(arch, 7);
    SplittableRandom r = new SplittableRandom(3);
    int rows = 4;
    float[] obs = gaussian(rows * 5, r, 1);
    float[] dMean = gaussian(rows * 2, r, 1);
    float[] dValue = gaussian(rows, r, 1);
    float[] grad =
        net.gradient(
                obs,
                rows,
                (mean, value, dm, dv) -> {
                  System.arraycopy(dMean, 0, dm, 0, dm.length);
                  System.arraycopy(dValue, 0, dv, 0, dv.length);
                })
            .clone();
    float[] params = net.params();
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
      assertThat((double) grad[k])
          .as("dL/dw[%d]", k)
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
  void sameInputsGiveTheSameBitsAndBatchRowsAreIndependent() {
    PolicyNetwork net = randomNetwork(12, 2, 64, 2, 0, 3);
    SplittableRandom r = new SplittableRandom(4);
    float[] x = gaussian(64 * 12, r, 1);
    PolicyNetwork.Output all = net.forward(x, 64);
    assertThat(net.copy().forward(x, 64).mean()).containsExactly(all.mean());
    // row 9 alone gives the bits it gets inside the batch
    float[] row = Arrays.copyOfRange(x, 9 * 12, 10 * 12);
    assertThat(net.forward(row, 1).mean()).containsExactly(Arrays.copyOfRange(all.mean(), 18, 20));
  }

  @Test
  void sameSeedGivesTheSameWeightsAndOutputs() {
    Architecture arch = new Architecture(6, 2, 16, 2);
    PolicyNetwork a = new PolicyNetwork(arch, 11);
    PolicyNetwork b = new PolicyNetwork(arch, 11);
    assertThat(b.params()).isEqualTo(a.params());
    assertThat(a.numParams()).isEqualTo(PolicyNetwork.numParams(arch));
    float[] x = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
    assertThat(b.forward(x, 1).mean()).isEqualTo(a.forward(x, 1).mean());
    assertThat(new PolicyNetwork(arch, 12).params()).isNotEqualTo(a.params());
  }

  @Test
  void refusesWeightsOfAnotherShapeAndShortInputs() {
    Architecture arch = new Architecture(6, 2, 16, 2);
    assertThatThrownBy(() -> new PolicyNetwork(arch, new float[10], 0))
        .hasMessageContaining("parameters");
    assertThatThrownBy(() -> new PolicyNetwork(arch, 1).forward(new float[6], 2))
        .hasMessageContaining("2 rows");
    assertThatThrownBy(() -> new PolicyNetwork(arch, 1).transfer(3, false, 1))
        .hasMessageContaining("3 layers");
  }

  /** The params of one layer, by the parameter order of {@link PolicyNetwork#params()}. */
  private static float[] slice(float[] p, int from, int to) {
    return Arrays.copyOfRange(p, from, to);
  }

  /**
   * DL4J's transfer learning: a full fine-tune keeps every weight; a frozen trunk is marked
   * untrainable; a new head starts afresh (transfer itself refuses a graph whose parameter order
   * changed).
   */
  @Test
  void transferLearningFreezesTheTrunkAndCanReplaceTheHead() {
    Architecture arch = new Architecture(5, 2, 8, 2);
    PolicyNetwork base = new PolicyNetwork(arch, 7);
    float[] before = base.params();
    PolicyNetwork full = base.transfer(0, false, 1);
    assertThat(full.params()).containsExactly(before);
    assertThat(full.frozenLayers()).isZero();

    PolicyNetwork frozen = base.transfer(1, false, 1);
    assertThat(frozen.params()).containsExactly(before);
    assertThat(frozen.frozenLayers()).isEqualTo(1);
    // parameter order: the actor's first hidden layer (W 5x8, b 8) comes first
    int firstLayer = 5 * 8 + 8;
    boolean[] trainable = frozen.trainable();
    for (int k = 0; k < firstLayer; k++) {
      assertThat(trainable[k]).as("weight %d of the frozen first layer", k).isFalse();
    }
    int frozenCount = 0;
    for (boolean t : trainable) {
      frozenCount += t ? 0 : 1;
    }
    assertThat(frozenCount)
        .as("the first layer of the actor and of the critic")
        .isEqualTo(2 * firstLayer);

    PolicyNetwork head = base.transfer(2, true, 1);
    float[] fresh = head.params();
    assertThat(fresh).hasSameSizeAs(before);
    assertThat(fresh).isNotEqualTo(before);
    assertThat(slice(fresh, 0, firstLayer)).containsExactly(slice(before, 0, firstLayer));
    // a fine-tune of a fine-tune: freezing nothing makes every layer trainable again
    boolean[] again = frozen.transfer(0, false, 1).trainable();
    for (boolean t : again) {
      assertThat(t).isTrue();
    }
  }
}
