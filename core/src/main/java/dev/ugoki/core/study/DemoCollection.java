package dev.ugoki.core.study;

import dev.ugoki.core.algorithm.Dart;
import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellProgress;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.eval.SeedBlocks;
import dev.ugoki.core.eval.SeedBlocks.Block;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoStep;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Expert demonstrations for pretraining, collected as cells: one episode per seed, blocks of seeds
 * a cell, written to a demonstration file ({@code ./ugoki train --demos}) in seed order as the
 * blocks come back, so that the file's steps do not depend on where or in which order the blocks
 * ran. Each episode may drive with DART noise (Laskey et al., 2017) on the executed action while
 * the file keeps the expert's clean label, as behavior cloning's own collection does; the noise of
 * an episode follows from its seed.
 */
public final class DemoCollection {
  /** A block's episodes: their steps, episode after episode, in seed order. */
  public record Steps(Block block, List<DemoStep> steps) implements Serializable {}

  /**
   * The most steps a demonstration file is written with: what behaviour cloning holds in memory
   * ({@link RunConfig#MAX_LABELED_STEPS}), a few hundred megabytes of file.
   */
  public static final long MAX_STEPS = RunConfig.MAX_LABELED_STEPS;

  private DemoCollection() {}

  private static IllegalArgumentException tooMany(String what, long maxSteps) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "the demonstrations would hold %s, more than the %,d steps a file may hold (what"
                + " behaviour cloning reads into memory): ask for fewer seeds; nothing was written",
            what,
            maxSteps));
  }

  /**
   * Collects the expert's episodes of {@code seeds} on {@code config}'s scenario into {@code out}
   * (a new file); returns the steps written.
   */
  public static long run(
      Config config,
      SeedRange seeds,
      double noise,
      int blockSize,
      Path out,
      CellRunner runner,
      PrintWriter log)
      throws IOException {
    return run(config, seeds, noise, blockSize, out, runner, log, MAX_STEPS);
  }

  /** As above, with at most {@code maxSteps} steps in the file. */
  static long run(
      Config config,
      SeedRange seeds,
      double noise,
      int blockSize,
      Path out,
      CellRunner runner,
      PrintWriter log,
      long maxSteps)
      throws IOException {
    if (!(noise >= 0 && noise <= 1)) {
      throw new IllegalArgumentException("the noise must be in [0, 1], got " + noise);
    }
    List<Block> blocks = SeedBlocks.blocks(seeds, blockSize);
    Env probe = Scenarios.make(config);
    log.printf(
        Locale.ROOT,
        "%d blocks of up to %,d episodes on %s -> %s%n",
        blocks.size(),
        blockSize,
        runner.describe(),
        out);
    log.flush();
    CellProgress progress = new CellProgress(blocks.size(), log);
    TreeMap<Long, Steps> waiting = new TreeMap<>();
    long[] next = {seeds.first()};
    // written under a temporary name and named only when whole: a cut run (a signal, a full disk)
    // never leaves a file that reads as a whole one (issue 26, probe 4)
    AtomicFiles.removeStaleOf(out);
    Path partial = AtomicFiles.temporaryFor(out);
    long written;
    try (DemoWriter w = DemoFile.create(partial, DemoHeader.of(probe, "expert"))) {
      runner.run(
          blocks,
          new Job(config.owner(), new LinkedHashMap<>(config.asMap()), noise, seeds.first()),
          (b, s) -> {
            waiting.put(b.first(), s);
            // in seed order: a block is written once every block before it has been
            while (!waiting.isEmpty() && waiting.firstKey() == next[0]) {
              Steps ready = waiting.pollFirstEntry().getValue();
              // checked before the block is written: the file never grows past the limit
              if (w.steps() + ready.steps().size() > maxSteps) {
                throw tooMany(
                    String.format(
                        Locale.ROOT,
                        "%,d steps by seed %d",
                        w.steps() + ready.steps().size(),
                        ready.block().last()),
                    maxSteps);
              }
              try {
                for (DemoStep step : ready.steps()) {
                  w.write(step);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              next[0] = ready.block().last() + 1;
            }
            progress.finished(
                String.format(
                    Locale.ROOT, "seeds %d-%d: %,d steps", b.first(), b.last(), s.steps().size()));
          });
      written = w.steps();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    AtomicFiles.publishNew(partial, out);
    return written;
  }

  /**
   * A block's work: the expert driving each seed's episode ({@code first}: the range's first seed).
   */
  record Job(String scenario, LinkedHashMap<String, Object> config, double noise, long first)
      implements CellJob<Block, Steps> {
    @Override
    public Steps run(Block b, int threads) {
      Env env = Scenarios.make(Scenarios.config(scenario, config));
      Expert expert = env.expert();
      Spec as = env.actionSpec();
      List<DemoStep> steps = new ArrayList<>();
      // counted, not compared: seed <= last never fails at Long.MAX_VALUE
      for (long i = 0, seed = b.first(); i < b.count(); i++, seed++) {
        // the episode's id in the file is its place in the whole range: blocks stay apart
        int episode = Math.toIntExact(seed - first);
        SplittableRandom random = new SplittableRandom(seed ^ 0xDA27L);
        float[] obs = env.reset(seed);
        for (int t = 0; ; t++) {
          float[] label = expert.act();
          float[] act = label.clone();
          if (noise > 0) {
            for (int j = 0; j < act.length; j++) {
              act[j] = (float) Dart.noisy(act[j], noise, as.low(j), as.high(j), random);
            }
          }
          StepResult r = env.step(act);
          steps.add(
              new DemoStep(
                  episode, seed, t, obs, label, r.reward(), r.terminated(), r.truncated()));
          if (r.done()) {
            break;
          }
          obs = r.observation();
        }
      }
      return new Steps(b, steps);
    }
  }
}
