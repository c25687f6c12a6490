package dev.ugoki.core.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * DL4J's definition of a {@link PolicyNetwork}: the {@link ComputationGraph} of the actor and the
 * critic side by side (its seeded initial weights, its flat parameter order), and where each
 * layer's weights sit in that order ({@link ActorCriticMlp.Layout}), read off a graph once per
 * shape. The plain-Java arithmetic runs on that layout.
 */
final class NetworkGraph {
  static final String INPUT = "obs";
  static final String MEAN = "mean";
  static final String VALUE = "value";
  private static final Map<Architecture, ActorCriticMlp.Layout> LAYOUTS = new ConcurrentHashMap<>();

  private NetworkGraph() {}

  /** The number of weights of a network of this shape, without building one. */
  static long numParams(Architecture a) {
    long first = (long) a.obsSize() * a.hidden() + a.hidden();
    long inner = (long) (a.layers() - 1) * ((long) a.hidden() * a.hidden() + a.hidden());
    long actorOut = (long) a.hidden() * a.actSize() + a.actSize();
    long criticOut = a.hidden() + 1L;
    return 2 * (first + inner) + actorOut + criticOut;
  }

  static ComputationGraph build(Architecture a, long seed) {
    ComputationGraphConfiguration.GraphBuilder g =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.XAVIER)
            .updater(new NoOp())
            .graphBuilder()
            .addInputs(INPUT)
            .setInputTypes(InputType.feedForward(a.obsSize()));
    for (String head : new String[] {MEAN, VALUE}) {
      String previous = INPUT;
      for (int l = 0; l < a.layers(); l++) {
        String name = head + "_h" + l;
        g.addLayer(
            name,
            new DenseLayer.Builder().nOut(a.hidden()).activation(Activation.TANH).build(),
            previous);
        previous = name;
      }
      // The actor's last layer starts near zero, so the first actions are near the mean of the
      // action box and exploration comes from the Gaussian (CleanRL initializes it with std 0.01).
      double std = head.equals(MEAN) ? 0.01 : 1.0;
      g.addLayer(
          head,
          new DenseLayer.Builder()
              .nOut(head.equals(MEAN) ? a.actSize() : 1)
              .activation(Activation.IDENTITY)
              .weightInit(new NormalDistribution(0, std / Math.sqrt(a.hidden())))
              .build(),
          previous);
    }
    ComputationGraph graph = new ComputationGraph(g.setOutputs(MEAN, VALUE).build());
    graph.init();
    return graph;
  }

  /** Where each layer's weights sit in DL4J's flat parameters, read off a graph of this shape. */
  static ActorCriticMlp.Layout layout(Architecture a) {
    return LAYOUTS.computeIfAbsent(
        a,
        arch -> {
          if (numParams(arch) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                "a network of "
                    + arch.layers()
                    + " x "
                    + arch.hidden()
                    + " has too many parameters ("
                    + numParams(arch)
                    + ")");
          }
          return readLayout(build(arch, 0), arch);
        });
  }

  /** Where each layer's weights sit in a graph's flat parameters (its views' offsets). */
  static ActorCriticMlp.Layout readLayout(ComputationGraph graph, Architecture arch) {
    long base = graph.params().offset();
    ActorCriticMlp.Dense[][] heads = new ActorCriticMlp.Dense[2][arch.layers() + 1];
    String[] names = {MEAN, VALUE};
    for (int h = 0; h < 2; h++) {
      for (int l = 0; l <= arch.layers(); l++) {
        String name = l < arch.layers() ? names[h] + "_h" + l : names[h];
        Layer layer = graph.getLayer(name);
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        if (w.ordering() != 'f' && w.rows() > 1 && w.columns() > 1) {
          throw new IllegalStateException("DL4J's dense weights are no longer column-major");
        }
        heads[h][l] =
            new ActorCriticMlp.Dense(
                (int) w.rows(),
                (int) w.columns(),
                (int) (w.offset() - base),
                (int) (b.offset() - base),
                l < arch.layers());
      }
    }
    return new ActorCriticMlp.Layout(heads[0], heads[1], (int) graph.numParams());
  }
}
