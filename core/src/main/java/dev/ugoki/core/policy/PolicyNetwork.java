package dev.ugoki.core.policy;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The DL4J network of a Gaussian policy: one {@link ComputationGraph} holding the actor (input to
 * action mean) and the critic (input to value) side by side, so that a single call computes both
 * for a whole batch of environments (DL4J's cost per call is far larger than its cost per row).
 *
 * <p>Training uses DL4J's external-errors path: the caller computes the loss gradient with respect
 * to both outputs (the PPO or cloning loss lives in plain Java, where it can be read and tested),
 * {@link #applyGradient} back-propagates it, clips the global gradient norm and lets the graph's
 * Adam updater apply it.
 *
 * <p>Not thread-safe, as DL4J's networks are not: give each thread its own {@link #copy()}.
 */
public final class PolicyNetwork {
  static final String INPUT = "obs";
  static final String MEAN = "mean";
  static final String VALUE = "value";

  private final Architecture arch;
  private final ComputationGraph graph;
  private int iteration;
  private int frozenLayers;

  /** A new network with seeded initial weights and Adam at the given base learning rate. */
  public PolicyNetwork(Architecture arch, long seed, double learningRate) {
    this(arch, build(arch, seed, learningRate));
  }

  private PolicyNetwork(Architecture arch, ComputationGraph graph) {
    this.arch = arch;
    this.graph = graph;
  }

  private static ComputationGraph build(Architecture a, long seed, double learningRate) {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(learningRate, 0.9, 0.999, 1e-5))
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.feedForward(a.obsSize()));
    for (String head : new String[] {MEAN, VALUE}) {
      String previous = INPUT;
      for (int l = 0; l < a.layers(); l++) {
        String name = head + "_h" + l;
        g.addLayer(name, new DenseLayer.Builder().nOut(a.hidden()).activation(Activation.TANH)
            .build(), previous);
        previous = name;
      }
      // The actor's last layer starts near zero, so the first actions are near the mean of the
      // action box and exploration comes from the Gaussian (CleanRL initializes it with std 0.01).
      double std = head.equals(MEAN) ? 0.01 : 1.0;
      g.addLayer(head, new DenseLayer.Builder().nOut(head.equals(MEAN) ? a.actSize() : 1)
          .activation(Activation.IDENTITY).weightInit(new NormalDistribution(0, std / Math.sqrt(a.hidden())))
          .build(), previous);
    }
    ComputationGraph graph = new ComputationGraph(g.setOutputs(MEAN, VALUE).build());
    graph.init();
    return graph;
  }

  public Architecture architecture() {
    return arch;
  }

  /** The action means and values of a batch. */
  public record Output(float[] mean, float[] value) {}

  /** Forward pass, inference mode, for {@code rows} standardized observations. */
  public Output forward(float[] obs, int rows) {
    INDArray x = Nd4j.create(obs, new long[] {rows, arch.obsSize()}, DataType.FLOAT);
    INDArray[] out = graph.output(false, x);
    return new Output(flat(out[0]), flat(out[1]));
  }

  /** Fills the loss gradient with respect to the outputs of a training forward pass. */
  @FunctionalInterface
  public interface OutputGradient {
    /**
     * @param mean the actor's outputs, rows x act
     * @param value the critic's outputs, rows
     * @param dMean to fill: dLoss/dMean
     * @param dValue to fill: dLoss/dValue
     * @return the squared norm of gradients kept outside the graph (e.g. the log standard
     *     deviation's), so that the global norm clip covers them too
     */
    double fill(float[] mean, float[] value, float[] dMean, float[] dValue);
  }

  /**
   * One training step: a forward pass in training mode, the caller's loss gradient with respect to
   * both outputs, back-propagation, a global gradient-norm clip to {@code maxGradNorm}, and one
   * Adam step scaled by {@code lrScale} (Adam's step is proportional to its learning rate, so
   * scaling the step is a learning-rate schedule without DL4J's costly {@code setLearningRate}).
   *
   * @return the gradient norm before clipping and the factor the gradients were scaled by
   */
  public Step trainStep(float[] obs, int rows, OutputGradient loss, double maxGradNorm,
      double lrScale) {
    INDArray x = Nd4j.create(obs, new long[] {rows, arch.obsSize()}, DataType.FLOAT);
    graph.setInputs(x);
    java.util.Map<String, INDArray> act = graph.feedForward(new INDArray[] {x}, true, false);
    float[] mean = flat(act.get(MEAN));
    float[] value = flat(act.get(VALUE));
    float[] dMean = new float[mean.length];
    float[] dValue = new float[value.length];
    double extraGradSquared = loss.fill(mean, value, dMean, dValue);
    Gradient gradient = graph.backpropGradient(
        Nd4j.create(dMean, new long[] {rows, arch.actSize()}, DataType.FLOAT),
        Nd4j.create(dValue, new long[] {rows, 1}, DataType.FLOAT));
    INDArray flat = gradient.gradient();
    double graphNorm = flat.norm2Number().doubleValue();
    double norm = Math.sqrt(graphNorm * graphNorm + extraGradSquared);
    double scale = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / norm : 1;
    if (scale != 1) {
      flat.muli(scale);
    }
    // batch size 1: the loss gradient already averages over the minibatch
    graph.getUpdater().update(gradient, iteration++, 0, 1, LayerWorkspaceMgr.noWorkspaces());
    if (lrScale != 1) {
      flat.muli(lrScale);
    }
    graph.params().subi(flat);
    graph.clearLayersStates();
    return new Step(norm, scale);
  }

  /** What a training step did to the gradient. */
  public record Step(double gradNorm, double clipScale) {}

  /** The gradient of a loss with respect to every weight, without changing them (for tests). */
  public float[] gradient(float[] obs, int rows, float[] dMean, float[] dValue) {
    INDArray x = Nd4j.create(obs, new long[] {rows, arch.obsSize()}, DataType.FLOAT);
    graph.setInputs(x);
    graph.feedForward(new INDArray[] {x}, true, false);
    Gradient gradient = graph.backpropGradient(
        Nd4j.create(dMean, new long[] {rows, arch.actSize()}, DataType.FLOAT),
        Nd4j.create(dValue, new long[] {rows, 1}, DataType.FLOAT));
    float[] g = gradient.gradient().toFloatVector();
    graph.clearLayersStates();
    return g;
  }

  private static float[] flat(INDArray a) {
    return Nd4j.toFlattened('c', a).toFloatVector();
  }

  /** All weights, flattened in DL4J's parameter order. */
  public float[] params() {
    return graph.params().toFloatVector();
  }

  public void setParams(float[] params) {
    if (params.length != graph.numParams()) {
      throw new IllegalArgumentException("the network has " + graph.numParams()
          + " parameters, the file holds " + params.length);
    }
    graph.setParams(Nd4j.create(params, new long[] {1, params.length}, DataType.FLOAT));
  }

  public int numParams() {
    return (int) graph.numParams();
  }

  /** Adam's moment estimates, flattened (empty before the first update). */
  public float[] updaterState() {
    INDArray state = graph.getUpdater().getStateViewArray();
    return state == null ? new float[0] : state.toFloatVector();
  }

  public void setUpdaterState(float[] state) {
    INDArray view = graph.getUpdater().getStateViewArray();
    if (view == null || view.length() != state.length) {
      throw new IllegalArgumentException("optimizer state has " + state.length
          + " values, the network expects " + (view == null ? 0 : view.length()));
    }
    view.assign(Nd4j.create(state, new long[] {1, state.length}, DataType.FLOAT));
  }

  public int iteration() {
    return iteration;
  }

  public void setIteration(int iteration) {
    this.iteration = iteration;
  }

  /**
   * A network for fine-tuning, made from this one with DL4J's transfer-learning API: the first
   * {@code frozenLayers} hidden layers of both the actor and the critic become a frozen feature
   * extractor (their weights never change again), and with {@code newHead} the actor's and the
   * critic's output layers start again from fresh weights (a new head on a pretrained trunk).
   * With 0 and false it is a full fine-tune: every weight kept, and trained. Adam starts afresh
   * at {@code learningRate}.
   */
  public PolicyNetwork transfer(int frozenLayers, boolean newHead, double learningRate,
      long seed) {
    if (frozenLayers < 0 || frozenLayers > arch.layers()) {
      throw new IllegalArgumentException("cannot freeze " + frozenLayers + " layers of a network "
          + "with " + arch.layers() + " hidden layers");
    }
    // from a plain graph with these weights: the builder would keep the frozen vertices of a
    // network that is itself a fine-tune, whatever frozenLayers asks for
    PolicyNetwork plain = new PolicyNetwork(arch, seed, learningRate);
    plain.setParams(params());
    FineTuneConfiguration ft = new FineTuneConfiguration.Builder()
        .updater(new Adam(learningRate, 0.9, 0.999, 1e-5)).seed(seed).build();
    TransferLearning.GraphBuilder b = new TransferLearning.GraphBuilder(plain.graph)
        .fineTuneConfiguration(ft);
    if (frozenLayers > 0) {
      b.setFeatureExtractor(MEAN + "_h" + (frozenLayers - 1), VALUE + "_h" + (frozenLayers - 1));
    }
    if (newHead) {
      b.nOutReplace(MEAN, arch.actSize(), new NormalDistribution(0, 0.01 / Math.sqrt(arch.hidden())));
      b.nOutReplace(VALUE, 1, new NormalDistribution(0, 1.0 / Math.sqrt(arch.hidden())));
    }
    PolicyNetwork t = new PolicyNetwork(arch, b.build());
    t.frozenLayers = frozenLayers;
    return t;
  }

  /** Hidden layers (of the actor and of the critic each) whose weights are frozen. */
  public int frozenLayers() {
    return frozenLayers;
  }

  /** An independent network with the same weights (for another thread or a frozen view). */
  public PolicyNetwork copy() {
    PolicyNetwork c = new PolicyNetwork(arch, graph.clone());
    c.iteration = iteration;
    c.frozenLayers = frozenLayers;
    return c;
  }

  @Override
  public String toString() {
    return "PolicyNetwork" + arch + " params=" + numParams() + " "
        + Arrays.toString(graph.getConfiguration().getNetworkOutputs().toArray());
  }
}
