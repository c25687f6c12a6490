package dev.ugoki.desktop.session;

import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.sim.env.StepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Teaching: while recording, every step of the session's (first) keyboard agent is written to a
 * demonstration file under {@link #demosDir()}, flushed as it goes; {@link #trainClone()} then
 * clones this session's recordings by behavior cloning, a {@code bc} run like {@code ./ugoki train
 * --algo bc --demos ...} with its run folder under the training settings' runs folder, on a
 * background thread; when it is done its policy drives a new agent, {@code clone N}, on the same
 * track. With a starting policy in the training settings ({@code --from}) the clone fine-tunes that
 * policy, the demonstrations put into its layout.
 */
public final class Teaching {
  /** Where recorded demonstrations go unless {@link #setDemosDir} says otherwise. */
  public static final Path DEFAULT_DEMOS_DIR = Path.of("runs", "demos");

  private final Session session;
  private final List<Path> demoFiles = new ArrayList<>();

  /** The scenario each file recorded in the session was recorded on (added files: unknown). */
  private final java.util.Map<Path, String> recordedOn = new java.util.HashMap<>();

  private Path demosDir = DEFAULT_DEMOS_DIR;
  private DemoRecorder recorder;
  private TrainingThread cloneRun;
  private int clones;

  Teaching(Session session) {
    this.session = session;
  }

  /** The folder recorded demonstrations go to. */
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
      session.message(files.size() + " demonstration file(s) to clone (B): " + files);
    }
  }

  /**
   * The demonstration files to clone: those {@link #addDemoFiles added}, then those recorded in
   * this session, oldest first (the current one too).
   */
  public List<Path> demoFiles() {
    return List.copyOf(demoFiles);
  }

  public boolean recording() {
    return recorder != null;
  }

  /** Steps written by the current recording, 0 when not recording. */
  public long recordedSteps() {
    return recorder == null ? 0 : recorder.steps();
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
    Agent keys = session.keyboardAgent();
    if (keys == null) {
      session.message("nothing to record: no keyboard agent (start with --keyboard)");
      return;
    }
    try {
      recorder = DemoRecorder.start(demosDir, keys.env());
    } catch (IOException | RuntimeException e) {
      session.message("cannot record: " + e.getMessage());
      return;
    }
    demoFiles.add(recorder.path());
    recordedOn.put(recorder.path(), session.scenario());
    session.message("recording " + keys.name() + " to " + recorder.path());
  }

  private void stopRecording() {
    DemoRecorder r = recorder;
    recorder = null;
    try {
      r.close();
      session.message("recorded " + r.steps() + " steps to " + r.path());
    } catch (IOException e) {
      session.message("recording " + r.path() + " may be incomplete: " + e.getMessage());
    }
  }

  /** Writes one step of the recorded agent; a write that fails stops the recording. */
  void record(long seed, float[] obs, float[] action, StepResult r) {
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
      session.message("recording stopped: cannot write " + file + ": " + e.getMessage());
    }
  }

  /** The agents went back to the start: the recording's next steps are a new episode. */
  void newEpisode() {
    if (recorder != null) {
      try {
        recorder.newEpisode();
      } catch (IOException e) {
        session.message("recording " + recorder.path() + ": " + e.getMessage());
      }
    }
  }

  /** Attempts of the current recording that ended in a crash (0 when not recording). */
  public int recordedCrashes() {
    return recorder == null ? 0 : recorder.crashes();
  }

  /**
   * Drops the last attempt from the recording (the one being driven, or the one that just ended)
   * and puts the agents back at the start for the next; a message says what was dropped.
   */
  public void discardLastAttempt() {
    if (recorder == null) {
      session.message("not recording: nothing to discard (T starts a recording)");
      return;
    }
    try {
      long dropped = recorder.discardLastAttempt();
      if (dropped == 0) {
        session.message("nothing to discard yet");
        return;
      }
      session.restart();
      session.message(
          "discarded the last attempt: "
              + dropped
              + " steps ("
              + recorder.steps()
              + " kept in "
              + recorder.path().getFileName()
              + ")");
    } catch (IOException e) {
      session.message("cannot discard from " + recorder.path() + ": " + e.getMessage());
    }
  }

  /** True while a clone is being trained in the background. */
  public boolean cloning() {
    return cloneRun != null;
  }

  /**
   * Trains a clone on the session's demonstrations of the scenario shown: those recorded on it and
   * those added; see {@link #trainClone(List)}.
   */
  public void trainClone() {
    List<Path> here = new ArrayList<>();
    for (Path f : demoFiles) {
      String on = recordedOn.get(f);
      if (on == null || on.equals(session.scenario())) {
        here.add(f);
      }
    }
    if (here.isEmpty()) {
      session.message(
          demoFiles.isEmpty()
              ? "no demonstrations to clone: record some first (T, with a keyboard agent)"
              : "no demonstrations of "
                  + session.scenario()
                  + " to clone ("
                  + demoFiles.size()
                  + " recorded on other scenarios): record some here first (T)");
      return;
    }
    trainClone(here);
  }

  /**
   * Takes over what {@code before} (the same session's teaching on its previous scenario) had: its
   * folder, its recordings with the scenario of each, and its clone count.
   */
  void carryFrom(Teaching before) {
    demosDir = before.demosDir;
    demoFiles.addAll(before.demoFiles);
    recordedOn.putAll(before.recordedOn);
    clones = before.clones;
  }

  /**
   * Starts cloning {@code files} in the background (a recording in progress is stopped first, so
   * that it is included whole). A damaged or mismatching file, or no steps at all, is a message and
   * nothing starts.
   */
  public void trainClone(List<Path> files) {
    if (cloning()) {
      session.message("a clone is already being trained: wait for it");
      return;
    }
    if (files.isEmpty()) {
      session.message("no demonstrations to clone");
      return;
    }
    if (recording()) {
      stopRecording();
    }
    TrainingSettings settings = session.training().settings();
    RunPlan plan;
    try {
      // the scenario as it was recorded (with the window's watch keys: a long episode), so that
      // the run's config is the demonstrations' own
      plan =
          RunPlan.resolve(
              settings.request(
                  session.scenario(),
                  "bc",
                  session.config().asMap(),
                  session.seed(),
                  List.copyOf(files)));
    } catch (RuntimeException e) {
      session.message("clone not trained: " + e.getMessage());
      return;
    }
    clones++;
    cloneRun = new TrainingThread(plan);
    cloneRun.start(settings.runsDir());
    session.message("cloning " + files.size() + " demonstration file(s) in the background...");
  }

  /** Hands the clone's messages, and its policy once trained, to the session (render thread). */
  void poll() {
    if (cloneRun == null) {
      return;
    }
    session.relay(cloneRun::pollMessage);
    if (cloneRun.running()) {
      return;
    }
    TrainingThread done = cloneRun;
    cloneRun = null;
    session.relay(done::pollMessage);
    if (done.outcome() != null) {
      session
          .roster()
          .addTrained(new Driver.Clone("clone " + clones, new RunFolder(done.runDir()).policy()));
    }
  }

  /** Waits for a clone training to end [ms], then takes its result (for tests). */
  void awaitClone(long timeoutMs) throws InterruptedException {
    if (cloneRun != null) {
      cloneRun.join(timeoutMs);
    }
    poll();
  }

  /** Stops a recording and waits a while for a clone being trained (the window closes). */
  void close() {
    if (recording()) {
      stopRecording();
    }
    if (cloneRun != null) {
      try {
        cloneRun.join(TrainingThread.CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // what a clone said after the last frame (a damaged file) is still worth reading
      session.relay(cloneRun::pollMessage);
    }
  }
}
