package dev.ugoki.core.io;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.core.learner.Adam;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.PolicyNetwork;
import dev.ugoki.core.policy.RunningNorm;
import dev.ugoki.sim.env.Spec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A policy checkpoint: one zip file holding everything needed to run, check and resume a policy.
 *
 * <ul>
 *   <li>{@code policy.json}: format and version; the scenario, its version and resolved config; the
 *       observation and action specs (names and bounds); the architecture; the log standard
 *       deviation; the observation normalization (mean, variance, count); the algorithm and its
 *       config; the environment steps trained; a metrics summary; the library versions.
 *   <li>{@code params.bin}: the network's weights as little-endian float32, in DL4J's order.
 *   <li>{@code optimizer.bin} (a checkpoint's, for resuming): the {@link Learner}'s Adam moments as
 *       little-endian float32: the network's m and v, then the log standard deviation's m and v; in
 *       {@code policy.json} each optimizer's step count.
 * </ul>
 *
 * <p>Versions: 2 (this one) stores the moments per parameter in DL4J's parameter order. 1, written
 * while DL4J's updater trained the network, stored the updater's own state array, which is the same
 * for a network without frozen layers and, with frozen layers, one {@code [m, v]} block per run of
 * trainable parameters; the reader converts it.
 *
 * <p>Written atomically (a temporary file renamed over the target), so a run killed at any moment
 * leaves the previous checkpoint whole. Read without Java object deserialization; a truncated,
 * corrupt or foreign file is refused with a message that names it.
 */
public final class PolicyFile {
  public static final String FORMAT = "ugoki-policy";
  public static final int VERSION = 2;
  private static final String META = "policy.json";
  private static final String PARAMS = "params.bin";
  private static final String OPTIMIZER = "optimizer.bin";

  /**
   * The largest network a file may hold: 16M weights (64 MiB of float32). Its hidden layers are
   * those a run may train ({@link dev.ugoki.core.policy.Architecture#HIDDEN}, {@code #LAYERS}).
   */
  public static final long MAX_PARAMS = 1L << 24;

  /** The most observation or action channels a file may declare. */
  public static final int MAX_CHANNELS = 65_536;

  /** The largest each entry may be: policy.json, the weights, Adam's two moments per weight. */
  private static final Map<String, Integer> ENTRY_LIMITS =
      Map.of(
          META,
          16 << 20,
          PARAMS,
          (int) (4 * MAX_PARAMS),
          OPTIMIZER,
          (int) (8 * MAX_PARAMS) + (1 << 20),
          AdapterEntries.META,
          16 << 20,
          AdapterEntries.PARAMS,
          (int) (4 * MAX_PARAMS),
          AdapterEntries.LATENT,
          1 << 20);

  private static final ObjectMapper JSON = CanonicalJson.MAPPER;

  /** Every entry's time, so that the same policy gives the same bytes. */
  private static final java.time.LocalDateTime ENTRY_TIME =
      java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

  /** What a checkpoint says about the policy besides its weights. */
  public record Meta(
      String scenario,
      int scenarioVersion,
      Map<String, Object> scenarioConfig,
      String algo,
      Map<String, Object> algoConfig,
      long seed,
      long steps,
      int updates,
      Map<String, Object> metrics) {}

  /**
   * A loaded policy file; {@code optimizer} is null unless it is a checkpoint written for resuming,
   * {@code adapter} null unless the policy infers its body from its recent past ({@link
   * BodyAdapter}).
   */
  public record Loaded(
      GaussianPolicy policy,
      Meta meta,
      Spec observationSpec,
      Spec actionSpec,
      Learner.State optimizer,
      BodyAdapter adapter) {
    public boolean hasOptimizerState() {
      return optimizer != null;
    }
  }

  private PolicyFile() {}

  /** Writes the policy atomically: what eval, render and the window need. */
  public static void save(Path file, GaussianPolicy policy, Meta meta) throws IOException {
    write(file, policy, meta, null, null);
  }

  /**
   * Writes a body-aware policy with the adapter that infers its body (null: none) atomically: what
   * eval, render and the window need to drive it without being told the body.
   */
  public static void save(Path file, GaussianPolicy policy, Meta meta, BodyAdapter adapter)
      throws IOException {
    write(file, policy, meta, null, adapter);
  }

  /** Writes a checkpoint atomically: the policy and its optimizers' state, to resume from. */
  public static void save(Path file, Learner learner, Meta meta) throws IOException {
    write(file, learner.policy(), meta, learner.state(), null);
  }

  /** A checkpoint of a policy that keeps the adapter it drives with (null: none). */
  public static void save(Path file, Learner learner, Meta meta, BodyAdapter adapter)
      throws IOException {
    write(file, learner.policy(), meta, learner.state(), adapter);
  }

  private static void write(
      Path file, GaussianPolicy policy, Meta meta, Learner.State optimizer, BodyAdapter adapter)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(entry(META));
      zip.write(JSON.writeValueAsBytes(header(policy, meta, optimizer)));
      zip.closeEntry();
      zip.putNextEntry(entry(PARAMS));
      zip.write(PolicyJson.floats(policy.network().params()));
      zip.closeEntry();
      if (optimizer != null) {
        zip.putNextEntry(entry(OPTIMIZER));
        zip.write(
            PolicyJson.floats(
                concat(
                    optimizer.network().m(),
                    optimizer.network().v(),
                    optimizer.logStd().m(),
                    optimizer.logStd().v())));
        zip.closeEntry();
      }
      if (adapter != null) {
        AdapterEntries.write(zip, adapter, meta);
      }
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }

  static PolicyHeader header(GaussianPolicy policy, Meta meta, Learner.State optimizer) {
    Architecture a = policy.network().architecture();
    RunningNorm n = policy.norm();
    PolicyHeader doc =
        new PolicyHeader(
            FORMAT,
            VERSION,
            meta.scenario(),
            meta.scenarioVersion(),
            meta.scenarioConfig(),
            SpecJson.of(policy.observationSpec()),
            SpecJson.of(policy.actionSpec()),
            new PolicyHeader.Network(
                a.obsSize(),
                a.actSize(),
                a.hidden(),
                a.layers(),
                policy.network().numParams(),
                policy.network().frozenLayers()),
            policy.logStd(),
            new PolicyHeader.Norm(n.mean(), n.var(), n.count()),
            meta.algo(),
            meta.algoConfig(),
            meta.seed(),
            meta.steps(),
            meta.updates(),
            meta.metrics(),
            Map.of(
                "ugoki", "0.1.0", "dl4j", "1.0.0-M2.1", "java", System.getProperty("java.version")),
            optimizer == null
                ? null
                : Map.of(
                    "network_steps",
                    optimizer.network().t(),
                    "log_std_steps",
                    optimizer.logStd().t()));
    return doc;
  }

  static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ENTRY_TIME);
    return e;
  }

  /** Reads a policy file or a checkpoint, checking its structure. */
  public static Loaded load(Path file) {
    Map<String, byte[]> entries = PolicyZip.read(file, ENTRY_LIMITS);
    try {
      Parsed main = parse(file, entries, META, PARAMS);
      Learner.State optimizer = null;
      if (entries.containsKey(OPTIMIZER) && main.header().optimizer() != null) {
        float[] state = PolicyJson.floats(entries.get(OPTIMIZER));
        PolicyNetwork net = main.policy().network();
        optimizer =
            main.version() == 1
                ? OptimizerV1.convert(net, state, main.header().optimizer())
                : optimizer(
                    net.numParams(),
                    main.header().logStd().length,
                    state,
                    main.header().optimizer());
      }
      BodyAdapter adapter = AdapterEntries.read(file, entries, main.policy());
      GaussianPolicy policy = main.policy();
      return new Loaded(
          policy,
          main.header().meta(),
          policy.observationSpec(),
          policy.actionSpec(),
          optimizer,
          adapter);
    } catch (IOException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      if (e instanceof PolicyFileException pfe) {
        throw pfe;
      }
      // one line: Jackson's messages go on with the source location
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw corrupt(file, "its contents do not parse (" + why + ")");
    }
  }

  /** A network's header and weights, read and checked. */
  record Parsed(PolicyHeader header, int version, GaussianPolicy policy) {}

  static Parsed parse(Path file, Map<String, byte[]> entries, String metaName, String paramName)
      throws IOException {
    byte[] metaBytes = entries.get(metaName);
    byte[] paramBytes = entries.get(paramName);
    if (metaBytes == null || paramBytes == null) {
      throw corrupt(file, "it lacks " + (metaBytes == null ? metaName : paramName));
    }
    Map<String, Object> doc = JSON.readValue(metaBytes, new TypeReference<>() {});
    if (!FORMAT.equals(doc.get("format"))) {
      throw corrupt(file, "it is not a " + FORMAT + " file (format " + doc.get("format") + ")");
    }
    int version = PolicyJson.num(doc, "version", 1, Integer.MAX_VALUE);
    if (version != VERSION && version != 1) {
      throw corrupt(
          file,
          "format version "
              + version
              + " is not supported (this build reads "
              + "1 to "
              + VERSION
              + ")");
    }
    PolicyHeader h = PolicyHeader.read(doc, version);
    Architecture a = h.architecture().architecture();
    long params = PolicyNetwork.numParams(a);
    if (params > MAX_PARAMS) {
      throw corrupt(
          file,
          "its network of "
              + a.layers()
              + " x "
              + a.hidden()
              + " units has "
              + params
              + " weights, more than the "
              + MAX_PARAMS
              + " a policy file may hold");
    }
    if (paramBytes.length != 4 * params) {
      throw corrupt(
          file,
          paramName + " holds " + paramBytes.length + " bytes, the network needs " + 4 * params);
    }
    PolicyNetwork net =
        new PolicyNetwork(a, PolicyJson.floats(paramBytes), h.architecture().frozenLayers());
    for (float v : net.params()) {
      if (!Float.isFinite(v)) {
        throw corrupt(file, "its weights hold NaN or infinity");
      }
    }
    RunningNorm rn = new RunningNorm(h.obsNorm().mean(), h.obsNorm().var(), h.obsNorm().count());
    GaussianPolicy policy =
        new GaussianPolicy(h.observation().spec(), h.action().spec(), net, h.logStd(), rn);
    return new Parsed(h, version, policy);
  }

  /** A policy file that cannot be used, with the reason. */
  public static final class PolicyFileException extends IllegalArgumentException {
    public PolicyFileException(String message) {
      super(message);
    }
  }

  static PolicyFileException corrupt(Path file, String why) {
    return new PolicyFileException("policy file " + file + " is unusable: " + why);
  }

  private static Learner.State optimizer(int params, int act, float[] s, Map<String, Object> opt) {
    if (s.length != 2L * params + 2L * act) {
      throw new IllegalArgumentException(
          "optimizer state has "
              + s.length
              + " values, the "
              + "policy needs "
              + (2L * params + 2L * act));
    }
    long tNet = PolicyJson.integer(opt, "network_steps", 0, Long.MAX_VALUE);
    long tStd = PolicyJson.integer(opt, "log_std_steps", 0, Long.MAX_VALUE);
    int o = 0;
    Adam.State net =
        new Adam.State(
            java.util.Arrays.copyOfRange(s, o, o += params),
            java.util.Arrays.copyOfRange(s, o, o += params),
            tNet);
    Adam.State std =
        new Adam.State(
            java.util.Arrays.copyOfRange(s, o, o += act),
            java.util.Arrays.copyOfRange(s, o, o + act),
            tStd);
    return new Learner.State(net, std);
  }

  private static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] all = new float[n];
    int o = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, all, o, p.length);
      o += p.length;
    }
    return all;
  }
}
