package dev.ugoki.desktop.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session's message log (errors and notices, oldest first, the last {@value #KEPT} kept, so it
 * stays bounded), each also handed to a sink that may print it. The window shows the newest few and
 * scrolls back through the rest.
 */
final class Messages {
  static final int KEPT = 500;

  private final Deque<String> recent = new ArrayDeque<>();
  private Consumer<String> sink = m -> {};

  void setSink(Consumer<String> sink) {
    this.sink = sink;
  }

  void add(String text) {
    recent.addLast(text);
    while (recent.size() > KEPT) {
      recent.removeFirst();
    }
    sink.accept(text);
  }

  /** Adds every message a background thread has queued, oldest first. */
  void relay(Supplier<String> queue) {
    for (String m = queue.get(); m != null; m = queue.get()) {
      add(m);
    }
  }

  List<String> list() {
    return List.copyOf(recent);
  }

  /** Takes over the log of the same session on its previous scenario (not printed again). */
  void carryFrom(Messages before) {
    recent.addAll(before.recent);
    while (recent.size() > KEPT) {
      recent.removeFirst();
    }
  }
}
