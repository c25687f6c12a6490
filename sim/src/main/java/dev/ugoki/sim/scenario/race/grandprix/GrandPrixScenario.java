package dev.ugoki.sim.scenario.race.grandprix;

import dev.ugoki.sim.body.CarState;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Param;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.ScenarioBase;
import dev.ugoki.sim.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code grandprix} for one driver: the single-agent view of a {@link GrandPrix}. The learner (or a
 * person, or the expert) drives the car on grid slot {@code grid.slot}; {@link GridDriver} drives
 * every other car at {@code grid.pace}. So today's trainers, evaluations and the window drive one
 * car among others without change.
 *
 * <p>Spaces, rewards and the start are {@link GrandPrix}'s for that car; the episode ends when its
 * part does (it leaves the track, finishes, or {@code max_steps} is up), whatever the others do.
 * Its expert is {@link GridDriver} at full pace.
 *
 * <p>Version history: v1, first version.
 */
public final class GrandPrixScenario extends ScenarioBase<GrandPrixScenario> {
  public static final String NAME = GrandPrix.NAME;
  public static final int VERSION = 1;

  public static final String SLOT = "grid.slot";
  public static final String PACE = "grid.pace";

  /** The grand prix's keys, the opponents', and the wrappers' keys every scenario has. */
  public static final List<Param> PARAMS = params();

  private static List<Param> params() {
    List<Param> p = new ArrayList<>(GrandPrixConfig.PARAMS);
    for (Param q : CommonParams.of(0.05, 6000)) {
      if (p.stream().noneMatch(k -> k.key().equals(q.key()))) {
        p.add(q);
      }
    }
    p.add(
        Param.integer(
            SLOT, 0, 0, GrandPrixConfig.MAX_CARS - 1, "the grid slot of the car driven (0: pole)"));
    p.add(
        Param.real(
            PACE,
            0.9,
            0.05,
            1.5,
            "the other cars' pace: the share of the expert's own speed plan they drive at"));
    return List.copyOf(p);
  }

  private final GrandPrix race;
  private final String me;
  private final int slot;
  private final double[] paces;

  /**
   * @param expert makes the expert of this scenario (the registry's); null for none
   * @throws IllegalArgumentException when {@code grid.slot} is not on the grid
   */
  public GrandPrixScenario(
      Config config, Function<? super GrandPrixScenario, ? extends Expert> expert) {
    super(NAME, VERSION, config, GrandPrixConfig.TERMS, expert);
    this.race = new GrandPrix(config);
    this.slot = config.integer(SLOT);
    int cars = race.possibleAgents().size();
    if (slot >= cars) {
      throw new IllegalArgumentException(
          NAME + ": " + SLOT + " = " + slot + " is not on a grid of " + cars + " cars");
    }
    this.me = race.possibleAgents().get(slot);
    this.paces = new double[cars];
    java.util.Arrays.fill(paces, config.real(PACE));
    paces[slot] = 1;
    specs(race.observationSpec(me), race.actionSpec(me), null);
  }

  /** The race behind this view. */
  public GrandPrix race() {
    return race;
  }

  /** The agent this view drives ({@code car.SLOT}). */
  public String agent() {
    return me;
  }

  @Override
  public float[] reset(long seed) {
    float[] obs = race.reset(seed).get(me);
    beginEpisode();
    return obs;
  }

  @Override
  public StepResult step(float[] action) {
    episode.checkStep();
    actionSpec().checkAction(action);
    Map<String, float[]> actions = GridDriver.all(race, paces);
    actions.put(me, action.clone());
    StepResult r = race.step(actions).get(me);
    episode.stepped(r.done());
    return r;
  }

  /** The expert's command for this view's car: {@link GridDriver} at full pace. */
  float[] expertAction() {
    episode.requireStarted();
    return GridDriver.drive(race, slot, 1);
  }

  @Override
  public Telemetry telemetry() {
    episode.requireStarted();
    CarState s = race.car(me);
    return new Telemetry(
        NAME,
        s.speedMps(),
        s.heading(),
        race.racer(slot).centerX(),
        race.racer(slot).centerY(),
        List.of(
            new Telemetry.Reading("place", race.place(me) + 1, "of " + paces.length),
            new Telemetry.Reading("steer", Math.toDegrees(s.steerRad()), "deg")));
  }

  @Override
  public Scene scene() {
    episode.requireStarted();
    Scene s = race.scene();
    return new Scene(
        s.minX(),
        s.minY(),
        s.maxX(),
        s.maxY(),
        s.background(),
        s.foreground(),
        race.racer(slot).centerX(),
        race.racer(slot).centerY());
  }
}
