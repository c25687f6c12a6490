package dev.ugoki.desktop.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's recent messages (errors and notices, at most a few, oldest first), each also handed
 * to a sink that may print it.
 */
final class Messages {
  private static final int KEPT = 6;

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
}
