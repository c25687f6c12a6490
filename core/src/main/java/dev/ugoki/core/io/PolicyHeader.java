package dev.ugoki.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ugoki.core.policy.Architecture;
import dev.ugoki.core.policy.PolicyNetwork;
import java.util.Map;

/**
 * A policy file's {@code policy.json}, typed: everything the file says besides the weights, written
 * from this record and read back into it by one strict reader ({@link #read}), which refuses a
 * value of the wrong type or out of range with a message that names its key. Keys are written in
 * sorted order, as every JSON file of the project is.
 *
 * @param version the file format's version (1 or 2)
 * @param optimizer the optimizer's step counts, as the format version writes them (null in a policy
 *     that is not a checkpoint)
 */
@JsonPropertyOrder(
    value = {
      "action",
      "algo",
      "algo_config",
      "architecture",
      "format",
      "log_std",
      "metrics",
      "obs_norm",
      "observation",
      "optimizer",
      "scenario",
      "scenario_config",
      "scenario_version",
      "seed",
      "steps",
      "updates",
      "version",
      "versions"
    })
@JsonInclude(JsonInclude.Include.NON_NULL)
record PolicyHeader(
    String format,
    int version,
    String scenario,
    @JsonProperty("scenario_version") int scenarioVersion,
    @JsonProperty("scenario_config") Map<String, Object> scenarioConfig,
    SpecJson observation,
    SpecJson action,
    Network architecture,
    @JsonProperty("log_std") float[] logStd,
    @JsonProperty("obs_norm") Norm obsNorm,
    String algo,
    @JsonProperty("algo_config") Map<String, Object> algoConfig,
    long seed,
    long steps,
    int updates,
    Map<String, Object> metrics,
    Map<String, String> versions,
    Map<String, Object> optimizer) {

  /** The network's shape, its weight count and how many of its hidden layers are frozen. */
  @JsonPropertyOrder(
      value = {"act_size", "frozen_layers", "hidden", "layers", "obs_size", "params"})
  record Network(
      @JsonProperty("obs_size") int obsSize,
      @JsonProperty("act_size") int actSize,
      int hidden,
      int layers,
      long params,
      @JsonProperty("frozen_layers") int frozenLayers) {
    Architecture architecture() {
      return new Architecture(obsSize, actSize, hidden, layers);
    }
  }

  /** The observation normalizer's running statistics. */
  @JsonPropertyOrder(value = {"count", "mean", "var"})
  record Norm(double[] mean, double[] var, double count) {}

  /** What the file says of the run that made the policy. */
  PolicyFile.Meta meta() {
    return new PolicyFile.Meta(
        scenario, scenarioVersion, scenarioConfig, algo, algoConfig, seed, steps, updates, metrics);
  }

  /**
   * The header a parsed {@code policy.json} holds, checked key by key: the network's sizes within
   * {@link PolicyFile}'s limits and the ranges of {@link Architecture}, integers that are integers,
   * finite numbers that fit their type, text that is text. The format's name and version are the
   * caller's to check first.
   *
   * @throws IllegalArgumentException naming the first key that is wrong
   */
  static PolicyHeader read(Map<String, Object> doc, int version) {
    Map<String, Object> arch = PolicyJson.map(doc.get("architecture"));
    Architecture shape =
        new Architecture(
            PolicyJson.num(arch, "obs_size", 1, PolicyFile.MAX_CHANNELS),
            PolicyJson.num(arch, "act_size", 1, PolicyFile.MAX_CHANNELS),
            PolicyJson.num(arch, Architecture.HIDDEN),
            PolicyJson.num(arch, Architecture.LAYERS));
    int layers = shape.layers();
    Network network =
        new Network(
            shape.obsSize(),
            shape.actSize(),
            shape.hidden(),
            layers,
            // the count the shape gives, whatever the file says
            PolicyNetwork.numParams(shape),
            // a fine-tune's frozen trunk stays frozen when it resumes; older files have none
            arch.containsKey("frozen_layers")
                ? PolicyJson.num(arch, "frozen_layers", 0, layers)
                : 0);
    Map<String, Object> norm = PolicyJson.map(doc.get("obs_norm"));
    if (!(norm.get("count") instanceof Number count) || !Double.isFinite(count.doubleValue())) {
      throw new IllegalArgumentException("obs_norm count must be a finite number");
    }
    return new PolicyHeader(
        PolicyFile.FORMAT,
        version,
        PolicyJson.text(doc, "scenario"),
        PolicyJson.num(doc, "scenario_version", 0, Integer.MAX_VALUE),
        PolicyJson.map(doc.get("scenario_config")),
        SpecJson.read(doc.get("observation")),
        SpecJson.read(doc.get("action")),
        network,
        PolicyJson.toFloats(PolicyJson.doubles(doc.get("log_std"))),
        new Norm(
            PolicyJson.doubles(norm.get("mean")),
            PolicyJson.doubles(norm.get("var")),
            count.doubleValue()),
        PolicyJson.text(doc, "algo"),
        PolicyJson.map(doc.get("algo_config")),
        PolicyJson.integer(doc, "seed", Long.MIN_VALUE, Long.MAX_VALUE),
        PolicyJson.integer(doc, "steps", 0, Long.MAX_VALUE),
        PolicyJson.num(doc, "updates", 0, Integer.MAX_VALUE),
        PolicyJson.map(doc.get("metrics")),
        Map.of(),
        doc.containsKey("optimizer") ? PolicyJson.map(doc.get("optimizer")) : null);
  }
}
