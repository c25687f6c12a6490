package dev.ugoki.desktop.session;

import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the desktop app shows, without any graphics (SuperJumper's {@code World}): a scenario and a
 * seed, several agents on the same track (each in its own environment, so they pass through each
 * other: ghost racing), and who drives each. Its other jobs are parts of their own: the {@link
 * #clock() clock} (fixed steps from frame times), {@link #teaching() teaching} (recording a
 * person's driving and cloning it), {@link #training() live training}, and the messages.
 *
 * <p>Policies are asked once per step for all agents that share a policy file. Bad input does not
 * throw: a policy file that is missing, unreadable or made for another scenario leaves its agent
 * out and becomes a {@link #messages() message} for the window.
 *
 * <p>Not thread-safe: the window's render thread owns it. The only other threads are the trainings'
 * ({@link TrainingThread}), which share nothing with it but concurrent containers polled in {@link
 * #advance(double)}.
 */
public final class Session {
  /** Hears what the window may want to know at once (and print). */
  public interface Listener {
    default void onMessage(String message) {}

    default void onLap(Agent agent, double lapS) {}
  }

  private final Config config;

  /** The configuration keys given by the person, without the watch defaults. */
  private final Map<String, Object> userOverrides;

  private final SimClock clock;

  /** Every agent's seat, and the agents driving here ({@link Seats}). */
  private final Seats seats = new Seats();

  private final KeyboardInput keyboard = new KeyboardInput();
  private final Messages messages;
  private final Teaching teaching = new Teaching(this);
  private final LiveTraining training = new LiveTraining(this);
  private final Replays replays = new Replays(this);
  private final Roster roster = new Roster(this);
  private Listener listener = new Listener() {};
  private long seed;

  /**
   * @param scenario a registered scenario name
   * @param overrides configuration keys to change; for {@code race}, unless given, the episode is
   *     made to go on for up to 100 laps and 1,000,000 steps so that agents lap while a person
   *     watches
   * @param seed the track's (or room's) seed, the same for every agent
   * @param drivers one agent per entry, in order; none gives one expert
   * @throws IllegalArgumentException for an unknown scenario or a bad configuration key or value
   */
  public Session(String scenario, Map<String, ?> overrides, long seed, List<Driver> drivers) {
    this(scenario, overrides, seed, drivers, null);
  }

  /** As above, with a listener that hears the messages of the construction too. */
  public Session(
      String scenario,
      Map<String, ?> overrides,
      long seed,
      List<Driver> drivers,
      Listener listener) {
    this(
        Seats.of(drivers.isEmpty() ? List.<Driver>of(new Driver.Expert()) : drivers),
        scenario,
        overrides,
        seed,
        listener,
        new Messages());
  }

  private Session(
      List<Seats.Seat> seated,
      String scenario,
      Map<String, ?> overrides,
      long seed,
      Listener listener,
      Messages log) {
    this.messages = log;
    setListener(listener == null ? new Listener() {} : listener);
    this.config = Scenarios.config(scenario, withWatchDefaults(scenario, overrides));
    this.userOverrides = Map.copyOf(overrides);
    this.clock = new SimClock(CommonParams.policyStepS(config));
    this.seed = seed;
    for (Seats.Seat s : seated) {
      seats.keep(s);
      add(s);
    }
    if (seats.agents().isEmpty()) {
      message("no agent could be started; the expert drives instead");
      add(seats.seat(new Driver.Expert()));
    }
    for (Agent a : seats.agents()) {
      a.reset(seed);
    }
  }

  /** The scenario's own keys for watching (a race of many laps), under the given overrides. */
  private static Map<String, Object> withWatchDefaults(String scenario, Map<String, ?> overrides) {
    Map<String, Object> m = new LinkedHashMap<>(Scenarios.presentation(scenario).watchOverrides());
    m.putAll(overrides);
    return m;
  }

  /** Starts the agent of {@code seat} here, or says why it sits out; returns it or null. */
  private Agent add(Seats.Seat seat) {
    return seats.add(seat, () -> Scenarios.make(config), scenario(), this::message);
  }

  /**
   * Adds an agent on a new seat, in an environment of {@code envs} (null: this session's), not yet
   * reset; or says why it sits out and returns null.
   */
  Agent addSeat(Driver driver, Supplier<Env> envs) {
    Supplier<Env> made = envs != null ? envs : () -> Scenarios.make(config);
    return seats.add(seats.seat(driver), made, scenario(), this::message);
  }

  /** Adds an agent that {@code batch} drives in {@code env} (a live training's), at the start. */
  Agent addDriven(Driver driver, Env env, PolicyBatch batch) {
    Agent agent = seats.addDriven(driver, env, batch);
    agent.reset(seed);
    return agent;
  }

  public void setListener(Listener listener) {
    this.listener = Objects.requireNonNull(listener);
    messages.setSink(listener::onMessage);
  }

  // ---- time ----

  public SimClock clock() {
    return clock;
  }

  /**
   * Lets {@code frameS} seconds of wall-clock time pass (see {@link SimClock#due}) and runs the
   * steps due, after taking what the trainings have sent. Returns the steps run.
   */
  public int advance(double frameS) {
    teaching.poll();
    training.poll();
    int n = clock.due(frameS);
    for (int i = 0; i < n; i++) {
      stepAll();
    }
    return n;
  }

  /** Exactly one step, pausing first: the way to look at one step at a time. */
  public void singleStep() {
    clock.pauseForSingleStep();
    stepAll();
  }

  private void stepAll() {
    keyboard.advance(clock.stepSeconds());
    float[][] actions = seats.actions(keyboard);
    Agent recorded = teaching.recording() ? keyboardAgent() : null;
    for (Agent agent : seats.agents()) {
      if (actions[agent.index()] == null) {
        continue; // a replay played to its end stands still
      }
      int lapsBefore = agent.lapsTotal();
      float[] obsBefore = agent == recorded ? agent.observation().clone() : null;
      StepResult r = agent.step(actions[agent.index()], seed);
      if (agent == recorded) {
        teaching.record(seed, obsBefore, actions[agent.index()], r);
      }
      if (agent.lapsTotal() > lapsBefore) {
        listener.onLap(agent, agent.lastLapS());
      }
    }
    clock.counted();
  }

  // ---- the track ----

  public long seed() {
    return seed;
  }

  public Config config() {
    return config;
  }

  public String scenario() {
    return config.owner();
  }

  /** The configuration keys the person gave (a training's scenario keys). */
  Map<String, Object> userOverrides() {
    return userOverrides;
  }

  /**
   * Every agent on the track of the next seed (a new track for race, a new room for navigate), and
   * in a body family on the body that seed draws.
   */
  public void newTrack() {
    seed++;
    restart();
    boolean family = seats.agents().stream().anyMatch(Agent::ofAFamily);
    message(
        "seed "
            + seed
            + ": a new "
            + Scenarios.presentation(scenario()).world()
            + (family ? " and a new body from the family" : ""));
  }

  /**
   * The same session on another scenario (this one is closed): every agent keeps its number and
   * colour, and one that cannot drive the new scenario (a race policy on the arm, the keys on the
   * arm) sits out with a message and drives again after a switch back; a clone stays, and a live
   * training that has ended comes along as its saved policy. The speed, the recordings (cloned
   * again on the scenario they were made on) and the teaching and training settings come along; the
   * session's scenario keys do not. Refused with a message, returning this session, while a clone
   * or a live training runs.
   */
  public Session withScenario(String next) {
    if (next.equals(scenario())) {
      return this;
    }
    if (training.running() || teaching.cloning()) {
      message("cannot switch to " + next + " while training: stop it first");
      return this;
    }
    Scenarios.provider(next); // an unknown name is refused here
    List<Seats.Seat> kept = new ArrayList<>();
    for (Seats.Seat s : seats.all()) {
      if (s.driver() instanceof Driver.Live live) {
        Path saved = training.savedPolicy(live.number());
        if (saved == null) {
          message("agent " + (s.index() + 1) + " (" + live.label() + ") saved no policy: dropped");
          continue;
        }
        kept.add(new Seats.Seat(s.index(), new Driver.Clone(live.label(), saved)));
      } else {
        kept.add(s);
      }
    }
    close();
    // the log first: what the new session says on starting comes after it
    Messages log = new Messages();
    log.carryFrom(messages);
    Session s = new Session(kept, next, Map.of(), seed, listener, log);
    s.seats.numberAfter(seats.count());
    s.teaching.carryFrom(teaching);
    s.training.carryFrom(training);
    s.training.setSettings(training.settings());
    s.replays.setDir(replays.dir());
    s.clock.setSpeed(clock.speed());
    s.message(
        "scenario "
            + next
            + (userOverrides.isEmpty()
                ? ""
                : " (the keys " + userOverrides.keySet() + " were " + scenario() + "'s)"));
    return s;
  }

  /** The next registered scenario after this one's, in registration order. */
  public String nextScenario() {
    List<String> names = Scenarios.names();
    return names.get((names.indexOf(scenario()) + 1) % names.size());
  }

  /** Every agent on the track (or world) of {@code seed}, at the start. */
  void goToSeed(long next) {
    seed = next;
    restart();
    message("seed " + seed + ": every agent starts again");
  }

  /** Every agent back at the start of the current track; statistics are kept. */
  public void restart() {
    clock.restart();
    keyboard.centre();
    for (Agent a : seats.agents()) {
      a.restart(seed);
    }
    teaching.newEpisode();
  }

  // ---- agents ----

  public List<Agent> agents() {
    return List.copyOf(seats.agents());
  }

  /** Each lidar ray's weight in {@code agent}'s policy's action now; null if it has no policy. */
  public float[] raySaliency(Agent agent) {
    return seats.saliency(agent);
  }

  /**
   * The update of the live training whose weights drive {@code agent} now (the newest taken, or its
   * run's last once it has ended); 0 for an agent that no live training drives.
   */
  public int weightsUpdate(Agent agent) {
    PolicyBatch b = seats.batchOf(agent);
    return b == null ? 0 : b.update();
  }

  /** The axes the window sets from the keys; every keyboard agent reads them at each step. */
  public KeyboardInput keyboard() {
    return keyboard;
  }

  /** True when a person drives with the pointer here: a keyboard agent whose body follows it. */
  public boolean pointerDrives() {
    Agent a = keyboardAgent();
    return a != null && KeyboardInput.followsPointer(a.env());
  }

  public boolean hasKeyboardAgent() {
    return keyboardAgent() != null;
  }

  /** The first keyboard agent (the one recorded), or null. */
  Agent keyboardAgent() {
    return seats.keyboardAgent();
  }

  // ---- the parts ----

  /** Recording a person's driving and cloning it. */
  public Teaching teaching() {
    return teaching;
  }

  /** Adding and removing agents while the session runs. */
  public Roster roster() {
    return roster;
  }

  /** Every agent's seat. */
  Seats seats() {
    return seats;
  }

  /** Replays: saving episodes, and the one open on the timeline. */
  public Replays replays() {
    return replays;
  }

  /** Training live. */
  public LiveTraining training() {
    return training;
  }

  /** The session's message log, oldest first (errors and notices; the last 500). */
  public List<String> messages() {
    return messages.list();
  }

  public void message(String text) {
    messages.add(text);
  }

  /** Shows every message a background thread has queued, oldest first. */
  void relay(java.util.function.Supplier<String> queue) {
    messages.relay(queue);
  }

  /**
   * Stops a recording (closing its file) and a live training (waiting a while for its policy to be
   * saved), and waits a while for a clone being trained; the window calls it when it closes.
   */
  public void close() {
    teaching.close();
    training.close();
  }
}
