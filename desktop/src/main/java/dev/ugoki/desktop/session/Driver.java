package dev.ugoki.desktop.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who decides an agent's actions: the scenario's expert, a policy file, a person's keys, a policy
 * cloned from that person's demonstrations in this session, or the policy of a training running in
 * the app, or a replay of an episode.
 */
public sealed interface Driver
    permits Driver.Expert,
        Driver.Policy,
        Driver.Keyboard,
        Driver.Clone,
        Driver.Live,
        Driver.Replayed {

  /** A short name for the HUD. */
  String label();

  /** The scenario's hand-written controller ({@code env.unwrapped().expert()}). */
  record Expert() implements Driver {
    @Override
    public String label() {
      return "expert";
    }
  }

  /** A trained policy, run deterministically (its mean action). */
  record Policy(Path file) implements Driver {
    public Policy {
      Objects.requireNonNull(file);
    }

    /**
     * {@code policy NAME}: the file's name, or for a run's {@code policy.zip} its run folder's name
     * without the time ({@code policy race-bc-1} for {@code runs/race-bc-1-20261129-041852/
     * policy.zip}).
     */
    @Override
    public String label() {
      Path name = file.getFileName();
      Path parent = file.toAbsolutePath().getParent();
      if (name != null
          && name.toString().equals("policy.zip")
          && parent != null
          && parent.getFileName() != null) {
        return "policy " + parent.getFileName().toString().replaceFirst("-\\d{8}-\\d{6}$", "");
      }
      return "policy " + (name == null ? file : name);
    }
  }

  /** A person at the keyboard (arrow keys or WASD). */
  record Keyboard() implements Driver {
    @Override
    public String label() {
      return "keyboard";
    }
  }

  /**
   * A policy trained in this session: a clone of the person's demonstrations ({@code clone N}), or
   * a live training's saved policy after the window moved to another scenario ({@code ppo live}),
   * run deterministically like {@link Policy}.
   *
   * @param label its name in the session
   * @param file where it was saved
   */
  record Clone(String label, Path file) implements Driver {
    public Clone {
      Objects.requireNonNull(label);
      Objects.requireNonNull(file);
    }
  }

  /**
   * The newest weights of a training running in the app (run deterministically), swapped in after
   * every update while it runs, and its final policy once it has ended.
   *
   * @param algo {@code ppo}, {@code dagger} or {@code bc}
   * @param number the session's live-training count, from 1
   */
  record Live(String algo, int number) implements Driver {
    public Live {
      Objects.requireNonNull(algo);
    }

    @Override
    public String label() {
      return algo + " live" + (number > 1 ? " " + number : "");
    }
  }

  /**
   * A recorded episode played again: its own scenario configuration and seed, its actions step by
   * step; at its last step the body stays where the episode ended.
   *
   * @param file where it was read from
   * @param replay the episode
   */
  record Replayed(Path file, dev.ugoki.core.replay.Replay replay) implements Driver {
    public Replayed {
      Objects.requireNonNull(file);
      Objects.requireNonNull(replay);
    }

    /** {@code replay NAME}: the file's name without {@code .replay.jsonl}. */
    @Override
    public String label() {
      Path name = file.getFileName();
      String n = name == null ? file.toString() : name.toString();
      String suffix = dev.ugoki.core.replay.ReplayFile.SUFFIX;
      return "replay " + (n.endsWith(suffix) ? n.substring(0, n.length() - suffix.length()) : n);
    }
  }
}
