package dev.ugoki.sim.scenario;

/**
 * The bookkeeping of a scenario's episode: whether it has begun and ended, the steps taken, and the
 * refusal of a step out of turn, worded the same for every scenario.
 */
public final class Episode {
  private final String scenario;
  private boolean started;
  private boolean ended;
  private int steps;

  Episode(String scenario) {
    this.scenario = scenario;
  }

  /** A new episode: no steps, not ended. */
  public void begin() {
    started = true;
    ended = false;
    steps = 0;
  }

  /** A reset that was refused: no episode is running. */
  public void abort() {
    started = false;
  }

  /** Refuses a step before the first reset or after the episode ended. */
  public void checkStep() {
    if (!started) {
      throw new IllegalStateException(scenario + ": step() before reset(seed)");
    }
    if (ended) {
      throw new IllegalStateException(
          scenario + ": step() after the episode ended; call reset(seed)");
    }
  }

  /** Refuses a question about the state before the first reset. */
  public void requireStarted() {
    if (!started) {
      throw new IllegalStateException(scenario + ": call reset(seed) first");
    }
  }

  /** Counts one step; {@code terminated} ends the episode. Returns the steps so far. */
  public int stepped(boolean terminated) {
    steps++;
    ended = terminated;
    return steps;
  }

  /** True after a step that ended the episode, until the next reset. */
  public boolean ended() {
    return ended;
  }

  public int steps() {
    return steps;
  }
}
