package dev.ugoki.sim.scenario;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Info;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Scenario;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.scene.Shape;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every single-body scenario shares, written once (highway-env's {@code AbstractEnv}): its
 * name, version and resolved config, its simulation step, its expert (the registry's factory), the
 * episode's bookkeeping, the weighted reward terms, the step's {@link Info}, and the scene's
 * background, drawn once per episode. A scenario writes only its world, its body and what it
 * observes.
 *
 * @param <S> the scenario itself, the type its expert is made for
 */
public abstract class ScenarioBase<S extends ScenarioBase<S>> implements Scenario {
  private final String name;
  private final int version;
  private final Config config;
  private final double dtS;
  private final Function<? super S, ? extends Expert> expert;
  private List<Shape> background;
  private Spec observationSpec;
  private Spec actionSpec;

  /** Whether the episode runs, and its steps. */
  protected final Episode episode;

  /** The reward's terms and their {@code reward.*} weights. */
  protected final RewardWeights rewards;

  /**
   * @param terms the reward's term names; each has its weight {@code reward.NAME} in the config
   * @param expert makes the expert of this scenario (the registry's); null for none
   * @throws IllegalArgumentException for another scenario's config
   */
  protected ScenarioBase(
      String name,
      int version,
      Config config,
      List<String> terms,
      Function<? super S, ? extends Expert> expert) {
    if (!name.equals(config.owner())) {
      throw new IllegalArgumentException(
          "a " + config.owner() + " config cannot make a " + name + " scenario");
    }
    this.name = name;
    this.version = version;
    this.config = config;
    this.dtS = config.real(CommonParams.DT);
    this.expert = expert;
    this.episode = new Episode(name);
    this.rewards = RewardWeights.of(config, terms);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int version() {
    return version;
  }

  @Override
  public final Config config() {
    return config;
  }

  /** Simulation time of one step [s]. */
  @Override
  public final double dt() {
    return dtS;
  }

  @SuppressWarnings("unchecked") // S is this class, by the type's declaration
  @Override
  public final Expert expert() {
    return Scenario.requireExpert((S) this, expert);
  }

  /** Sets the channel layouts, once, in the scenario's constructor. */
  protected final void specs(Spec observation, Spec action) {
    if (observationSpec != null) {
      throw new IllegalStateException(name + ": its specs are set already");
    }
    this.observationSpec = Objects.requireNonNull(observation);
    this.actionSpec = Objects.requireNonNull(action);
  }

  @Override
  public final Spec observationSpec() {
    return observationSpec;
  }

  @Override
  public final Spec actionSpec() {
    return actionSpec;
  }

  /** True after a step that ended the episode, until the next reset. */
  public final boolean ended() {
    return episode.ended();
  }

  /** Begins an episode's bookkeeping; the next scene draws its background anew. */
  protected final void beginEpisode() {
    episode.begin();
    background = null;
  }

  /** The episode's background, made by {@code draw} on first use. */
  protected final List<Shape> background(Supplier<List<Shape>> draw) {
    if (background == null) {
      background = draw.get();
    }
    return background;
  }

  /** The step's outcome, its time the episode's steps so far. */
  protected final Info info(RewardTerms terms, boolean crashed, boolean success, double progress) {
    return new Info(terms, crashed, success, progress, episode.steps() * dtS);
  }
}
