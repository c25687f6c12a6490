package dev.ugoki.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.PolicyNetwork;
import dev.ugoki.core.policy.RunningNorm;
import dev.ugoki.sim.env.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx;

/**
 * A policy file's deterministic policy as a standard ONNX model (IR version 7, opset 13), to run
 * outside the JVM (ONNX Runtime, a game engine, a robot): input {@code obs} (batch x channels,
 * float), output {@code action} (the actor's mean clipped into the action box, as {@link
 * GaussianPolicy#actDeterministic}), and optionally {@code value} (the critic's V).
 *
 * <p>The graph computes what Ugoki does, in its order: the observation standardized with the
 * policy's statistics in double precision, as {@link RunningNorm} does (so that these bits are
 * Ugoki's), clipped to +-{@value RunningNorm#CLIP}, then each dense layer (Gemm, tanh). A policy
 * that infers its body ({@link BodyAdapter}) is exported whole: its input holds the base policy's
 * channels and then the history channels its adapter reads ({@code hist.J.NAME}: NAME J steps ago,
 * {@code hist.J.act.NAME} the action taken then; zeros before the episode's start), the adapter's
 * estimate replaces the body channels, and a second output {@code body} gives it.
 *
 * <p>The metadata says what the channels are: {@code ugoki.observation} and {@code ugoki.action}
 * hold {@code {"names": [...], "low": [...], "high": [...]}}, {@code ugoki.scenario} the scenario.
 * The same policy gives the same bytes.
 */
public final class OnnxExport {
  public static final String OBS = "obs";
  public static final String ACTION = "action";
  public static final String VALUE = "value";
  public static final String BODY = "body";
  public static final long IR_VERSION = 7;
  public static final long OPSET = 13;

  private OnnxExport() {}

  /** Writes the model of {@code loaded} to {@code out} atomically (a temporary file renamed). */
  public static void write(Path out, PolicyFile.Loaded loaded, boolean critic) throws IOException {
    AtomicFiles.write(out, model(loaded, critic).toByteArray());
  }

  /**
   * The channels of the model's input: the policy's observation, then, for a policy with an
   * adapter, the history channels the adapter reads that the observation lacks.
   */
  public static Spec inputSpec(PolicyFile.Loaded loaded) {
    Spec base = loaded.observationSpec();
    if (loaded.adapter() == null) {
      return base;
    }
    Spec.Builder b = Spec.builder();
    for (int i = 0; i < base.size(); i++) {
      b.add(base.name(i), base.low(i), base.high(i));
    }
    Spec reads = loaded.adapter().network().observationSpec();
    for (int i = 0; i < reads.size(); i++) {
      if (base.indexOf(reads.name(i)) < 0) {
        b.add(reads.name(i), reads.low(i), reads.high(i));
      }
    }
    return b.build();
  }

  /** The model of {@code loaded}; with {@code critic}, with the value output. */
  public static Onnx.ModelProto model(PolicyFile.Loaded loaded, boolean critic) {
    GaussianPolicy policy = loaded.policy();
    Spec in = inputSpec(loaded);
    Spec act = loaded.actionSpec();
    OnnxGraph g = new OnnxGraph("ugoki_" + loaded.meta().scenario() + "_policy");
    g.input(OBS, OnnxGraph.FLOAT, "observation channels (metadata ugoki.observation)", in.size());
    String obs = OBS;
    if (loaded.adapter() != null) {
      obs = adapted(g, loaded, in);
    }
    String z = standardized(g, "obs", obs, policy.norm());
    String mean = dense(g, "actor", z, policy.network().actorLayers());
    SpecJson box = SpecJson.of(act);
    String upper = g.node("Min", mean, g.constant("action_high", box.high(), act.size()));
    g.nodeInto(ACTION, "Max", null, upper, g.constant("action_low", box.low(), act.size()));
    g.output(ACTION, OnnxGraph.FLOAT, "the action, inside its box (ugoki.action)", act.size());
    if (loaded.adapter() != null) {
      g.output(
          BODY,
          OnnxGraph.FLOAT,
          "the adapter's estimate of the body channels (ugoki.body)",
          loaded.adapter().bodyChannels().size());
    }
    if (critic) {
      String v = dense(g, "critic", z, policy.network().criticLayers());
      g.nodeInto(VALUE, "Squeeze", null, v, g.constant("value_axes", new long[] {1}, 1));
      g.output(VALUE, OnnxGraph.FLOAT, "the critic's value of the observation");
    }
    Onnx.ModelProto.Builder m =
        Onnx.ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setProducerName("ugoki")
            .setProducerVersion("0.1.0")
            .setDocString(
                "Ugoki "
                    + loaded.meta().scenario()
                    + " policy ("
                    + loaded.meta().algo()
                    + ", "
                    + loaded.meta().steps()
                    + " steps): deterministic actions from raw observations")
            .setGraph(g.build());
    metadata(loaded, in)
        .forEach(
            (k, v) ->
                m.addMetadataProps(Onnx.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return m.build();
  }

  private static Map<String, String> metadata(PolicyFile.Loaded loaded, Spec in) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("ugoki.scenario", loaded.meta().scenario());
    meta.put("ugoki.algo", loaded.meta().algo());
    meta.put("ugoki.observation", json(SpecJson.of(in)));
    meta.put("ugoki.action", json(SpecJson.of(loaded.actionSpec())));
    if (loaded.adapter() != null) {
      meta.put("ugoki.body", json(loaded.adapter().bodyChannels()));
      meta.put("ugoki.history_steps", Integer.toString(loaded.adapter().historySteps()));
    }
    return meta;
  }

  private static String json(Object o) {
    try {
      return CanonicalJson.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The adapted policy's observation: the base channels of the input with each body channel
   * replaced by the adapter's estimate (as {@code AdaptedBody} does), the estimate also an output.
   */
  private static String adapted(OnnxGraph g, PolicyFile.Loaded loaded, Spec in) {
    BodyAdapter adapter = loaded.adapter();
    Spec base = loaded.observationSpec();
    Spec reads = adapter.network().observationSpec();
    String hist = columns(g, "adapter_channels", in, reads);
    String hz = standardized(g, "adapter", hist, adapter.network().norm());
    String latent = dense(g, "adapter", hz, adapter.network().network().actorLayers());
    int k = adapter.bodyChannels().size();
    float[] decode = adapter.decode();
    double[] decodeT = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        decodeT[j * k + i] = decode[i * k + j];
      }
    }
    String u =
        g.node(
            "MatMul",
            g.cast(latent, OnnxGraph.DOUBLE),
            g.constant("adapter_decode", decodeT, k, k));
    String clipped =
        g.node(
            "Clip",
            u,
            g.constant("body_min", new double[] {-1}),
            g.constant("body_max", new double[] {1}));
    g.nodeInto(BODY, "Cast", OnnxGraph.intAttribute("to", OnnxGraph.FLOAT), clipped);
    String own = columns(g, "base_channels", in, base);
    float[] keep = new float[base.size()];
    java.util.Arrays.fill(keep, 1);
    float[] place = new float[k * base.size()];
    for (int c = 0; c < k; c++) {
      int i = base.indexOf(adapter.bodyChannels().get(c));
      keep[i] = 0;
      place[c * base.size() + i] = 1;
    }
    return g.node(
        "Add",
        g.node("Mul", own, g.constant("base_keep", keep, base.size())),
        g.node("MatMul", BODY, g.constant("body_place", place, k, base.size())));
  }

  /** The columns of the input {@code in} that {@code want} names, in its order (a Gather). */
  private static String columns(OnnxGraph g, String name, Spec in, Spec want) {
    long[] index = new long[want.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = in.indexOf(want.name(i));
    }
    return g.node(
        "Gather", OnnxGraph.intAttribute("axis", 1), OBS, g.constant(name, index, index.length));
  }

  /** {@code clip((x - mean) / sqrt(var + eps), -CLIP, CLIP)}, in double as RunningNorm does. */
  private static String standardized(OnnxGraph g, String prefix, String x, RunningNorm norm) {
    double[] mean = norm.mean();
    double[] std = new double[mean.length];
    double[] var = norm.var();
    for (int i = 0; i < std.length; i++) {
      std[i] = Math.sqrt(var[i] + RunningNorm.EPSILON);
    }
    String centred =
        g.node("Sub", g.cast(x, OnnxGraph.DOUBLE), g.constant(prefix + "_mean", mean, mean.length));
    String z = g.node("Div", centred, g.constant(prefix + "_std", std, std.length));
    return g.node(
        "Clip",
        g.cast(z, OnnxGraph.FLOAT),
        g.constant(prefix + "_clip_min", new float[] {-RunningNorm.CLIP}),
        g.constant(prefix + "_clip_max", new float[] {RunningNorm.CLIP}));
  }

  /** The dense layers of one head on {@code x}: Gemm, then tanh where the layer has it. */
  private static String dense(
      OnnxGraph g, String prefix, String x, List<PolicyNetwork.Dense> layers) {
    String h = x;
    for (int l = 0; l < layers.size(); l++) {
      PolicyNetwork.Dense d = layers.get(l);
      String w = g.constant(prefix + "_" + l + "_W", d.weights(), d.nIn(), d.nOut());
      String b = g.constant(prefix + "_" + l + "_b", d.bias(), d.nOut());
      h = g.node("Gemm", h, w, b);
      if (d.tanh()) {
        h = g.node("Tanh", h);
      }
    }
    return h;
  }
}
