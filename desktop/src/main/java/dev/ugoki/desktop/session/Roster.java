package dev.ugoki.desktop.session;

import dev.ugoki.sim.registry.Scenarios;

/**
 * Who joins and leaves a running session: a person at the keys, a policy file, the expert, a clone
 * trained in the window; and any agent taken out. A new agent starts at the start of the track, or,
 * with a replay open, exactly where the replay's timeline is ({@link Replays#fork}).
 */
public final class Roster {
  private final Session session;

  Roster(Session session) {
    this.session = session;
  }

  /**
   * Adds an agent a person drives with the keys, and returns it; or says why not (one drives
   * already, or the keys cannot drive this scenario's body) and returns null.
   */
  public Agent addKeyboard() {
    Agent keys = session.keyboardAgent();
    if (keys != null) {
      session.message("you drive agent " + keys.name() + " already");
      return null;
    }
    Seats.Seat out = session.seats().keyboardSittingOut();
    if (out != null) {
      session.message(
          "agent "
              + (out.index() + 1)
              + " (keyboard) sits out "
              + session.scenario()
              + ": the keys cannot drive it");
      return null;
    }
    if (!KeyboardInput.canDrive(Scenarios.make(session.config()))) {
      session.message("the keys cannot drive " + session.scenario() + "'s body");
      return null;
    }
    Agent added = join(new Driver.Keyboard());
    if (added != null) {
      session.message(
          "agent "
              + added.name()
              + (KeyboardInput.followsPointer(added.env())
                  ? " drives: its tip follows the mouse pointer"
                  : " drives: W A S D or the arrow keys"));
    }
    return added;
  }

  /**
   * Adds an agent driven by a policy file or the expert, and returns it; or says why not (a file
   * that cannot drive here) and returns null.
   */
  public Agent add(Driver driver) {
    boolean fork = session.replays().timeline() != null;
    Agent added = join(driver);
    if (added != null && !fork) {
      session.message("agent " + added.name() + " drives");
    }
    return added;
  }

  /** Adds an agent driven by a policy file trained in this session (a clone), at the start. */
  void addTrained(Driver.Clone driver) {
    Agent added = session.addSeat(driver, null);
    if (added != null) {
      added.reset(session.seed());
      session.message("agent " + added.name() + " drives");
    }
  }

  private Agent join(Driver driver) {
    if (session.replays().timeline() != null) {
      return session.replays().fork(driver);
    }
    Agent added = session.addSeat(driver, null);
    if (added != null) {
      added.reset(session.seed());
    }
    return added;
  }

  /**
   * Takes an agent out for good; refused with a message for the last one, a live training's while
   * it runs, and the keyboard agent while it is recorded.
   */
  public boolean remove(Agent agent) {
    String refused =
        session.agents().size() <= 1
            ? "it is the last one"
            : agent.driver() instanceof Driver.Live && session.training().running()
                ? "its training runs: stop it first (P or I)"
                : agent == session.keyboardAgent() && session.teaching().recording()
                    ? "it is being recorded: stop recording first (T)"
                    : null;
    if (refused != null) {
      session.message("agent " + agent.name() + " stays: " + refused);
      return false;
    }
    session.seats().remove(agent);
    session.message("agent " + agent.name() + " left");
    return true;
  }
}
