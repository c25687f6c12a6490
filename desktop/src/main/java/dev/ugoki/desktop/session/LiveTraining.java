package dev.ugoki.desktop.session;

import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.replay.ReplayRecorder;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.TrainingListener;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Training live in the window: PPO (or DAgger, or behavior cloning of the expert) in a background
 * thread ({@link TrainingThread}), the same job as {@code ./ugoki train} with its run folder under
 * the settings' runs folder. After every update its newest weights drive an agent ({@link
 * Driver.Live}) on the session's track, and its figures feed the {@link #curve() curve} the HUD
 * draws. {@link #saveCheckpoint()} writes a checkpoint after the current update; {@link #stop()}
 * ends the run there, with its policy saved. One run at a time.
 */
public final class LiveTraining {
  private final Session session;
  private TrainingSettings settings = TrainingSettings.defaults();
  private TrainingThread run;
  private PolicyBatch batch;
  private int runs;

  /** Whether the last run was stopped by the person (so that starting it again resumes it). */
  private boolean stoppedByPerson;

  /** The run folder of each earlier live training of the session, by its number. */
  private final java.util.Map<Integer, Path> pastRunDirs = new java.util.HashMap<>();

  private TrainingCurve curve = new TrainingCurve();

  /** The scenario and algorithm the curve is of: it is shown on that scenario only. */
  private String curveScenario;

  private String curveAlgo;

  LiveTraining(Session session) {
    this.session = session;
  }

  public TrainingSettings settings() {
    return settings;
  }

  /** How the next trainings (and clones) are configured. */
  public void setSettings(TrainingSettings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /** True while a live training runs (until its thread has ended). */
  public boolean running() {
    return run != null && run.running();
  }

  /**
   * The algorithm of the current (or last) live training, or null before one; a training of another
   * session on this one's way here counts.
   */
  public String algo() {
    return run != null ? run.run().algo() : curveAlgo;
  }

  /**
   * Whether the curve may be shown on {@code scenario}: not another scenario's training after a
   * switch (it comes back with a switch back).
   */
  public boolean curveIsOf(String scenario) {
    return curveScenario == null || curveScenario.equals(scenario);
  }

  /** The run folder of the current (or last) live training, or null before it is made. */
  public Path runDir() {
    return run == null ? null : run.runDir();
  }

  /** The figures of the current (or last) live training, one point per update. */
  public TrainingCurve curve() {
    return curve;
  }

  /** Starts {@code algo} live, or stops it when it is the one running. */
  public void toggle(String algo) {
    if (running() && run.run().algo().equals(algo)) {
      stop();
    } else {
      start(algo);
    }
  }

  /**
   * Starts training {@code algo} ({@code ppo}, {@code dagger} or {@code bc}) on the session's
   * scenario in the background. A bad training config, or a training already running, becomes a
   * message.
   */
  public void start(String algo) {
    // what the last run said and left (its final weights) before it is replaced
    poll();
    if (running()) {
      session.message(run.run().algo() + " is training already: stop it first");
      return;
    }
    // a PPO run the person stopped goes on from its last checkpoint, its agent and curve kept
    boolean resume =
        stoppedByPerson
            && algo.equals("ppo")
            && run != null
            && run.run().algo().equals(algo)
            && run.run().scenario().equals(session.scenario())
            && run.runDir() != null;
    RunPlan plan;
    try {
      plan =
          resume
              ? RunPlan.resume(run.runDir(), null)
              : RunPlan.resolve(
                  settings.request(
                      session.scenario(), algo, session.userOverrides(), null, List.of()));
    } catch (java.io.IOException | RuntimeException e) {
      session.message("cannot " + (resume ? "resume " : "train ") + algo + ": " + e.getMessage());
      return;
    }
    stoppedByPerson = false;
    if (resume) {
      Path dir = run.runDir();
      run = new TrainingThread(plan);
      run.start(settings.runsDir());
      session.message(
          "resuming " + algo + " from its last checkpoint in " + dir + "; its agent drives on");
      return;
    }
    if (run != null && run.runDir() != null) {
      pastRunDirs.put(runs, run.runDir());
    }
    runs++;
    run = new TrainingThread(plan);
    batch = null;
    curve = new TrainingCurve();
    curveScenario = session.scenario();
    curveAlgo = algo;
    run.start(settings.runsDir());
    session.message(
        "starting "
            + algo
            + " in the background; its newest weights will drive "
            + new Driver.Live(algo, runs).label());
  }

  /** Ends the live training after its current update, saving its policy. */
  public void stop() {
    if (!running()) {
      session.message("no training is running");
      return;
    }
    run.requestStop();
    stoppedByPerson = true;
    session.message(
        "stopping "
            + run.run().algo()
            + " after this update..."
            + (run.run().algo().equals("ppo") ? " (P again resumes it)" : ""));
  }

  /** Writes a checkpoint of the live training after its current update. */
  public void saveCheckpoint() {
    if (!running()) {
      session.message("no training is running: nothing to checkpoint");
      return;
    }
    run.requestCheckpoint();
    session.message("checkpoint after this update...");
  }

  /**
   * The policy live training {@code number} of the session saved (its policy.zip, or its newest
   * checkpoint when it was stopped before the end), or null when it saved none.
   */
  Path savedPolicy(int number) {
    Path dir = number == runs && run != null ? run.runDir() : pastRunDirs.get(number);
    if (dir == null) {
      return null;
    }
    RunFolder folder = new RunFolder(dir);
    for (Path p : List.of(folder.policy(), folder.latestCheckpoint())) {
      if (java.nio.file.Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Takes over what {@code before} (the same session's live training on its previous scenario,
   * ended) had: its count, its run folders and the curve of its last run.
   */
  void carryFrom(LiveTraining before) {
    runs = before.runs;
    pastRunDirs.putAll(before.pastRunDirs);
    if (before.run != null && before.run.runDir() != null) {
      pastRunDirs.put(before.runs, before.run.runDir());
    }
    curve = before.curve;
    curveScenario = before.curveScenario;
    curveAlgo = before.curveAlgo;
    settings = before.settings;
  }

  /** Hands the live training's messages, figures and newest weights to the render thread. */
  void poll() {
    if (run == null) {
      return;
    }
    session.relay(run::pollMessage);
    for (TrainingListener.Update u = run.pollUpdate(); u != null; u = run.pollUpdate()) {
      curve.add(u);
    }
    TrainingThread.Snapshot snap = run.takeSnapshot();
    if (snap == null) {
      return;
    }
    // from here on only this thread uses the copy
    if (batch != null) {
      batch.swap(snap.policy(), snap.update().update());
      return;
    }
    Env env;
    try {
      env =
          PolicyFit.fit(
              "the trained policy",
              run.run().scenario(),
              snap.policy().observationSpec(),
              snap.policy().actionSpec(),
              new ReplayRecorder(Scenarios.make(session.config()), run.run().algo() + " live"));
    } catch (IllegalArgumentException e) {
      session.message("the trained policy cannot drive in this window: " + e.getMessage());
      run.requestStop();
      return;
    }
    batch = new PolicyBatch(snap.policy(), snap.update().update());
    Agent agent = session.addDriven(new Driver.Live(run.run().algo(), runs), env, batch);
    session.message(
        "agent "
            + agent.name()
            + " drives with the weights of update "
            + batch.update()
            + ", then of each newer update as it comes");
  }

  /** Waits for the live training to end [ms], then takes what it left (for tests). */
  void await(long timeoutMs) throws InterruptedException {
    if (run != null) {
      run.join(timeoutMs);
    }
    poll();
  }

  /** Stops a live training and waits a while for its policy to be saved (the window closes). */
  void close() {
    if (running()) {
      run.requestStop();
      try {
        run.join(TrainingThread.CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (run != null) {
      session.relay(run::pollMessage);
    }
  }
}
