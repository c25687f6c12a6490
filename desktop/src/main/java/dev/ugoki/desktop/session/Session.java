package dev.ugoki.desktop.session;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.Start;
import dev.ugoki.core.train.TrainingListener;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import dev.ugoki.sim.scenario.RaceScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the desktop app shows, without any graphics (SuperJumper's {@code World}): a scenario and a
 * seed, several agents on the same track (each in its own environment, so they pass through each
 * other: ghost racing), who drives each, and the simulation clock.
 *
 * <p>Time: {@link #advance(double)} takes the frame's wall-clock time, multiplies it by the speed
 * and runs as many fixed steps of {@link #stepSeconds()} as the accumulated time holds; the rest
 * waits for the next frame. The states therefore depend on the total time only, never on the frame
 * rate. Policies are asked once per step for all agents that share a policy file.
 *
 * <p>Bad input does not throw: a policy file that is missing, unreadable or made for another
 * scenario leaves its agent out and becomes a {@link #messages() message} for the window.
 *
 * <p>Teaching: while {@link #setRecording recording}, every step of the (first) keyboard agent is
 * written to a demonstration file under {@link #demosDir()}; {@link #trainClone()} then trains a
 * policy on this session's recordings by behavior cloning in a background thread and, when it is
 * done, adds it as a new agent on the same track (see {@link CloneTraining}).
 *
 * <p>Training live: {@link #startTraining(String)} runs PPO (or DAgger, or behavior cloning of the
 * expert) in a background thread, the same job as {@code ./ugoki train} with its run folder under
 * {@link #runsDir()}; after every update its newest weights drive an agent ({@link Driver.Live}) on
 * the session's track, and its figures feed the {@link #trainingCurve() curve} the HUD draws.
 * {@link #saveCheckpoint()} writes a checkpoint after the current update; {@link #stopTraining()}
 * ends the run there, with its policy saved (see {@link LiveTraining}).
 *
 * <p>Not thread-safe: the window's render thread owns it. The only other threads are the clone
 * training's and the live training's, which share nothing with it but concurrent containers polled
 * in {@link #advance(double)}.
 */
public final class Session {
  /** The camera target that follows no agent. */
  public static final int FREE_CAMERA = -1;

  /** The speeds a person can choose (keys 1 to 5). */
  public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8, 16);

  /**
   * Longest frame counted [s]: after a stall (a window drag, a debugger) the simulation skips ahead
   * at most this much instead of running hundreds of steps in one frame.
   */
  public static final double MAX_FRAME_S = 0.25;

  /**
   * Accumulated time within this much of a whole step counts as the whole step [s], so that 144
   * frames of 1/144 s run the same steps as 30 frames of 1/30 s despite rounding.
   */
  private static final double EPSILON_S = 1e-6;

  private static final int MESSAGES_KEPT = 6;

  /** Where live training runs go unless {@link #setTrainingSettings} says otherwise. */
  public static final Path DEFAULT_RUNS_DIR = Path.of("runs");

  /** How long closing the window waits for a live training to save its policy [ms]. */
  private static final long CLOSE_WAIT_MS = 30_000;

  /** Where recorded demonstrations go unless {@link #setDemosDir} says otherwise. */
  public static final Path DEFAULT_DEMOS_DIR = Path.of("runs", "demos");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** Hears what the window may want to know at once (and print). */
  public interface Listener {
    default void onMessage(String message) {}

    default void onLap(Agent agent, double lapS) {}
  }

  private final Config config;

  /** The configuration keys given by the person, without the watch defaults. */
  private final Map<String, Object> userOverrides;

  private final double stepS;
  private final List<Agent> agents = new ArrayList<>();
  private final List<PolicyBatch> batches = new ArrayList<>();
  private final KeyboardInput keyboard = new KeyboardInput();
  private final Deque<String> messages = new ArrayDeque<>();
  private Listener listener = new Listener() {};
  private final List<Path> demoFiles = new ArrayList<>();
  private final CloneTraining cloneTraining = new CloneTraining();
  private Path demosDir = DEFAULT_DEMOS_DIR;
  private DemoRecorder recorder;
  private int clones;
  private Path runsDir = DEFAULT_RUNS_DIR;
  private Path trainConfig;
  private List<String> trainSets = List.of();
  private Path trainFrom;
  private LiveTraining live;
  private PolicyBatch liveBatch;
  private int liveRuns;
  private TrainingCurve curve = new TrainingCurve();

  private long seed;
  private boolean paused;
  private int speed = 1;
  private double accumulatorS;
  private long steps;
  private int cameraTarget;

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
    if (listener != null) {
      this.listener = listener;
    }
    this.config = Scenarios.config(scenario, withWatchDefaults(scenario, overrides));
    this.userOverrides = Map.copyOf(overrides);
    this.stepS = config.real(CommonParams.DT) * config.integer(CommonParams.ACTION_REPEAT);
    this.seed = seed;
    Map<Path, PolicyBatch> byFile = new HashMap<>();
    for (Driver d : drivers.isEmpty() ? List.<Driver>of(new Driver.Expert()) : drivers) {
      addAgent(d, byFile);
    }
    if (agents.isEmpty()) {
      message("no agent could be started; the expert drives instead");
      addAgent(new Driver.Expert(), byFile);
    }
    for (Agent a : agents) {
      a.reset(seed);
    }
  }

  private static Map<String, Object> withWatchDefaults(String scenario, Map<String, ?> overrides) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (RaceScenario.NAME.equals(scenario)) {
      m.put("race.laps", 100);
      m.put(CommonParams.MAX_STEPS, 1_000_000);
    }
    m.putAll(overrides);
    return m;
  }

  private void addAgent(Driver driver, Map<Path, PolicyBatch> byFile) {
    addAgent(driver, byFile, null);
  }

  /** {@code clone}: the trained policy of a {@link Driver.Clone}, null for other drivers. */
  private void addAgent(Driver driver, Map<Path, PolicyBatch> byFile, PolicyFile.Loaded clone) {
    int index = agents.size();
    Env env = Scenarios.make(config);
    if (driver instanceof Driver.Clone) {
      // a clone fine-tuned from a foundation drives in its shared layout
      Env fitted =
          PolicyFit.fit("clone", config.owner(), clone.observationSpec(), clone.actionSpec(), env);
      Agent agent = new Agent(index, driver, fitted);
      PolicyBatch batch = new PolicyBatch(clone.policy());
      batch.add(agent);
      batches.add(batch);
      agents.add(agent);
      return;
    }
    String who = "agent " + (index + 1) + " (" + driver.label() + ")";
    if (driver instanceof Driver.Policy p) {
      PolicyBatch batch = byFile.get(p.file());
      Env fitted;
      try {
        if (batch == null) {
          PolicyFile.Loaded loaded = PolicyFile.load(p.file());
          batch = new PolicyBatch(p.file(), loaded);
        }
        // a foundation policy drives this scenario in its shared layout
        fitted = PolicyFit.fit(p.file(), batch.loaded(), env);
      } catch (RuntimeException | LinkageError e) {
        // PolicyFileException names the file and the reason; anything else (ND4J failing to
        // load its natives) is reported with its type.
        String why = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
        message(who + " left out: " + why);
        return;
      }
      if (byFile.putIfAbsent(p.file(), batch) == null) {
        batches.add(batch);
      }
      Agent agent = new Agent(index, driver, fitted);
      batch.add(agent);
      agents.add(agent);
      return;
    }
    if (driver instanceof Driver.Keyboard && !KeyboardInput.canDrive(env.actionSpec())) {
      message(who + " left out: the keys cannot drive the actions " + env.actionSpec().names());
      return;
    }
    agents.add(new Agent(index, driver, env));
  }

  public void setListener(Listener listener) {
    this.listener = Objects.requireNonNull(listener);
  }

  // ---- time ----

  /**
   * Lets {@code frameS} seconds of wall-clock time pass (at most {@link #MAX_FRAME_S}), times the
   * speed, unless paused. Returns the steps run.
   */
  public int advance(double frameS) {
    pollCloneTraining();
    pollLiveTraining();
    if (paused || !(frameS > 0)) {
      return 0;
    }
    accumulatorS += Math.min(frameS, MAX_FRAME_S) * speed;
    int n = 0;
    while (accumulatorS + EPSILON_S >= stepS) {
      stepAll();
      accumulatorS -= stepS;
      n++;
    }
    accumulatorS = Math.max(accumulatorS, 0);
    return n;
  }

  /** Exactly one step, pausing first: the way to look at one step at a time. */
  public void singleStep() {
    paused = true;
    accumulatorS = 0;
    stepAll();
  }

  private void stepAll() {
    float[][] actions = new float[agents.size()][];
    for (PolicyBatch b : batches) {
      float[][] a = b.act();
      for (int r = 0; r < a.length; r++) {
        actions[b.agents().get(r).index()] = a[r];
      }
    }
    for (Agent agent : agents) {
      if (agent.driver() instanceof Driver.Expert) {
        actions[agent.index()] = agent.expertAction();
      } else if (agent.driver() instanceof Driver.Keyboard) {
        actions[agent.index()] = keyboard.action(agent.env().actionSpec());
      }
    }
    Agent recorded = recorder == null ? null : keyboardAgent();
    for (Agent agent : agents) {
      int lapsBefore = agent.lapsTotal();
      float[] obsBefore = agent == recorded ? agent.observation().clone() : null;
      StepResult r = agent.step(actions[agent.index()], seed);
      if (agent == recorded) {
        record(obsBefore, actions[agent.index()], r);
      }
      if (agent.lapsTotal() > lapsBefore) {
        listener.onLap(agent, agent.lastLapS());
      }
    }
    steps++;
  }

  public boolean paused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  public void togglePause() {
    paused = !paused;
  }

  /** Simulated seconds per wall-clock second: one of {@link #SPEEDS}. */
  public int speed() {
    return speed;
  }

  public void setSpeed(int speed) {
    if (!SPEEDS.contains(speed)) {
      throw new IllegalArgumentException("speed must be one of " + SPEEDS + ", got " + speed);
    }
    this.speed = speed;
  }

  /** Simulated time of one step [s]: the scenario's dt times its action repeat. */
  public double stepSeconds() {
    return stepS;
  }

  /** Steps run since the session began. */
  public long steps() {
    return steps;
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

  /** Every agent on the track of the next seed (a new track for race, a new room for navigate). */
  public void newTrack() {
    seed++;
    restart();
    message(
        "seed " + seed + ": a new " + (RaceScenario.NAME.equals(scenario()) ? "track" : "world"));
  }

  /**
   * The same agents on another scenario, as a new session (this one is closed): experts, keyboards
   * and policy files come along (a policy file that cannot drive the new scenario is left out with
   * a message; a foundation policy drives every one), the session's scenario keys and recordings do
   * not. Refused with a message, returning this session, while a clone or a live training runs.
   */
  public Session withScenario(String next) {
    if (next.equals(scenario())) {
      return this;
    }
    if (trainingLive() || cloning()) {
      message("cannot switch to " + next + " while training: stop it first");
      return this;
    }
    Scenarios.entry(next); // an unknown name is refused here
    List<Driver> drivers = new ArrayList<>();
    for (Agent a : agents) {
      if (a.driver() instanceof Driver.Clone c && c.file() != null) {
        drivers.add(new Driver.Policy(c.file()));
      } else if (!(a.driver() instanceof Driver.Clone) && !(a.driver() instanceof Driver.Live)) {
        drivers.add(a.driver());
      }
    }
    close();
    Session s = new Session(next, Map.of(), seed, drivers, listener);
    s.demosDir = demosDir;
    s.runsDir = runsDir;
    s.trainConfig = trainConfig;
    s.trainSets = trainSets;
    s.trainFrom = trainFrom;
    s.speed = speed;
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

  /** Every agent back at the start of the current track; statistics are kept. */
  public void restart() {
    accumulatorS = 0;
    for (Agent a : agents) {
      a.reset(seed);
    }
    if (recorder != null) {
      recorder.newEpisode();
    }
  }

  // ---- agents and camera ----

  public List<Agent> agents() {
    return List.copyOf(agents);
  }

  /** The axes the window sets from the keys; every keyboard agent reads them at each step. */
  public KeyboardInput keyboard() {
    return keyboard;
  }

  public boolean hasKeyboardAgent() {
    return keyboardAgent() != null;
  }

  /** The first keyboard agent (the one recorded), or null. */
  private Agent keyboardAgent() {
    for (Agent a : agents) {
      if (a.driver() instanceof Driver.Keyboard) {
        return a;
      }
    }
    return null;
  }

  /** The agent the camera follows, or {@link #FREE_CAMERA}. */
  public int cameraTarget() {
    return cameraTarget;
  }

  public void setCameraTarget(int target) {
    if (target != FREE_CAMERA && (target < 0 || target >= agents.size())) {
      throw new IllegalArgumentException(
          "camera target "
              + target
              + " is not an agent (0.."
              + (agents.size() - 1)
              + ") nor free ("
              + FREE_CAMERA
              + ")");
    }
    cameraTarget = target;
  }

  /** The next agent, then the free camera, then the first agent again. */
  public void nextCameraTarget() {
    cameraTarget =
        cameraTarget == FREE_CAMERA
            ? 0
            : cameraTarget + 1 < agents.size() ? cameraTarget + 1 : FREE_CAMERA;
  }

  /** The agent the HUD describes: the followed one, or the first when the camera is free. */
  public Agent focusAgent() {
    return agents.get(cameraTarget == FREE_CAMERA ? 0 : cameraTarget);
  }

  // ---- messages ----

  /** Recent messages for the window, oldest first (errors and notices; at most a few). */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** Shows every message a background thread has queued, oldest first. */
  private void relay(java.util.function.Supplier<String> queue) {
    for (String m = queue.get(); m != null; m = queue.get()) {
      message(m);
    }
  }

  public void message(String text) {
    messages.addLast(text);
    while (messages.size() > MESSAGES_KEPT) {
      messages.removeFirst();
    }
    listener.onMessage(text);
  }

  // ---- teaching: recording demonstrations and cloning them ----

  /** The folder recorded demonstrations (and the clones trained on them) go to. */
  public Path demosDir() {
    return demosDir;
  }

  public void setDemosDir(Path dir) {
    this.demosDir = Objects.requireNonNull(dir);
  }

  /**
   * Adds demonstration files made elsewhere (an earlier session, {@code ./ugoki train --algo bc})
   * to the ones {@link #trainClone()} clones. They are read when cloning starts: a missing, damaged
   * or mismatching file is a message then.
   */
  public void addDemoFiles(List<Path> files) {
    demoFiles.addAll(files);
    if (!files.isEmpty()) {
      message(files.size() + " demonstration file(s) to clone (B): " + files);
    }
  }

  public boolean recording() {
    return recorder != null;
  }

  /** Steps written by the current recording, 0 when not recording. */
  public long recordedSteps() {
    return recorder == null ? 0 : recorder.steps();
  }

  /**
   * The demonstration files to clone: those {@link #addDemoFiles added}, then those recorded in
   * this session, oldest first (the current one too).
   */
  public List<Path> demoFiles() {
    return List.copyOf(demoFiles);
  }

  public void toggleRecording() {
    setRecording(!recording());
  }

  /**
   * Starts or stops recording the keyboard agent. Starting makes a new file {@code
   * <demosDir>/<scenario>-<yyyyMMdd-HHmmss>.jsonl}; stopping closes it. Problems (no keyboard
   * agent, a folder that cannot be written) become messages.
   */
  public void setRecording(boolean on) {
    if (on == recording()) {
      return;
    }
    if (!on) {
      stopRecording();
      return;
    }
    Agent keys = keyboardAgent();
    if (keys == null) {
      message("nothing to record: no keyboard agent (start with --keyboard)");
      return;
    }
    try {
      recorder = DemoRecorder.start(demosDir, keys.env());
    } catch (IOException | RuntimeException e) {
      message("cannot record: " + e.getMessage());
      return;
    }
    demoFiles.add(recorder.path());
    message("recording " + keys.name() + " to " + recorder.path());
  }

  private void stopRecording() {
    DemoRecorder r = recorder;
    recorder = null;
    try {
      r.close();
      message("recorded " + r.steps() + " steps to " + r.path());
    } catch (IOException e) {
      message("recording " + r.path() + " may be incomplete: " + e.getMessage());
    }
  }

  private void record(float[] obs, float[] action, StepResult r) {
    try {
      recorder.write(seed, obs, action, r);
    } catch (IOException | RuntimeException e) {
      Path file = recorder.path();
      try {
        recorder.close();
      } catch (IOException ignored) {
        // already reported below: the recording stops either way
      }
      recorder = null;
      message("recording stopped: cannot write " + file + ": " + e.getMessage());
    }
  }

  /** True while a clone is being trained in the background. */
  public boolean cloning() {
    return cloneTraining.busy();
  }

  /**
   * Trains a clone on every demonstration recorded in this session; see {@link #trainClone(List)}.
   */
  public void trainClone() {
    if (demoFiles.isEmpty()) {
      message("no demonstrations to clone: record some first (T, with a keyboard agent)");
      return;
    }
    trainClone(demoFiles);
  }

  /**
   * Starts behavior cloning on {@code files} in the background (a recording in progress is stopped
   * first, so that it is included whole); with a starting policy ({@link #setTrainingSettings},
   * {@code --from}) it fine-tunes that policy instead of training a new one. When it is done,
   * {@link #advance} adds the policy as a new agent, {@code clone N}, on the current track; it is
   * saved as {@code <demosDir>/<scenario>-clone-<yyyyMMdd-HHmmss>.zip}. Progress and failures (a
   * damaged or mismatching file) become messages.
   */
  public void trainClone(List<Path> files) {
    if (cloning()) {
      message("a clone is already being trained: wait for it");
      return;
    }
    if (files.isEmpty()) {
      message("no demonstrations to clone");
      return;
    }
    if (recording()) {
      stopRecording();
    }
    clones++;
    Path saveAs =
        demosDir.resolve(
            scenario()
                + "-clone-"
                + LocalDateTime.now().format(STAMP)
                + (clones > 1 ? "-" + clones : "")
                + ".zip");
    cloneTraining.start(config, files, seed, clones, saveAs, trainFrom);
    message("cloning " + files.size() + " demonstration file(s) in the background...");
  }

  /** Hands the training thread's messages and finished policy to this (the render) thread. */
  private void pollCloneTraining() {
    relay(cloneTraining::pollMessage);
    CloneTraining.Result r = cloneTraining.takeResult();
    if (r == null) {
      return;
    }
    // from here on only this thread uses the policy's network
    PolicyFile.Loaded loaded =
        new PolicyFile.Loaded(
            r.policy(), r.meta(), r.policy().observationSpec(), r.policy().actionSpec(), null);
    addAgent(new Driver.Clone(r.number(), r.file()), new HashMap<>(), loaded);
    Agent added = agents.get(agents.size() - 1);
    added.reset(seed);
    message("agent " + added.name() + " drives");
  }

  /** Waits for a clone training to end [ms], then takes its result (for tests). */
  void awaitCloneTraining(long timeoutMs) throws InterruptedException {
    cloneTraining.join(timeoutMs);
    pollCloneTraining();
  }

  // ---- training live ----

  /**
   * How live trainings are configured: a run config in YAML as {@code ./ugoki train --config} takes
   * (null: the defaults), {@code --set} overrides ({@code ppo.num_envs=8}; the session's own
   * scenario keys are applied first), the folder run folders go to, and a policy to fine-tune
   * (null: fresh weights).
   */
  public void setTrainingSettings(Path configYaml, List<String> sets, Path runsDir, Path from) {
    this.trainFrom = from;
    this.trainConfig = configYaml;
    this.trainSets = List.copyOf(sets);
    this.runsDir = Objects.requireNonNull(runsDir);
  }

  public Path runsDir() {
    return runsDir;
  }

  /** True while a live training runs (until its thread has ended). */
  public boolean trainingLive() {
    return live != null && live.running();
  }

  /** The algorithm of the current (or last) live training, or null before one. */
  public String trainingAlgo() {
    return live == null ? null : live.run().algo();
  }

  /** The run folder of the current (or last) live training, or null before it is made. */
  public Path trainingRunDir() {
    return live == null ? null : live.runDir();
  }

  /** The figures of the current (or last) live training, one point per update. */
  public TrainingCurve trainingCurve() {
    return curve;
  }

  /**
   * The run config of a live training: the YAML file (or the defaults) for {@code scenario} and
   * {@code algo}, with the window's scenario keys, then {@code sets} (keys of the other algorithms,
   * {@code dagger.iterations=2} for a PPO run, are left out).
   *
   * @throws IllegalArgumentException for a bad file, key or value, naming it
   */
  public static RunConfig trainingConfig(
      Path yaml, String scenario, String algo, Map<String, ?> scenarioKeys, List<String> sets) {
    List<String> all = new ArrayList<>();
    scenarioKeys.forEach((k, v) -> all.add(k + "=" + v));
    for (String kv : sets) {
      String key = kv.contains("=") ? kv.substring(0, kv.indexOf('=')).trim() : kv;
      boolean otherAlgo =
          RunConfig.ALGOS.stream().anyMatch(a -> !a.equals(algo) && key.startsWith(a + "."));
      if (!otherAlgo) {
        all.add(kv);
      }
    }
    return RunConfig.resolve(yaml, scenario, algo, null, null, null, all);
  }

  /** Starts {@code algo} live, or stops it when it is the one running. */
  public void toggleTraining(String algo) {
    if (trainingLive() && live.run().algo().equals(algo)) {
      stopTraining();
    } else {
      startTraining(algo);
    }
  }

  /**
   * Starts training {@code algo} ({@code ppo}, {@code dagger} or {@code bc}) on this session's
   * scenario in the background. A bad training config, or a training already running, becomes a
   * message.
   */
  public void startTraining(String algo) {
    // what the last run said and left (its final weights) before it is replaced
    pollLiveTraining();
    if (trainingLive()) {
      message(live.run().algo() + " is training already: stop it first");
      return;
    }
    RunConfig run;
    try {
      run = trainingConfig(trainConfig, scenario(), algo, userOverrides, trainSets);
      if (trainFrom != null) {
        run = run.withFrom(trainFrom);
      }
      run = Start.adopt(run);
    } catch (RuntimeException e) {
      message("cannot train " + algo + ": " + e.getMessage());
      return;
    }
    liveRuns++;
    live = new LiveTraining(run);
    liveBatch = null;
    curve = new TrainingCurve();
    live.start(runsDir);
    message(
        "starting "
            + algo
            + " in the background; its newest weights will drive "
            + new Driver.Live(algo, liveRuns).label());
  }

  /** Ends the live training after its current update, saving its policy. */
  public void stopTraining() {
    if (!trainingLive()) {
      message("no training is running");
      return;
    }
    live.requestStop();
    message("stopping " + live.run().algo() + " after this update...");
  }

  /** Writes a checkpoint of the live training after its current update. */
  public void saveCheckpoint() {
    if (!trainingLive()) {
      message("no training is running: nothing to checkpoint");
      return;
    }
    live.requestCheckpoint();
    message("checkpoint after this update...");
  }

  /** Hands the live training's messages, figures and newest weights to this thread. */
  private void pollLiveTraining() {
    if (live == null) {
      return;
    }
    relay(live::pollMessage);
    for (TrainingListener.Update u = live.pollUpdate(); u != null; u = live.pollUpdate()) {
      curve.add(u);
    }
    LiveTraining.Snapshot snap = live.takeSnapshot();
    if (snap == null) {
      return;
    }
    // from here on only this thread uses the copy
    if (liveBatch != null) {
      liveBatch.swap(snap.policy());
      return;
    }
    Env env;
    try {
      env =
          PolicyFit.fit(
              "the trained policy",
              live.run().scenario(),
              snap.policy().observationSpec(),
              snap.policy().actionSpec(),
              Scenarios.make(config));
    } catch (IllegalArgumentException e) {
      message("the trained policy cannot drive in this window: " + e.getMessage());
      live.requestStop();
      return;
    }
    Agent agent = new Agent(agents.size(), new Driver.Live(live.run().algo(), liveRuns), env);
    liveBatch = new PolicyBatch(snap.policy());
    liveBatch.add(agent);
    batches.add(liveBatch);
    agents.add(agent);
    agent.reset(seed);
    message(
        "agent " + agent.name() + " drives with the weights of update " + snap.update().update());
  }

  /** Waits for the live training to end [ms], then takes what it left (for tests). */
  void awaitLiveTraining(long timeoutMs) throws InterruptedException {
    if (live != null) {
      live.join(timeoutMs);
    }
    pollLiveTraining();
  }

  /**
   * Stops a recording (closing its file) and a live training (waiting a while for its policy to be
   * saved), and waits a while for a clone being trained; the window calls it when it closes.
   */
  public void close() {
    if (recording()) {
      stopRecording();
    }
    if (cloning()) {
      try {
        cloneTraining.join(CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // what a clone said after the last frame (a damaged file) is still worth reading
    relay(cloneTraining::pollMessage);
    if (trainingLive()) {
      live.requestStop();
      try {
        live.join(CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (live != null) {
      relay(live::pollMessage);
    }
  }
}
