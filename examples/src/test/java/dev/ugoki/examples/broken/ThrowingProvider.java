package dev.ugoki.examples.broken;

/** A plugin's provider that fails as it is made: LauncherIT's jar says so in one line. */
public final class ThrowingProvider extends NamedProvider {
  public ThrowingProvider() {
    super("throwing");
    throw new IllegalStateException("no licence server at localhost:9");
  }
}
