package dev.ugoki.core.policy;

import java.util.Arrays;

/**
 * The arithmetic of a {@link PolicyNetwork} in plain Java: forward and backward passes of the actor
 * and the critic over a batch, on the weights in DL4J's own flat parameter layout (the {@link
 * Layout} read off the DL4J graph), so that files, transfer learning and DL4J's outputs stay the
 * reference. Why not DL4J itself: for networks this small its cost is per call, not per row (native
 * op dispatch and a buffer allocation per op, measured at about 97% of a training run's time),
 * while the arithmetic is a few tens of kFLOP per row.
 *
 * <p>Every product is one {@link Kernels#matmul} (SIMD through the Vector API): the forward pass on
 * a row-major copy of each layer's weights, the input gradient on DL4J's column-major weights as
 * they are (they are W transposed, row-major), and the weight gradient written straight into DL4J's
 * layout. Sums run in a fixed order: the same inputs give the same bits.
 *
 * <p>Holds scratch arrays for the largest batch seen: not thread-safe, one instance per thread.
 */
final class ActorCriticMlp {
  /** Where one dense layer's weights and bias sit in the flat parameter vector. */
  record Dense(int nIn, int nOut, int wOffset, int bOffset, boolean tanh) {}

  /**
   * The two heads' layers, input to output: {@code actor[l]} and {@code critic[l]}; the last of
   * each is the linear output layer.
   */
  record Layout(Dense[] actor, Dense[] critic, int numParams) {
    int depth() {
      return actor.length;
    }
  }

  private final Layout layout;
  private final Head actor;
  private final Head critic;
  private int capacity;

  ActorCriticMlp(Layout layout) {
    this.layout = layout;
    this.actor = new Head(layout.actor());
    this.critic = new Head(layout.critic());
  }

  Layout layout() {
    return layout;
  }

  /** Copies the weights into the row-major working layout; call after every change of params. */
  void load(float[] params) {
    actor.load(params);
    critic.load(params);
  }

  /**
   * Forward pass of {@code rows} inputs (row-major); the outputs stay readable through {@link
   * #mean()} and {@link #value()} until the next call.
   */
  void forward(float[] x, int rows) {
    ensure(rows);
    actor.forward(x, rows);
    critic.forward(x, rows);
  }

  /**
   * Forward pass of the actor alone, for callers that need no value (acting, cloning): the actor's
   * outputs are the same bits as {@link #forward}'s, at half the cost; {@link #value()} is stale.
   */
  void forwardActor(float[] x, int rows) {
    ensure(rows);
    actor.forward(x, rows);
  }

  /** The actor's outputs of the last forward pass, {@code rows x act} (a live scratch array). */
  float[] mean() {
    return actor.out();
  }

  /** The critic's outputs of the last forward pass, {@code rows} (a live scratch array). */
  float[] value() {
    return critic.out();
  }

  /**
   * Back-propagates dLoss/dMean and dLoss/dValue through the last forward pass (same inputs, same
   * rows) and writes dLoss/dParams into {@code grad} in DL4J's layout; the first {@code
   * frozenLayers} hidden layers of each head get no gradient (they are fixed).
   */
  void backward(
      float[] x, int rows, float[] dMean, float[] dValue, int frozenLayers, float[] grad) {
    Arrays.fill(grad, 0);
    actor.backward(x, rows, dMean, frozenLayers, grad);
    critic.backward(x, rows, dValue, frozenLayers, grad);
  }

  /**
   * Back-propagates dLoss/dMean through the last forward pass of the actor: as {@link #backward}
   * with dLoss/dValue zero, whose critic gradient is all zeros, the same bits without computing
   * them.
   */
  void backwardActor(float[] x, int rows, float[] dMean, int frozenLayers, float[] grad) {
    Arrays.fill(grad, 0);
    actor.backward(x, rows, dMean, frozenLayers, grad);
  }

  private void ensure(int rows) {
    if (rows > capacity) {
      capacity = Math.max(rows, capacity * 2);
      actor.allocate(capacity);
      critic.allocate(capacity);
    }
  }

  /** One multilayer perceptron: its layers, their row-major weights and their activations. */
  private static final class Head {
    private final Dense[] layers;

    /** W[i][j] at {@code i * nOut + j}: the forward pass reads a row of W per input unit. */
    private final float[][] rowMajor;

    /** W[i][j] at {@code j * nIn + i} (DL4J's order): back-propagation reads a column per unit. */
    private final float[][] columnMajor;

    private final float[][] bias;
    private final float[][] act;
    private float[] delta;
    private float[] deltaBelow;
    private final float[] dW;

    Head(Dense[] layers) {
      this.layers = layers;
      this.rowMajor = new float[layers.length][];
      this.columnMajor = new float[layers.length][];
      this.bias = new float[layers.length][];
      this.act = new float[layers.length][];
      for (int l = 0; l < layers.length; l++) {
        rowMajor[l] = new float[layers[l].nIn() * layers[l].nOut()];
        columnMajor[l] = new float[layers[l].nIn() * layers[l].nOut()];
        bias[l] = new float[layers[l].nOut()];
        act[l] = new float[0];
      }
      delta = new float[0];
      deltaBelow = new float[0];
      int largest = 0;
      for (Dense d : layers) {
        largest = Math.max(largest, d.nIn() * d.nOut());
      }
      dW = new float[largest];
    }

    /**
     * dW = in^T delta into DL4J's column-major layout. Computed as W^T straight into the layout
     * when its rows (nIn long) suit the vector width better, else row-major and transposed: each
     * value is the same fused multiply-add chain over the rows either way, so the same bits.
     */
    private void weightGradient(Dense d, float[] in, int rows, float[] grad) {
      int nIn = d.nIn();
      int nOut = d.nOut();
      if ((long) Kernels.vectorCovered(nOut) * nIn <= (long) Kernels.vectorCovered(nIn) * nOut) {
        // row j of W^T is column j of W: delta^T in
        Kernels.matmul(delta, 0, 1, nOut, in, 0, nIn, rows, null, grad, d.wOffset(), nOut);
        return;
      }
      Kernels.matmul(in, 0, 1, nIn, delta, 0, nOut, rows, null, dW, 0, nIn);
      int w = d.wOffset();
      for (int i = 0; i < nIn; i++) {
        for (int j = 0; j < nOut; j++) {
          grad[w + j * nIn + i] = dW[i * nOut + j];
        }
      }
    }

    void allocate(int rows) {
      int widest = 0;
      for (int l = 0; l < layers.length; l++) {
        act[l] = new float[rows * layers[l].nOut()];
        widest = Math.max(widest, Math.max(layers[l].nIn(), layers[l].nOut()));
      }
      delta = new float[rows * widest];
      deltaBelow = new float[rows * widest];
    }

    float[] out() {
      return act[layers.length - 1];
    }

    void load(float[] params) {
      for (int l = 0; l < layers.length; l++) {
        Dense d = layers[l];
        float[] w = rowMajor[l];
        System.arraycopy(params, d.wOffset(), columnMajor[l], 0, w.length);
        System.arraycopy(params, d.bOffset(), bias[l], 0, d.nOut());
        for (int j = 0; j < d.nOut(); j++) {
          int col = d.wOffset() + j * d.nIn();
          for (int i = 0; i < d.nIn(); i++) {
            w[i * d.nOut() + j] = params[col + i];
          }
        }
      }
    }

    void forward(float[] x, int rows) {
      float[] in = x;
      for (int l = 0; l < layers.length; l++) {
        Dense d = layers[l];
        // out = in W + b
        Kernels.matmul(
            in, 0, d.nIn(), 1, rowMajor[l], 0, d.nOut(), d.nIn(), bias[l], act[l], 0, rows);
        if (d.tanh()) {
          Kernels.tanh(act[l], rows * d.nOut());
        }
        in = act[l];
      }
    }

    void backward(float[] x, int rows, float[] dOut, int frozen, float[] grad) {
      int top = layers.length - 1;
      // delta holds dLoss/d(pre-activation) of layer l, rows x nOut
      System.arraycopy(dOut, 0, delta, 0, rows * layers[top].nOut());
      for (int l = top; l >= frozen; l--) {
        Dense d = layers[l];
        int nIn = d.nIn();
        int nOut = d.nOut();
        if (d.tanh()) {
          Kernels.tanhBackward(delta, act[l], rows * nOut);
        }
        float[] in = l == 0 ? x : act[l - 1];
        weightGradient(d, in, rows, grad);
        Kernels.columnSums(delta, nOut, rows, grad, d.bOffset());
        if (l > frozen) {
          // dLoss/d(input of l) = delta W^T, with W^T row-major being DL4J's W
          Kernels.matmul(
              delta, 0, nOut, 1, columnMajor[l], 0, nIn, nOut, null, deltaBelow, 0, rows);
          float[] t = delta;
          delta = deltaBelow;
          deltaBelow = t;
        }
      }
    }
  }
}
