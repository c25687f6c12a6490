package dev.ugoki.desktop.session;

import dev.ugoki.core.replay.Replay;
import dev.ugoki.core.replay.ReplayFile;
import dev.ugoki.core.replay.Replayer;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.CommonParams;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Replays in the window: every agent's episode is kept as it drives ({@code ReplayRecorder}), and
 * {@link #save} writes one to a file; a replay file opened here drives an agent of its own (on its
 * own configuration and seed, so it plays exactly as recorded), and the newest one is the {@link
 * #timeline() timeline}: {@link #seek} scrubs it to any step, forward or back, by simulating again
 * from its seed (the simulation is deterministic), and {@link #fork} hands the body, from exactly
 * that state, to the keys, the expert or a policy, as a new agent beside the replay.
 */
public final class Replays {
  /** Where saved replays go unless {@link #setDir} says otherwise. */
  public static final Path DEFAULT_DIR = Path.of("runs", "replays");

  /** An episode shorter than this is not what a person saving means: the one before is [s]. */
  static final double MIN_SAVED_S = 3;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final Session session;
  private Path dir = DEFAULT_DIR;

  Replays(Session session) {
    this.session = session;
  }

  /** The replay open in the window: the agent playing it, and where it is. */
  public record Timeline(Agent agent, Replay replay) {
    /** Steps played. */
    public int step() {
      return agent.episodeSteps();
    }

    public int steps() {
      return replay.steps();
    }

    /** Simulated time of one of the replay's steps [s] (its agent runs on its configuration). */
    public double stepSeconds() {
      return CommonParams.policyStepS(agent.env().unwrapped().config());
    }
  }

  public Path dir() {
    return dir;
  }

  public void setDir(Path dir) {
    this.dir = Objects.requireNonNull(dir);
  }

  /** The newest replay driving here, or null. */
  public Timeline timeline() {
    List<Agent> agents = session.agents();
    for (int i = agents.size() - 1; i >= 0; i--) {
      if (agents.get(i).driver() instanceof Driver.Replayed r) {
        return new Timeline(agents.get(i), r.replay());
      }
    }
    return null;
  }

  /**
   * Reads a replay file, or says why not (a message) and returns null; also refused when this
   * version cannot build its scenario configuration.
   */
  public Replay read(Path file) {
    try {
      Replay r = ReplayFile.read(file);
      r.resolvedConfig(); // a key this version does not know is refused here
      return r;
    } catch (IOException e) {
      session.message("cannot read " + file + ": " + e);
    } catch (IllegalArgumentException e) {
      session.message(e.getMessage());
    }
    return null;
  }

  /**
   * Adds an agent that plays {@code replay} (of this session's scenario) from its start, with every
   * agent moved to its seed; returns it, or null with a message.
   */
  public Agent open(Path file, Replay replay) {
    if (!replay.scenario().equals(session.scenario())) {
      session.message(
          "the replay " + file + " is of " + replay.scenario() + ", not " + session.scenario());
      return null;
    }
    if (replay.seed() != session.seed()) {
      session.goToSeed(replay.seed());
    }
    Agent a = session.addSeat(new Driver.Replayed(file, replay), null);
    if (a == null) {
      return null;
    }
    a.reset(replay.seed());
    session.message(
        "agent "
            + a.name()
            + ": "
            + replay.steps()
            + " steps by "
            + replay.driver()
            + ", "
            + replay.end()
            + ownKeys(replay));
    return a;
  }

  /**
   * What the replay's configuration sets otherwise than the window's ({@code race.laps} for an
   * evaluation's episode, which a watched race lets run to 100), said so that a person knows the
   * replay plays on its own; empty when they agree.
   */
  private String ownKeys(Replay replay) {
    java.util.List<String> differ = new java.util.ArrayList<>();
    Map<String, Object> here =
        dev.ugoki.core.io.CanonicalJson.plainValues(session.config().asMap());
    replay
        .config()
        .forEach(
            (k, v) -> {
              if (!v.equals(here.get(k))) {
                differ.add(k + "=" + v);
              }
            });
    if (differ.isEmpty()) {
      return "";
    }
    int shown = Math.min(3, differ.size());
    return "; on its own configuration ("
        + String.join(", ", differ.subList(0, shown))
        + (differ.size() > shown ? " and " + (differ.size() - shown) + " more" : "")
        + ")";
  }

  /** Scrubs the timeline to {@code step} (clamped to the replay), paused; false without one. */
  public boolean seek(int step) {
    Timeline t = timeline();
    if (t == null) {
      session.message("no replay is open: open one (drop a .replay.jsonl file, or --replay)");
      return false;
    }
    session.clock().setPaused(true);
    t.agent().seek(Math.max(0, Math.min(step, t.steps())));
    return true;
  }

  /**
   * A new agent driven by {@code driver} that starts exactly where the timeline is (its body in the
   * replay's state at that step), beside the replay, and starts there again after a crash; null
   * with a message when it cannot.
   */
  public Agent fork(Driver driver) {
    Timeline t = timeline();
    if (t == null) {
      session.message("no replay is open to fork");
      return null;
    }
    int step = t.step();
    Replay replay = t.replay();
    Agent a = session.addSeat(driver, () -> Scenarios.make(replay.resolvedConfig()));
    if (a == null) {
      return null;
    }
    if (step == replay.steps() && !Replay.CUT.equals(replay.end())) {
      step--; // the last state ended the episode: take over one step before
    }
    a.startAt(replay, Math.max(0, step));
    session.message(
        String.format(
            Locale.ROOT,
            "agent %s takes over %s at step %d (%.1f s)",
            a.name(),
            t.agent().driver().label(),
            Math.max(0, step),
            Math.max(0, step) * t.stepSeconds()));
    return a;
  }

  /**
   * Saves {@code agent}'s episode (the one going on, or the one that just ended) as a replay file
   * under {@link #dir()}; returns the file, or null with a message.
   */
  public Path save(Agent agent) {
    Replay r = agent.replayToSave(MIN_SAVED_S);
    if (r == null || r.steps() == 0) {
      session.message("agent " + agent.name() + " has no episode to save yet");
      return null;
    }
    String name =
        String.format(
            Locale.ROOT,
            "%s-seed%d-agent%d-%s%s",
            r.scenario(),
            r.seed(),
            agent.index() + 1,
            LocalDateTime.now().format(STAMP),
            ReplayFile.SUFFIX);
    Path file = dir.resolve(name);
    for (int n = 2; java.nio.file.Files.exists(file); n++) {
      file = dir.resolve(name.replace(ReplayFile.SUFFIX, "-" + n + ReplayFile.SUFFIX));
    }
    try {
      ReplayFile.write(file, r);
    } catch (IOException e) {
      session.message("cannot save the replay: " + e);
      return null;
    }
    Replayer.Check check = Replayer.verify(r);
    session.message(
        "saved agent "
            + agent.name()
            + "'s episode ("
            + r.steps()
            + " steps, "
            + r.end()
            + ") to "
            + file
            + (check.reproduced() ? "" : "; it does NOT replay: " + check.why()));
    return file;
  }
}
