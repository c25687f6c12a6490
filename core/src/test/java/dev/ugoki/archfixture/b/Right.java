package dev.ugoki.archfixture.b;

import dev.ugoki.archfixture.a.Left;

/** The other half of a deliberate package cycle, for ArchitectureTest to catch. */
public final class Right {
  public Left left() {
    return new Left();
  }
}
