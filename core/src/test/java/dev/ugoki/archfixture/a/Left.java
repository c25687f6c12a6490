package dev.ugoki.archfixture.a;

import dev.ugoki.archfixture.b.Right;

/** Half of a deliberate package cycle, for ArchitectureTest to catch. */
public final class Left {
  public Right right() {
    return new Right();
  }
}
