package dev.ugoki.examples.broken;

/** A second plugin that calls its scenario cartpole too: LauncherIT refuses the pair. */
public final class SecondCartPoleProvider extends NamedProvider {
  public SecondCartPoleProvider() {
    super("cartpole");
  }
}
