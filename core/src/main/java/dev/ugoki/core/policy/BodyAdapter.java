package dev.ugoki.core.policy;

import dev.ugoki.sim.env.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RMA's adaptation module (Kumar et al., 2021) for a policy that was told its body: a network that
 * reads the recent past (the observations and actions of the last steps, {@code history.steps}, no
 * body channel among them) and estimates the body's latent, which the base policy then reads in
 * place of the body channels it was trained with.
 *
 * <p>The latent is the base policy's own: its actor's first layer sees the body channels {@code u}
 * as {@code M u} with {@code M = W_body D}, the weights from the body inputs times the input
 * standardization. The module is trained to match that latent, not the raw parameters (RMA found
 * the latent better): a parameter the policy ignores costs nothing to get wrong, one it leans on
 * costs much. In numbers: with {@code M^T M = L^T L} (Cholesky), the target is {@code z = L u},
 * whose squared error equals the latent's, {@code |z - z'|^2 = |M (u - u')|^2}; the estimate handed
 * to the base policy is {@code u' = L^-1 z'}, clipped into [-1, 1].
 *
 * <p>The module is a {@link GaussianPolicy} whose "actions" are the latent's channels (its mean
 * only; trained by regression), so that it is stored, normalized and run as every policy is.
 */
public final class BodyAdapter {
  /** The latent's channel names: {@code latent.0}, ... */
  public static final String LATENT = "latent.";

  private static final Pattern BODY = Pattern.compile("^(hist\\.\\d+\\.)?body\\..*");

  /** The furthest past step an adapter may read: {@code hist.MAX_LAG.*}. */
  public static final int MAX_LAG = 256;

  private static final Pattern HISTORY = Pattern.compile("^hist\\.([1-9][0-9]{0,2})\\..+");

  /** What the body sees around it, not of itself: left to the base policy. */
  private static final Pattern EXTEROCEPTION = Pattern.compile("^(hist\\.\\d+\\.)?lidar\\..*");

  private final GaussianPolicy network;
  private final List<String> bodyChannels;
  private final float[] decode;

  /** For a {@link #shared()} adapter: each thread's own copy of the network; else null. */
  private final ThreadLocal<GaussianPolicy> perThread;

  /**
   * @param network reads {@link #inputs} channels, writes the latent (one channel per body one)
   * @param bodyChannels the base policy's body channels, in the latent's order
   * @param decode {@code L^-1}, row-major, k x k
   */
  public BodyAdapter(GaussianPolicy network, List<String> bodyChannels, float[] decode) {
    int k = bodyChannels.size();
    if (k == 0 || network.actionSpec().size() != k || decode.length != k * k) {
      throw new IllegalArgumentException(
          "an adapter's latent has one channel per body channel: "
              + network.actionSpec().size()
              + " latent, "
              + k
              + " body channels, "
              + decode.length
              + " decoding weights");
    }
    for (String in : network.observationSpec().names()) {
      if (isBody(in)) {
        throw new IllegalArgumentException("an adapter may not read a body channel, got " + in);
      }
      if (in.startsWith("hist.") && (!HISTORY.matcher(in).matches() || lagOf(in) > MAX_LAG)) {
        throw new IllegalArgumentException("an adapter's channel " + in + " names no past step");
      }
    }
    if (network.observationSpec().names().stream().noneMatch(n -> n.startsWith("hist.1."))) {
      throw new IllegalArgumentException("an adapter reads a history: it has no hist.1 channel");
    }
    this.network = network;
    this.bodyChannels = List.copyOf(bodyChannels);
    this.decode = decode.clone();
    this.perThread = null;
  }

  private BodyAdapter(BodyAdapter frozen) {
    this.network = frozen.network.copy();
    this.bodyChannels = frozen.bodyChannels;
    this.decode = frozen.decode;
    GaussianPolicy snapshot = this.network;
    this.perThread = ThreadLocal.withInitial(snapshot::copy);
  }

  /**
   * This adapter frozen, for any number of environments on any threads at once: each thread
   * estimates with its own copy of the network, made on its first use, so that N environments in
   * flight hold one copy per thread, not N (an adapter with 64 steps of history is about 4 MB).
   */
  public BodyAdapter shared() {
    return perThread != null ? this : new BodyAdapter(this);
  }

  /** Whether this is a {@link #shared()} adapter, safe to use from several threads. */
  public boolean isShared() {
    return perThread != null;
  }

  public GaussianPolicy network() {
    return network;
  }

  public List<String> bodyChannels() {
    return bodyChannels;
  }

  /**
   * The body channels of one scenario's body ({@code body.<scenario>.*}), in the latent's order.
   */
  public List<String> bodyChannelsOf(String scenario) {
    String prefix = "body." + scenario + ".";
    return bodyChannels.stream().filter(n -> n.startsWith(prefix)).toList();
  }

  public float[] decode() {
    return decode.clone();
  }

  /**
   * The steps of the past the adapter's environment must keep: the largest {@code J} of its {@code
   * hist.J.*} (it may read only some of the steps up to there).
   */
  public int historySteps() {
    int steps = 0;
    for (String n : network.observationSpec().names()) {
      steps = Math.max(steps, lagOf(n));
    }
    return steps;
  }

  /** How many steps ago a channel was observed: J for {@code hist.J.*}, 0 for the present. */
  public static int lagOf(String channel) {
    return channel.startsWith("hist.")
        ? Integer.parseInt(channel.substring(5, channel.indexOf('.', 5)))
        : 0;
  }

  /** True for a channel that tells the body: {@code body.*}, or one of them from the history. */
  public static boolean isBody(String channel) {
    return BODY.matcher(channel).matches();
  }

  /**
   * The channels an adapter reads of an observation: proprioception, as RMA's module does (the
   * body's own state and actions, now and in the history), neither a body channel nor the lidar.
   */
  public static Spec inputs(Spec observation) {
    return inputs(observation, lag -> true);
  }

  /** The {@link #inputs(Spec)} of the steps of the past {@code lags} accepts. */
  public static Spec inputs(Spec observation, java.util.function.IntPredicate lags) {
    Spec.Builder b = Spec.builder();
    for (int i = 0; i < observation.size(); i++) {
      String n = observation.name(i);
      if (!isBody(n) && !EXTEROCEPTION.matcher(n).matches() && lags.test(lagOf(n))) {
        b.add(observation.name(i), observation.low(i), observation.high(i));
      }
    }
    return b.build();
  }

  /** The body channels of a base policy's observation, in order. */
  public static List<String> bodyChannels(Spec observation) {
    List<String> out = new ArrayList<>();
    for (String n : observation.names()) {
      if (n.startsWith("body.")) {
        out.add(n);
      }
    }
    return out;
  }

  /** The body's estimate {@code u'} for each of {@code rows} rows of the adapter's inputs. */
  public float[] estimate(float[] inputs, int rows) {
    GaussianPolicy net = perThread == null ? network : perThread.get();
    float[] z = net.mean(inputs, rows);
    int k = bodyChannels.size();
    float[] u = new float[rows * k];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < k; i++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += decode[i * k + j] * z[r * k + j];
        }
        u[r * k + i] = (float) Math.max(-1, Math.min(1, s));
      }
    }
    return u;
  }

  /** An independent, unshared copy (the network holds scratch arrays: one per thread). */
  public BodyAdapter copy() {
    return new BodyAdapter(network.copy(), bodyChannels, decode);
  }

  /**
   * The base policy's body latent in Cholesky form: {@code L} (row-major, upper triangular, k x k)
   * with {@code L^T L = M^T M}, {@code M = W_body D} (see the class comment). A tiny ridge keeps it
   * invertible when the policy ignores a channel.
   */
  public static double[] latentFactor(GaussianPolicy base, List<String> bodyChannels) {
    Spec obs = base.observationSpec();
    int hidden = base.network().architecture().hidden();
    float[] w = base.network().actorLayers().get(0).weights();
    int k = bodyChannels.size();
    double[][] m = new double[hidden][k];
    for (int c = 0; c < k; c++) {
      int i = obs.indexOf(bodyChannels.get(c));
      if (i < 0) {
        throw new IllegalArgumentException("the base policy has no channel " + bodyChannels.get(c));
      }
      double scale = 1 / Math.sqrt(base.norm().var()[i] + RunningNorm.EPSILON);
      for (int j = 0; j < hidden; j++) {
        m[j][c] = w[i * hidden + j] * scale;
      }
    }
    double[][] g = new double[k][k];
    double trace = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        for (int j = 0; j < hidden; j++) {
          g[a][b] += m[j][a] * m[j][b];
        }
      }
      trace += g[a][a];
    }
    for (int a = 0; a < k; a++) {
      g[a][a] += 1e-6 * trace / k + 1e-12;
    }
    // Cholesky: g = R^T R with R upper triangular
    double[] r = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = g[i][j];
        for (int p = 0; p < i; p++) {
          s -= r[p * k + i] * r[p * k + j];
        }
        r[i * k + j] = i == j ? Math.sqrt(s) : s / r[i * k + i];
      }
    }
    return r;
  }

  /** The inverse of an upper triangular k x k matrix (row-major), as floats. */
  public static float[] invertUpper(double[] r, int k) {
    double[] inv = new double[k * k];
    for (int c = 0; c < k; c++) {
      // solve R x = e_c by back substitution
      for (int i = k - 1; i >= 0; i--) {
        double s = i == c ? 1 : 0;
        for (int j = i + 1; j < k; j++) {
          s -= r[i * k + j] * inv[j * k + c];
        }
        inv[i * k + c] = s / r[i * k + i];
      }
    }
    float[] out = new float[k * k];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) inv[i];
    }
    return out;
  }
}
