package dev.ugoki.desktop.session;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.replay.ReplayRecorder;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Who is in a session: every agent's seat, the number (so the name and colour) it keeps for the
 * whole session, driving on this scenario or not, and the agents that drive here, with the policy
 * batches that act for them. A driver that cannot drive a scenario (a policy file made for another,
 * the keys on the arm) sits it out with a message and keeps its seat, so that it drives again after
 * a switch to a scenario it can drive.
 */
final class Seats {
  /** One agent's place: its number (from 0) for the whole session, and its driver. */
  record Seat(int index, Driver driver) {}

  private final List<Seat> seats = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();
  private final List<PolicyBatch> batches = new ArrayList<>();
  private final Map<Path, PolicyBatch> byFile = new HashMap<>();
  private int next;

  /** One seat per driver, numbered in order. */
  static List<Seat> of(List<Driver> drivers) {
    List<Seat> s = new ArrayList<>();
    for (Driver d : drivers) {
      s.add(new Seat(s.size(), d));
    }
    return s;
  }

  /** A new seat, numbered after every other of the session. */
  Seat seat(Driver driver) {
    Seat s = new Seat(next++, driver);
    seats.add(s);
    return s;
  }

  /** Takes a seat of the same session on another scenario, with its number. */
  void keep(Seat s) {
    seats.add(s);
    next = Math.max(next, s.index() + 1);
  }

  /** Numbers from here on start after {@code n} (the seats a session had, driving or not). */
  void numberAfter(int n) {
    next = Math.max(next, n);
  }

  /** How many numbers the session has given. */
  int count() {
    return next;
  }

  List<Seat> all() {
    return List.copyOf(seats);
  }

  /** The agents driving here (the live list). */
  List<Agent> agents() {
    return agents;
  }

  List<PolicyBatch> batches() {
    return batches;
  }

  /**
   * Starts the agent of {@code seat} in a new environment; returns it, or null with a message when
   * its driver cannot drive here.
   */
  Agent add(Seat seat, Supplier<Env> envs, String scenario, Consumer<String> message) {
    Driver driver = seat.driver();
    String who = "agent " + (seat.index() + 1) + " (" + driver.label() + ") sits out " + scenario;
    if (driver instanceof Driver.Replayed r && !r.replay().scenario().equals(scenario)) {
      message.accept(who + ": it is a replay of " + r.replay().scenario());
      return null;
    }
    // a replay plays on its own configuration, whatever the session's
    Env env =
        new ReplayRecorder(
            driver instanceof Driver.Replayed r
                ? Scenarios.make(r.replay().resolvedConfig())
                : envs.get(),
            driver.label());
    Path file =
        driver instanceof Driver.Policy p
            ? p.file()
            : driver instanceof Driver.Clone c ? c.file() : null;
    if (file != null) {
      PolicyBatch batch = byFile.get(file);
      Env fitted;
      try {
        if (batch == null) {
          batch = new PolicyBatch(file, PolicyFile.load(file));
        }
        // a foundation policy (or a clone fine-tuned from one) drives in its shared layout
        fitted = PolicyFit.fit(file, batch.loaded(), env);
      } catch (RuntimeException | LinkageError e) {
        // PolicyFileException names the file and the reason; anything else (ND4J failing to
        // load its natives) is reported with its type.
        String why = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
        message.accept(who + ": " + why);
        return null;
      }
      if (byFile.putIfAbsent(file, batch) == null) {
        batches.add(batch);
      }
      Agent agent = new Agent(seat.index(), driver, fitted);
      batch.add(agent);
      agents.add(agent);
      return agent;
    }
    if (driver instanceof Driver.Keyboard && !KeyboardInput.canDrive(env)) {
      message.accept(who + ": the keys cannot drive the actions " + env.actionSpec().names());
      return null;
    }
    Agent agent = new Agent(seat.index(), driver, env);
    agents.add(agent);
    return agent;
  }

  /** Adds an agent on a new seat that {@code batch} drives in {@code env} (a live training's). */
  Agent addDriven(Driver driver, Env env, PolicyBatch batch) {
    Agent agent = new Agent(seat(driver).index(), driver, env);
    batch.add(agent);
    batches.add(batch);
    agents.add(agent);
    return agent;
  }

  /**
   * Takes {@code agent} out of the session for good: its seat and its place in its policy's batch
   * (its number is not given again).
   */
  void remove(Agent agent) {
    agents.remove(agent);
    seats.removeIf(s -> s.index() == agent.index());
    for (PolicyBatch b : List.copyOf(batches)) {
      b.agents().remove(agent);
      if (b.isEmpty()) {
        batches.remove(b);
        byFile.values().remove(b);
      }
    }
  }

  /** The policy batch that acts for {@code agent}, or null if no policy drives it. */
  PolicyBatch batchOf(Agent agent) {
    for (PolicyBatch b : batches) {
      if (b.agents().contains(agent)) {
        return b;
      }
    }
    return null;
  }

  /** Each lidar ray's weight in {@code agent}'s policy's action now; null if it has no policy. */
  float[] saliency(Agent agent) {
    PolicyBatch b = batchOf(agent);
    return b == null ? null : b.saliency(agent);
  }

  /**
   * Every agent's action for the next step, by seat: its policy's (a batch for each policy file),
   * the expert's, its replay's (null once the replay is over: it stands still), or the person's
   * ({@code keyboard}: the keys, or the pointer for a body that follows one).
   */
  float[][] actions(KeyboardInput keyboard) {
    float[][] actions = new float[count()][];
    for (PolicyBatch b : batches) {
      float[][] a = b.act();
      for (int r = 0; r < a.length; r++) {
        actions[b.agents().get(r).index()] = a[r];
      }
    }
    for (Agent agent : agents) {
      if (agent.driver() instanceof Driver.Replayed) {
        actions[agent.index()] = agent.replayOver() ? null : agent.replayAction();
      } else if (agent.driver() instanceof Driver.Expert) {
        actions[agent.index()] = agent.expertAction();
      } else if (agent.driver() instanceof Driver.Keyboard) {
        actions[agent.index()] = keyboard.action(agent.env());
      }
    }
    return actions;
  }

  /** The first keyboard agent driving here (the one recorded), or null. */
  Agent keyboardAgent() {
    for (Agent a : agents) {
      if (a.driver() instanceof Driver.Keyboard) {
        return a;
      }
    }
    return null;
  }

  /** A keyboard seat sitting this scenario out, or null. */
  Seat keyboardSittingOut() {
    for (Seat s : seats) {
      if (s.driver() instanceof Driver.Keyboard) {
        return s;
      }
    }
    return null;
  }
}
