package dev.ugoki.core.policy;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The network of a Gaussian policy: the actor (input to action mean) and the critic (input to
 * value) side by side on one input, each {@code layers} hidden tanh layers and a linear output.
 *
 * <p>DL4J defines it: the {@link ComputationGraph} ({@link #toGraph()}) gives the seeded initial
 * weights, the flat parameter layout that policy files store, and transfer learning (frozen layers,
 * a new head). The arithmetic runs in plain Java ({@link ActorCriticMlp}) on the same flat
 * parameters, checked against DL4J's outputs and gradients ({@code PolicyNetworkTest}): DL4J's cost
 * per call, not per row, was most of a training run's time.
 *
 * <p>Holds weights only: the optimizer that trains them belongs to the learner ({@code
 * dev.ugoki.core.learner.Learner}). Not thread-safe (scratch arrays for the batch): give each
 * thread its own {@link #copy()}.
 */
public final class PolicyNetwork {
  private final Architecture arch;
  private final float[] params;
  private final int frozenLayers;
  private final ActorCriticMlp mlp;
  private float[] grad;

  /** A new network with DL4J's seeded initial weights. */
  public PolicyNetwork(Architecture arch, long seed) {
    this(arch, NetworkGraph.build(arch, seed).params().toFloatVector(), 0);
  }

  /**
   * A network with the given weights in DL4J's flat order, the first {@code frozenLayers} hidden
   * layers of each head frozen (they get no gradient).
   */
  public PolicyNetwork(Architecture arch, float[] params, int frozenLayers) {
    checkFreeze(arch, frozenLayers);
    ActorCriticMlp.Layout layout = NetworkGraph.layout(arch);
    if (params.length != layout.numParams()) {
      throw new IllegalArgumentException(
          "the network has " + layout.numParams() + " parameters, the file holds " + params.length);
    }
    this.arch = arch;
    this.params = params.clone();
    this.frozenLayers = frozenLayers;
    this.mlp = new ActorCriticMlp(layout);
    mlp.load(this.params);
  }

  /** The number of weights of a network of this shape, without building one. */
  public static long numParams(Architecture a) {
    return NetworkGraph.numParams(a);
  }

  /**
   * How the arithmetic runs here: SIMD with the vector width, or plain loops when the JVM was
   * started without {@code --add-modules jdk.incubator.vector}.
   */
  public static String simd() {
    return Kernels.SIMD
        ? "Vector API, " + SimdKernels.lanes() + " float lanes"
        : "off (plain loops: start the JVM with --add-modules jdk.incubator.vector)";
  }

  /** DL4J's graph with these weights: the reference the plain-Java arithmetic is checked on. */
  public ComputationGraph toGraph() {
    ComputationGraph graph = NetworkGraph.build(arch, 0);
    graph.setParams(Nd4j.create(params, new long[] {1, params.length}, DataType.FLOAT));
    return graph;
  }

  public Architecture architecture() {
    return arch;
  }

  /** The action means and values of a batch. */
  public record Output(float[] mean, float[] value) {}

  /** Forward pass for {@code rows} standardized observations, row after row. */
  public Output forward(float[] obs, int rows) {
    check(obs, rows);
    mlp.forward(obs, rows);
    return new Output(
        Arrays.copyOf(mlp.mean(), rows * arch.actSize()), Arrays.copyOf(mlp.value(), rows));
  }

  /** The action means of a batch, without the critic (the same bits as {@link #forward}'s). */
  public float[] mean(float[] obs, int rows) {
    check(obs, rows);
    mlp.forwardActor(obs, rows);
    return Arrays.copyOf(mlp.mean(), rows * arch.actSize());
  }

  /** Fills the loss gradient with respect to the outputs of a forward pass. */
  @FunctionalInterface
  public interface OutputGradient {
    /**
     * @param mean the actor's outputs, rows x act
     * @param value the critic's outputs, rows
     * @param dMean to fill: dLoss/dMean
     * @param dValue to fill: dLoss/dValue
     */
    void fill(float[] mean, float[] value, float[] dMean, float[] dValue);
  }

  /**
   * A forward pass, the caller's loss gradient with respect to both outputs, and back-propagation:
   * dLoss/dParams in the order of {@link #params()} (zero for frozen layers), in an array this
   * network reuses on its next call.
   */
  public float[] gradient(float[] obs, int rows, OutputGradient loss) {
    check(obs, rows);
    mlp.forward(obs, rows);
    float[] mean = Arrays.copyOf(mlp.mean(), rows * arch.actSize());
    float[] value = Arrays.copyOf(mlp.value(), rows);
    float[] dMean = new float[mean.length];
    float[] dValue = new float[value.length];
    loss.fill(mean, value, dMean, dValue);
    if (grad == null) {
      grad = new float[params.length];
    }
    mlp.backward(obs, rows, dMean, dValue, frozenLayers, grad);
    return grad;
  }

  /** Fills the loss gradient with respect to the actor's outputs. */
  @FunctionalInterface
  public interface MeanGradient {
    /**
     * @param mean the actor's outputs, rows x act
     * @param dMean to fill: dLoss/dMean
     */
    void fill(float[] mean, float[] dMean);
  }

  /**
   * {@link #gradient} for a loss of the actor's outputs alone (cloning): the critic is neither run
   * nor moved, and its gradient is zero. The same bits as {@link #gradient} with dLoss/dValue zero,
   * at half the cost.
   */
  public float[] meanGradient(float[] obs, int rows, MeanGradient loss) {
    check(obs, rows);
    mlp.forwardActor(obs, rows);
    float[] mean = Arrays.copyOf(mlp.mean(), rows * arch.actSize());
    float[] dMean = new float[mean.length];
    loss.fill(mean, dMean);
    if (grad == null) {
      grad = new float[params.length];
    }
    mlp.backwardActor(obs, rows, dMean, frozenLayers, grad);
    return grad;
  }

  private void check(float[] obs, int rows) {
    if (rows < 1 || (long) rows * arch.obsSize() > obs.length) {
      throw new IllegalArgumentException(
          rows
              + " rows of "
              + arch.obsSize()
              + " observations do not fit an array of "
              + obs.length);
    }
  }

  /** All weights, flattened in DL4J's parameter order (a copy). */
  public float[] params() {
    return params.clone();
  }

  /** Replaces every weight. */
  public void setParams(float[] p) {
    if (p.length != params.length) {
      throw new IllegalArgumentException(
          "the network has " + params.length + " parameters, the file holds " + p.length);
    }
    System.arraycopy(p, 0, params, 0, p.length);
    mlp.load(params);
  }

  /** {@code params -= step}, the learner's update, element by element. */
  public void subtract(float[] step) {
    for (int k = 0; k < params.length; k++) {
      params[k] -= step[k];
    }
    mlp.load(params);
  }

  /**
   * One dense layer of a head: {@code weights} row-major, {@code nIn x nOut} (the weight from input
   * {@code i} to unit {@code j} at {@code i * nOut + j}), then {@code bias}, then tanh or none.
   */
  public record Dense(int nIn, int nOut, float[] weights, float[] bias, boolean tanh) {}

  /** The actor's layers, input to output (copies): what an exported model computes. */
  public java.util.List<Dense> actorLayers() {
    return layers(mlp.layout().actor());
  }

  /** The critic's layers, input to output (copies). */
  public java.util.List<Dense> criticLayers() {
    return layers(mlp.layout().critic());
  }

  private java.util.List<Dense> layers(ActorCriticMlp.Dense[] head) {
    java.util.List<Dense> out = new java.util.ArrayList<>(head.length);
    for (ActorCriticMlp.Dense d : head) {
      float[] w = new float[d.nIn() * d.nOut()];
      for (int j = 0; j < d.nOut(); j++) {
        for (int i = 0; i < d.nIn(); i++) {
          w[i * d.nOut() + j] = params[d.wOffset() + j * d.nIn() + i];
        }
      }
      float[] b = Arrays.copyOfRange(params, d.bOffset(), d.bOffset() + d.nOut());
      out.add(new Dense(d.nIn(), d.nOut(), w, b, d.tanh()));
    }
    return out;
  }

  public int numParams() {
    return params.length;
  }

  /**
   * A network for fine-tuning, made from this one with DL4J's transfer-learning API: the first
   * {@code frozenLayers} hidden layers of both the actor and the critic become a frozen feature
   * extractor (their weights never change again), and with {@code newHead} the actor's and the
   * critic's output layers start again from fresh weights (a new head on a pretrained trunk), drawn
   * from {@code seed}. With 0 and false it is a full fine-tune: every weight kept.
   */
  public PolicyNetwork transfer(int frozenLayers, boolean newHead, long seed) {
    checkFreeze(arch, frozenLayers);
    // from a plain graph with these weights: the builder would keep the frozen vertices of a
    // network that is itself a fine-tune, whatever frozenLayers asks for
    FineTuneConfiguration ft =
        new FineTuneConfiguration.Builder().updater(new NoOp()).seed(seed).build();
    TransferLearning.GraphBuilder b =
        new TransferLearning.GraphBuilder(toGraph()).fineTuneConfiguration(ft);
    if (frozenLayers > 0) {
      b.setFeatureExtractor(
          NetworkGraph.MEAN + "_h" + (frozenLayers - 1),
          NetworkGraph.VALUE + "_h" + (frozenLayers - 1));
    }
    if (newHead) {
      b.nOutReplace(
          NetworkGraph.MEAN,
          arch.actSize(),
          new NormalDistribution(0, 0.01 / Math.sqrt(arch.hidden())));
      b.nOutReplace(
          NetworkGraph.VALUE, 1, new NormalDistribution(0, 1.0 / Math.sqrt(arch.hidden())));
    }
    ComputationGraph built = b.build();
    // the transferred graph must keep the plain graph's parameter order, as it does today
    // (DL4J re-adds replaced output layers; a change there would scramble the weights)
    ActorCriticMlp.Layout expected = NetworkGraph.layout(arch);
    ActorCriticMlp.Layout got = NetworkGraph.readLayout(built, arch);
    if (!Arrays.equals(expected.actor(), got.actor())
        || !Arrays.equals(expected.critic(), got.critic())) {
      throw new IllegalStateException("DL4J's transfer learning reordered the parameters");
    }
    return new PolicyNetwork(arch, built.params().toFloatVector(), frozenLayers);
  }

  /** For each weight in the order of {@link #params()}: whether training may change it. */
  public boolean[] trainable() {
    boolean[] t = new boolean[params.length];
    ActorCriticMlp.Layout layout = mlp.layout();
    for (ActorCriticMlp.Dense[] head :
        new ActorCriticMlp.Dense[][] {layout.actor(), layout.critic()}) {
      for (int l = frozenLayers; l < head.length; l++) {
        ActorCriticMlp.Dense d = head[l];
        Arrays.fill(t, d.wOffset(), d.wOffset() + d.nIn() * d.nOut(), true);
        Arrays.fill(t, d.bOffset(), d.bOffset() + d.nOut(), true);
      }
    }
    return t;
  }

  /** Hidden layers (of the actor and of the critic each) whose weights are frozen. */
  public int frozenLayers() {
    return frozenLayers;
  }

  /** An independent network with the same weights (for another thread or a frozen view). */
  public PolicyNetwork copy() {
    return new PolicyNetwork(arch, params, frozenLayers);
  }

  @Override
  public String toString() {
    return "PolicyNetwork" + arch + " params=" + numParams() + " frozen=" + frozenLayers;
  }

  private static void checkFreeze(Architecture arch, int frozenLayers) {
    if (frozenLayers < 0 || frozenLayers > arch.layers()) {
      throw new IllegalArgumentException(
          "cannot freeze "
              + frozenLayers
              + " layers of a network with "
              + arch.layers()
              + " hidden layers");
    }
  }
}
