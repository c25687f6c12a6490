package dev.ugoki.desktop.session;

import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayRecorder;
import dev.ugoki.core.replay.Replayer;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.scene.Scene;

/**
 * One body in the session: its own environment (on the session's track), who drives it, and the
 * running statistics the HUD shows. A finished episode (a crash, the laps done, the time limit)
 * starts again at once on the same track, so that an agent keeps driving while a person watches: at
 * the track's start, or, for an agent forked from a replay, where it took the replay over.
 *
 * <p>"Laps" are whole units of the scenario's {@code info.progress}: laps of the track in {@code
 * race}, goals reached in {@code navigate}; a lap's time runs from the previous one (or the start
 * of the episode).
 */
public final class Agent {
  private final int index;
  private final Driver driver;
  private final Env env;

  /** What keeps this agent's episode as a replay, inside the env's wrappers; null if nothing. */
  private final ReplayRecorder recorder;

  /**
   * Where every episode starts when not at the session's start: the state after the first {@link
   * #startSteps} steps of this replay, played again from its seed (the simulation is
   * deterministic). An agent playing a replay starts at its first state; a fork where it took over.
   */
  private Replay startReplay;

  private int startSteps;

  private Expert expert;

  private float[] observation;
  private float[] lastAction;
  private RewardTerms lastTerms;
  private double episodeReturn;
  private double lastEpisodeReturn = Double.NaN;
  private String lastOutcome = "";
  private int episodes;
  private int crashes;
  private double episodeTimeS;
  private int lapsThisEpisode;
  private double lapStartS;
  private double lastLapS = Double.NaN;
  private double bestLapS = Double.NaN;
  private int lapsTotal;

  Agent(int index, Driver driver, Env env) {
    this.index = index;
    this.driver = driver;
    this.env = env;
    this.recorder = ReplayRecorder.in(env);
    this.lastAction = new float[env.actionSpec().size()];
    if (driver instanceof Driver.Replayed r) {
      startReplay = r.replay();
    }
  }

  /**
   * Starts a new episode on the seed's track, or at this agent's start in a replay ({@link
   * #startAt}); the statistics across episodes are kept.
   */
  void reset(long seed) {
    observation = env.reset(startReplay != null ? startReplay.seed() : seed);
    if (driver instanceof Driver.Expert) {
      expert = env.expert();
    }
    lastTerms = null;
    episodeReturn = 0;
    episodeTimeS = 0;
    lapsThisEpisode = 0;
    lapStartS = 0;
    for (int t = 0; t < startSteps; t++) {
      advance(Replayer.actionIn(env, startReplay.action(t)), false);
    }
  }

  /** A new start: a new episode, and the statistics across episodes (laps, best, crashes) anew. */
  void restart(long seed) {
    episodes = 0;
    crashes = 0;
    lapsTotal = 0;
    bestLapS = Double.NaN;
    lastLapS = Double.NaN;
    lastEpisodeReturn = Double.NaN;
    lastOutcome = "";
    reset(seed);
  }

  /** The expert's action for the current state; only for an expert-driven agent. */
  float[] expertAction() {
    return expert.act();
  }

  /**
   * Advances one step with the action; a finished episode restarts on {@code seed}. Returns the
   * step's result (its observation is the one after the step, before any restart).
   */
  StepResult step(float[] action, long seed) {
    StepResult r = advance(action, true);
    if (r.done() && driver instanceof Driver.Replayed) {
      // a replay ends where its episode did: the body stays there
      lastOutcome = Replay.endOf(r);
      lastEpisodeReturn = episodeReturn;
    } else if (r.done()) {
      episodes++;
      if (r.info().crashed()) {
        crashes++;
      }
      lastEpisodeReturn = episodeReturn;
      lastOutcome = r.info().crashed() ? "crash" : r.info().success() ? "done" : "time limit";
      RewardTerms terms = lastTerms;
      reset(seed);
      lastTerms = terms; // the HUD shows what ended the episode until the next step
    }
    return r;
  }

  /**
   * One step of the episode going on: its action, reward terms, return, time and laps. A lap counts
   * in the figures across episodes when {@code driven}; the steps to a start in a replay, played
   * again at every reset, are not this agent's laps.
   */
  private StepResult advance(float[] action, boolean driven) {
    StepResult r = env.step(action);
    lastAction = action.clone();
    lastTerms = r.info().rewardTerms();
    episodeReturn += r.reward();
    episodeTimeS = r.info().episodeTimeS();
    int laps = (int) Math.floor(r.info().progress());
    if (laps > lapsThisEpisode) {
      if (driven) {
        lastLapS = episodeTimeS - lapStartS;
        bestLapS = Double.isNaN(bestLapS) ? lastLapS : Math.min(bestLapS, lastLapS);
        lapsTotal += laps - lapsThisEpisode;
      }
      lapsThisEpisode = laps;
      lapStartS = episodeTimeS;
    }
    observation = r.observation();
    return r;
  }

  /**
   * Makes the state {@code replay} (of this agent's scenario configuration) is in after its first
   * {@code step} steps this agent's start, and puts it there: every episode from now on (after a
   * crash, the laps done, a restart) starts there again, played from the replay's seed. The figures
   * across episodes start anew.
   */
  void startAt(Replay replay, int step) {
    replay.requireStep(step);
    startReplay = replay;
    startSteps = step;
    restart(replay.seed());
  }

  /**
   * For an agent playing a replay: puts it after the replay's first {@code step} steps. Not yet
   * past {@code step}, it only plays on to it (a scrub forward costs the steps between, not the
   * whole way from the start); else it plays the replay again from its start, the figures anew.
   */
  void seek(int step) {
    Replay replay = ((Driver.Replayed) driver).replay();
    replay.requireStep(step);
    if (recorder == null || step < recorder.steps()) {
      restart(replay.seed());
    }
    for (int t = episodeSteps(); t < step; t++) {
      step(Replayer.actionIn(env, replay.action(t)), replay.seed());
    }
  }

  /** For an agent playing a replay: whether it has played every step (it then stands still). */
  boolean replayOver() {
    return driver instanceof Driver.Replayed r
        && recorder != null
        && recorder.steps() >= r.replay().steps();
  }

  /** For an agent playing a replay: the action of its next step. */
  float[] replayAction() {
    return ((Driver.Replayed) driver).replay().action(recorder.steps());
  }

  /** Steps into the episode going on (or played of a replay). */
  public int episodeSteps() {
    return recorder == null ? 0 : recorder.steps();
  }

  /**
   * The episode to keep as a replay: the one going on, or, when that has run under {@code minS}
   * seconds, the one that ended before it (a person saving just after a crash means the crash);
   * null when there is none.
   */
  public Replay replayToSave(double minS) {
    if (recorder == null) {
      return null;
    }
    Replay now = recorder.current();
    Replay before = recorder.lastFinished();
    if (before != null && (now == null || episodeTimeS < minS)) {
      return before;
    }
    return now == null || now.steps() == 0 ? before : now;
  }

  public int index() {
    return index;
  }

  public Driver driver() {
    return driver;
  }

  /** A name for the HUD: its number and driver, e.g. {@code 2 expert}. */
  public String name() {
    return (index + 1) + " " + driver.label();
  }

  public Env env() {
    return env;
  }

  public Scene scene() {
    return env.scene();
  }

  /** The current observation (not a copy: do not change it). */
  float[] observation() {
    return observation;
  }

  /** The action of the last step (zeros before the first). */
  public float[] lastAction() {
    return lastAction.clone();
  }

  /** The last step's reward terms, or null before the first step. */
  public RewardTerms lastTerms() {
    return lastTerms;
  }

  public double episodeReturn() {
    return episodeReturn;
  }

  /** The return of the last finished episode, NaN before one finished. */
  public double lastEpisodeReturn() {
    return lastEpisodeReturn;
  }

  /** How the last episode ended: {@code crash}, {@code done}, {@code time limit}, or empty. */
  public String lastOutcome() {
    return lastOutcome;
  }

  public int episodes() {
    return episodes;
  }

  public int crashes() {
    return crashes;
  }

  public double episodeTimeS() {
    return episodeTimeS;
  }

  /** Time since the current lap began [s]. */
  public double lapTimeS() {
    return episodeTimeS - lapStartS;
  }

  /** The last completed lap's time [s], NaN before one. */
  public double lastLapS() {
    return lastLapS;
  }

  /** The fastest completed lap over all episodes [s], NaN before one. */
  public double bestLapS() {
    return bestLapS;
  }

  public int lapsTotal() {
    return lapsTotal;
  }

  /**
   * What the body now driving reads (in a multitask environment, this episode's task's body): its
   * speed, heading, place and further readings, as its scenario tells them.
   */
  public Telemetry telemetry() {
    return env.unwrapped().telemetry();
  }

  /** The task of the body now driving: the scenario's name, or this episode's task in multitask. */
  public String task() {
    return telemetry().task();
  }

  /** Speed of the body (of the arm's tip) [m/s]; NaN for a body that tells none. */
  public double speedMps() {
    return telemetry().speedMps();
  }

  /** Whether the body is drawn from a family (a new seed, a new body). */
  boolean ofAFamily() {
    return env.unwrapped() instanceof dev.ugoki.sim.scenario.ScenarioBase<?> b
        && !b.bodyFactors().isEmpty();
  }

  /** Which way the body faces [rad, counter-clockwise from +x]; NaN for the arm (no heading). */
  public double headingRad() {
    return telemetry().headingRad();
  }
}
