package dev.ugoki.examples.broken;

/** A plugin's provider that takes a built-in scenario's name: LauncherIT's jar refuses it. */
public final class CollidingProvider extends NamedProvider {
  public CollidingProvider() {
    super("race");
  }
}
