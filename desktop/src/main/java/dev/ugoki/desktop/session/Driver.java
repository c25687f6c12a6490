package dev.ugoki.desktop.session;

import java.nio.file.Path;
import java.util.Objects;

/** Who decides an agent's actions: the scenario's expert, a policy file, or a person's keys. */
public sealed interface Driver permits Driver.Expert, Driver.Policy, Driver.Keyboard {

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
     * {@code policy NAME}: the file's name, or for a run's {@code policy.zip} its run folder's
     * name without the time ({@code policy race-bc-1} for {@code runs/race-bc-1-20261129-041852/
     * policy.zip}).
     */
    @Override
    public String label() {
      Path name = file.getFileName();
      Path parent = file.toAbsolutePath().getParent();
      if (name != null && name.toString().equals("policy.zip") && parent != null
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
}
