package dev.ugoki.desktop.session;

import dev.ugoki.core.io.PolicyFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agents driven by one policy file, asked for their actions in one call per step: a DL4J
 * forward pass costs about the same for one row as for eight, so batching is what lets several
 * policy agents run at 16x.
 */
final class PolicyBatch {
  private final Path file;
  private final PolicyFile.Loaded loaded;
  private final List<Agent> agents = new ArrayList<>();

  PolicyBatch(Path file, PolicyFile.Loaded loaded) {
    this.file = file;
    this.loaded = loaded;
  }

  Path file() {
    return file;
  }

  PolicyFile.Loaded loaded() {
    return loaded;
  }

  void add(Agent agent) {
    agents.add(agent);
  }

  boolean isEmpty() {
    return agents.isEmpty();
  }

  /** The deterministic action of every agent of the batch, in the order they were added. */
  float[][] act() {
    int rows = agents.size();
    int obsSize = loaded.observationSpec().size();
    float[] batch = new float[rows * obsSize];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(agents.get(r).observation(), 0, batch, r * obsSize, obsSize);
    }
    float[] flat = loaded.policy().actDeterministic(batch, rows);
    int act = loaded.actionSpec().size();
    float[][] out = new float[rows][act];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * act, out[r], 0, act);
    }
    return out;
  }

  List<Agent> agents() {
    return agents;
  }
}
