package dev.ugoki.sim.env;

/**
 * A hand-written controller bound to one scenario instance. It reads the scenario's privileged
 * state (the track's centerline, the room's map) rather than the observation: it is the baseline a
 * learned policy must beat, the teacher for imitation learning, and the proof that the scenario is
 * solvable.
 */
public interface Expert {

  /** The action for the scenario's current state, inside the scenario's action bounds. */
  float[] act();
}
