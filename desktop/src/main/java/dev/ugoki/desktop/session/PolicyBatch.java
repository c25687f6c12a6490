package dev.ugoki.desktop.session;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.core.policy.Saliency;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agents driven by one policy, asked for their actions in one call per step: a DL4J forward
 * pass costs about the same for one row as for eight, so batching is what lets several policy
 * agents run at 16x. The policy of a live training is {@link #swap swapped} for newer weights
 * between steps; every policy a batch holds is used by the render thread only.
 */
final class PolicyBatch {
  private final Path file;
  private final PolicyFile.Loaded loaded;
  private final List<Agent> agents = new ArrayList<>();
  private GaussianPolicy policy;

  /** The update of the live training {@link #policy} is from; 0 for a policy file's. */
  private int update;

  private Saliency saliency;

  /** The policy {@link #saliency} was made for (a live training swaps in newer ones). */
  private GaussianPolicy saliencyOf;

  /** The agents of a policy file. */
  PolicyBatch(Path file, PolicyFile.Loaded loaded) {
    this.file = file;
    this.loaded = loaded;
    this.policy = loaded.policy();
  }

  /** The agents of a policy trained in the app (no file, or not yet), from its {@code update}. */
  PolicyBatch(GaussianPolicy policy, int update) {
    this.file = null;
    this.loaded = null;
    this.policy = policy;
    this.update = update;
  }

  Path file() {
    return file;
  }

  /** The file's contents, or null for a policy trained in the app. */
  PolicyFile.Loaded loaded() {
    return loaded;
  }

  GaussianPolicy policy() {
    return policy;
  }

  /** The update of the live training the weights driving now are from; 0 for a policy file. */
  int update() {
    return update;
  }

  /**
   * Drives with {@code newer}, the weights after the live training's {@code update}, from the next
   * step on: a copy no other thread uses, with the same observation and action channels.
   */
  void swap(GaussianPolicy newer, int update) {
    if (!newer.observationSpec().equals(policy.observationSpec())
        || !newer.actionSpec().equals(policy.actionSpec())) {
      throw new IllegalArgumentException("the new policy has other channels than the old one");
    }
    policy = newer;
    this.update = update;
  }

  /**
   * Each lidar ray's weight in the action of {@code agent} (one of this batch's) now, by occlusion
   * ({@link Saliency}); null when the policy reads no lidar.
   */
  float[] saliency(Agent agent) {
    if (saliency == null || saliencyOf != policy) {
      saliency = new Saliency(policy);
      saliencyOf = policy;
    }
    return saliency.rays() == 0 ? null : saliency.of(agent.observation());
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
    int obsSize = policy.observationSpec().size();
    float[] batch = new float[rows * obsSize];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(agents.get(r).observation(), 0, batch, r * obsSize, obsSize);
    }
    float[] flat = policy.actDeterministic(batch, rows);
    int act = policy.actionSpec().size();
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
