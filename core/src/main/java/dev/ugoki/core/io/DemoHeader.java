package dev.ugoki.core.io;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.Spec;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The first line of a demonstration file: where the demonstrations come from and the exact
 * observation and action channels they were recorded with.
 *
 * @param scenario the scenario's registry name, e.g. {@code race}
 * @param scenarioVersion the scenario's version when recorded
 * @param config the scenario's resolved configuration, every key with its value
 * @param observationSpec the observation channels with their bounds
 * @param actionSpec the action channels with their bounds
 * @param source who demonstrated: {@code expert}, {@code human}, {@code dagger}, ...
 * @param created when the recording started
 */
public record DemoHeader(
    String scenario,
    int scenarioVersion,
    Map<String, Object> config,
    Spec observationSpec,
    Spec actionSpec,
    String source,
    Instant created) {

  public DemoHeader {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(observationSpec, "observationSpec");
    Objects.requireNonNull(actionSpec, "actionSpec");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(created, "created");
    // kept in the scenario's declaration order, for a readable file; whole numbers as Long and
    // others as Double, so that a header read back from JSON equals the one written
    config = CanonicalJson.plainValues(config);
  }

  /** The header for demonstrations recorded in {@code env} now. */
  public static DemoHeader of(Env env, String source) {
    Scenario s = env.unwrapped();
    return new DemoHeader(
        s.name(),
        s.version(),
        s.config().asMap(),
        env.observationSpec(),
        env.actionSpec(),
        source,
        Instant.now());
  }
}
