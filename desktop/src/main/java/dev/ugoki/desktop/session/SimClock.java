package dev.ugoki.desktop.session;

import java.util.List;

/**
 * The simulation clock: fixed steps from the frames' wall-clock time. {@link #due(double)} takes
 * the frame's time, multiplies it by the speed and answers how many whole steps of {@link
 * #stepSeconds()} the accumulated time holds; the rest waits for the next frame. The states
 * therefore depend on the total time only, never on the frame rate.
 */
public final class SimClock {
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

  private final double stepS;
  private boolean paused;
  private int speed = 1;
  private double accumulatorS;
  private long steps;

  /** Wall-clock and simulated time of the current measuring window [s], and its result. */
  private double windowWallS;

  private double windowSimS;
  private double achieved = Double.NaN;

  /** Wall-clock length of the window the achieved speed is measured over [s]. */
  static final double WINDOW_S = 1.0;

  /** A clock of steps of {@code stepS} seconds [s]. */
  SimClock(double stepS) {
    this.stepS = stepS;
  }

  /**
   * Lets {@code frameS} seconds of wall-clock time pass (at most {@link #MAX_FRAME_S}), times the
   * speed, unless paused; returns the whole steps now due, which the caller runs.
   */
  int due(double frameS) {
    if (paused || !(frameS > 0)) {
      return 0;
    }
    accumulatorS += Math.min(frameS, MAX_FRAME_S) * speed;
    int n = 0;
    while (accumulatorS + EPSILON_S >= stepS) {
      accumulatorS -= stepS;
      n++;
    }
    accumulatorS = Math.max(accumulatorS, 0);
    windowWallS += frameS;
    windowSimS += n * stepS;
    if (windowWallS >= WINDOW_S) {
      achieved = windowSimS / windowWallS;
      windowWallS = 0;
      windowSimS = 0;
    }
    return n;
  }

  /**
   * Simulated seconds per wall-clock second over the last second running: below {@link #speed()}
   * when the machine cannot keep up (frames longer than {@link #MAX_FRAME_S} lose time); NaN before
   * a second has run.
   */
  public double achievedSpeed() {
    return achieved;
  }

  /** Pauses with no time left over: the next step is one asked for. */
  void pauseForSingleStep() {
    paused = true;
    accumulatorS = 0;
  }

  /** A restart: the time left over dropped, the steps counted from zero again. */
  void restart() {
    accumulatorS = 0;
    steps = 0;
  }

  /** Counts one step run. */
  void counted() {
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
}
