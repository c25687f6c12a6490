package dev.ugoki.core.eval;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellProgress;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.TempFolders;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A large evaluation as cells: the seed range cut into blocks, each block's episodes a cell, the
 * episodes put back in seed order, so that the summary equals {@link Evaluation}'s in one process
 * wherever the blocks ran.
 */
public final class SeedBlocks {
  /** The most seeds a block holds. */
  public static final int MAX_BLOCK = 100_000;

  /** A cell: the seeds {@code first} to {@code last}. */
  public record Block(long first, long last) implements Serializable {
    public Block {
      if (first < 0 || last < first) {
        throw new IllegalArgumentException("a block of seeds " + first + "-" + last + " is empty");
      }
    }

    /** Its seeds: at most {@link #MAX_BLOCK} where blocks are cut, so the count fits. */
    public long count() {
      return last - first + 1;
    }
  }

  /** A block's episodes, in seed order. */
  public record Episodes(Block block, List<Evaluation.Episode> episodes) implements Serializable {}

  private SeedBlocks() {}

  /** The range in blocks of {@code size} seeds (the last may be shorter). */
  public static List<Block> blocks(SeedRange seeds, int size) {
    if (size < 1 || size > MAX_BLOCK) {
      throw new IllegalArgumentException("a block holds 1 to " + MAX_BLOCK + " seeds, got " + size);
    }
    List<Block> out = new ArrayList<>();
    long a = seeds.first();
    while (true) {
      // compared as distances, never as sums: near 2^63 a + size would wrap
      long end = seeds.last() - a < size - 1L ? seeds.last() : a + (size - 1L);
      out.add(new Block(a, end));
      if (end == seeds.last()) {
        return out;
      }
      a = end + 1;
    }
  }

  /** Evaluates a policy file (or the expert, {@code policy} null) on {@code config}'s scenario. */
  public static Evaluation.Summary run(
      Path policy,
      Config config,
      SeedRange seeds,
      int blockSize,
      CellRunner runner,
      PrintWriter log)
      throws IOException {
    Job job =
        new Job(
            policy == null ? null : Files.readAllBytes(policy),
            config.owner(),
            new LinkedHashMap<>(config.asMap()));
    List<Block> blocks = blocks(seeds, blockSize);
    log.printf(
        Locale.ROOT,
        "%d blocks of up to %,d seeds on %s%n",
        blocks.size(),
        blockSize,
        runner.describe());
    log.flush();
    CellProgress progress = new CellProgress(blocks.size(), log);
    Map<Long, Episodes> done = new TreeMap<>();
    runner.run(
        blocks,
        job,
        (b, e) -> {
          done.put(b.first(), e);
          progress.finished(
              String.format(
                  Locale.ROOT,
                  "seeds %d-%d: %d of %d succeeded",
                  b.first(),
                  b.last(),
                  e.episodes().stream().filter(Evaluation.Episode::success).count(),
                  e.episodes().size()));
        });
    List<Evaluation.Episode> all = new ArrayList<>();
    done.values().forEach(e -> all.addAll(e.episodes()));
    return new Evaluation.Summary(config.owner(), all);
  }

  /** A block's work: the policy's bytes (or none for the expert) and the scenario's config. */
  record Job(byte[] policy, String scenario, LinkedHashMap<String, Object> config)
      implements CellJob<Block, Episodes> {
    @Override
    public Episodes run(Block b, int threads) throws IOException {
      Config c = Scenarios.config(scenario, config);
      if (policy == null) {
        Env env = Scenarios.make(c);
        Expert expert = env.expert();
        return new Episodes(
            b, Evaluation.run(env, obs -> expert.act(), b.first(), b.last()).episodes());
      }
      Path tmp = TempFolders.create("cell");
      try {
        Path file = tmp.resolve("policy.zip");
        Files.write(file, policy);
        PolicyFile.Loaded loaded = PolicyFile.load(file);
        return new Episodes(
            b,
            Evaluation.ofFile(file, loaded, c, new SeedRange(b.first(), b.last()), threads)
                .episodes());
      } finally {
        TempFolders.remove(tmp);
      }
    }
  }
}
