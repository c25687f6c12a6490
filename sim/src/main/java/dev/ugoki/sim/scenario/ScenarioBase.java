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
import java.util.SplittableRandom;
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
  private BodyFamily family;
  private boolean observeBody;
  private int ownChannels;
  private double[] body = new double[0];

  /** The body as its channels tell it: the draw, off by {@code body.told_noise} when set. */
  private double[] told = new double[0];

  private double[] bodyNow = new double[0];

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
    if (expert == null) {
      throw new IllegalStateException(
          name + " was made without its expert: make it with Scenarios.make");
    }
    return expert.apply((S) this);
  }

  /**
   * Sets the channel layouts, once, in the scenario's constructor, and the family its bodies are
   * drawn from (null: one body). With {@code body.observe} the observation ends with one channel
   * per family parameter, {@code body.SCENARIO.NAME}: the episode's body, each parameter's u in
   * [-1, 1].
   */
  protected final void specs(Spec observation, Spec action, BodyFamily family) {
    if (observationSpec != null) {
      throw new IllegalStateException(name + ": its specs are set already");
    }
    this.family = family;
    this.ownChannels = observation.size();
    this.observeBody = family != null && config.bool(BodyFamily.OBSERVE);
    if (observeBody) {
      Spec.Builder b = Spec.builder();
      for (int i = 0; i < observation.size(); i++) {
        b.add(observation.name(i), observation.low(i), observation.high(i));
      }
      // named by body: in a shared layout the car's top speed is not the arm's joint speed
      for (BodyFamily.Dim d : family.dims()) {
        b.add("body." + name + "." + d.name(), -1, 1);
      }
      observation = b.build();
    }
    this.observationSpec = Objects.requireNonNull(observation);
    this.actionSpec = Objects.requireNonNull(action);
    this.body = new double[family == null ? 0 : family.dims().size()];
    this.bodyNow = body.clone();
    this.told = body.clone();
  }

  /** Draws the episode's body from its seed; returns each parameter's factor on its nominal. */
  protected final double[] drawBody(long seed) {
    double[] u = family.draw(seed);
    body = u.clone();
    for (int i = 0; i < body.length; i++) {
      if (family.dims().get(i).spread() == 0) {
        body[i] = 0; // a parameter that does not vary is nominal
      }
    }
    bodyNow = body.clone();
    told = body.clone();
    double noise = config.real(BodyFamily.TOLD_NOISE);
    if (noise > 0) {
      // its own stream: the noise changes no other draw of the episode
      SplittableRandom r = new SplittableRandom(seed ^ 0x70_1D_B0_D1_E5L);
      for (int i = 0; i < told.length; i++) {
        if (family.dims().get(i).spread() > 0) {
          told[i] = Math.max(-1, Math.min(1, told[i] + noise * r.nextGaussian()));
        }
      }
    }
    return family.factors(u);
  }

  /**
   * The body as it is now, in u: the episode's draw until it changes mid-episode, then the changed
   * one (beyond [-1, 1] when the change leaves the family). What a policy that infers its body
   * should infer; the body channels keep telling the draw, since the change is unannounced.
   */
  public final double[] bodyNow() {
    return bodyNow.clone();
  }

  /**
   * Parameter {@code i} changes mid-episode to {@code factor} times what the episode drew; a
   * parameter the family does not vary cannot say so in u and stays.
   */
  protected final void changeBody(int i, double factor) {
    BodyFamily.Dim d = family.dims().get(i);
    if (d.spread() > 0) {
      bodyNow[i] = ((1 + d.spread() * body[i]) * factor - 1) / d.spread();
    }
  }

  /** The episode's body in u, one value in [-1, 1] per family parameter (zeros: nominal). */
  public final double[] body() {
    return body.clone();
  }

  /**
   * The episode's body as factors on the nominal one, for each family parameter that varies ({@code
   * body.max_speed -> 1.31}): what a person may want to see. Empty for one body.
   */
  public final java.util.Map<String, Double> bodyFactors() {
    return bodyFactors(body);
  }

  /**
   * The body {@code u} (one value per family parameter, as {@link #body()}) as factors on the
   * nominal one, for each parameter that varies: how a body a policy inferred reads.
   */
  public final java.util.Map<String, Double> bodyFactors(double[] u) {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    if (family != null) {
      if (u.length != family.dims().size()) {
        throw new IllegalArgumentException(
            "a body of this family has " + family.dims().size() + " parameters, not " + u.length);
      }
      for (int i = 0; i < u.length; i++) {
        BodyFamily.Dim d = family.dims().get(i);
        if (d.spread() > 0) {
          out.put(d.name(), 1 + d.spread() * u[i]);
        }
      }
    }
    return out;
  }

  /** {@code obs} with the body's channels filled in, when the scenario observes its body. */
  protected final float[] withBody(float[] obs) {
    if (observeBody) {
      for (int i = 0; i < told.length; i++) {
        obs[ownChannels + i] = (float) told[i];
      }
    }
    return obs;
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
