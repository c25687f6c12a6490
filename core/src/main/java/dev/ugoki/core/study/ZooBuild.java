package dev.ugoki.core.study;

import dev.ugoki.core.algorithm.Adaptation;
import dev.ugoki.core.cell.CellTable;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.FolderLock;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.train.RunFolder;
import dev.ugoki.core.train.RunPlan;
import dev.ugoki.core.train.RunRequest;
import dev.ugoki.core.train.Trainer;
import dev.ugoki.core.train.TrainingRun;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.config.Setting;
import dev.ugoki.sim.env.TaskKeys;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the model zoo ({@code ./ugoki zoo}): each shipped policy trained as its card's commands
 * say (the same runs {@code ./ugoki train} and {@code ./ugoki adapt} make), copied into the zoo's
 * folder, evaluated on seeds its training never used, and described by its card; then the folder's
 * README, a table of the cards. With {@code quick}, every budget is cut to a smoke test's (minutes
 * for the whole zoo, policies that barely drive): to try the command, not to ship.
 */
public final class ZooBuild {
  /** The seeds every card is evaluated on: never a training or validation seed. */
  public static final SeedRange EVAL_SEEDS = new SeedRange(1001, 1100);

  /**
   * The foundation's adapter: as {@code ./ugoki adapt --history 16 --memory 160 --memory-stride 8
   * --rows 30000}, every step of the last 16 and every 8th of the 160 (8 s of a lap): a car's
   * brakes show only while it brakes, and with 16 steps alone the adapter forgot them before the
   * next corner.
   */
  static final int ADAPTER_HISTORY = 16;

  static final int ADAPTER_MEMORY = 160;

  static final int ADAPTER_STRIDE = 8;

  static final long ADAPTER_ROWS = 30_000;

  private static final String FOUNDATION_CONFIG = "configs/foundation-family.yaml";

  /**
   * The foundation's reinforcement learning after cloning: PPO on the body family from the cloned
   * weights, pulled toward the clone's actions ({@code ppo.anchor_coef}) so that it improves on
   * them instead of forgetting them (without the pull, the robot fell from 90% to 60%).
   */
  static final long REFINE_STEPS = 600_000;

  static final List<String> REFINE_SETS =
      List.of("ppo.init_log_std=-1.5", "ppo.learning_rate=1e-4", "ppo.anchor_coef=1");

  private ZooBuild() {}

  /**
   * One shipped policy: its training run, whether PPO refines it and it gets an adapter, where it
   * is measured.
   */
  private record Entry(
      String name,
      String summary,
      RunRequest run,
      String command,
      boolean refine,
      boolean adapt,
      String[] tasks) {}

  private static List<Entry> entries(Path root, boolean quick) {
    Long steps = quick ? 8192L : null;
    return List.of(
        new Entry(
            "race",
            "the car on race: PPO from scratch, stopped once it laps 95% of the validation tracks",
            RunRequest.of(null, "race", "ppo", 1L, steps, null, List.of()),
            "./ugoki train --scenario race --algo ppo --seed 1",
            false,
            false,
            new String[] {"race"}),
        new Entry(
            "navigate",
            "the robot on navigate: PPO from scratch, stopped once 95% of its validation rooms see"
                + " every goal reached",
            RunRequest.of(null, "navigate", "ppo", 1L, steps, null, List.of()),
            "./ugoki train --scenario navigate --algo ppo --seed 1",
            false,
            false,
            new String[] {"navigate"}),
        new Entry(
            "foundation",
            "one network for the car, the robot and the arm, each body drawn from its family,"
                + " cloned from the experts and refined by PPO; it infers the body from its last "
                + ADAPTER_HISTORY
                + " steps and every "
                + ADAPTER_STRIDE
                + "th of the last "
                + ADAPTER_MEMORY
                + " (RMA), no body parameter given",
            RunRequest.of(
                root.resolve(FOUNDATION_CONFIG),
                null,
                null,
                null,
                quick ? 4096L : null,
                null,
                List.of()),
            "./ugoki train --config " + FOUNDATION_CONFIG,
            true,
            true,
            new String[] {"race", "navigate", "reach"}));
  }

  /**
   * Trains every policy of the zoo into {@code runs}, writes each and its card into {@code out}.
   *
   * @param root the project's folder (its configs/ and git checkout)
   */
  public static List<Zoo.Card> build(
      Path root, Path out, Path runs, boolean quick, SeedRange evalSeeds, PrintWriter log)
      throws IOException {
    // one builder of a zoo at a time: two would write each other's policies and cards
    try (FolderLock lock = FolderLock.acquire(out, "building the zoo")) {
      return buildLocked(root, out, runs, quick, evalSeeds, log);
    }
  }

  private static List<Zoo.Card> buildLocked(
      Path root, Path out, Path runs, boolean quick, SeedRange evalSeeds, PrintWriter log)
      throws IOException {
    String commit = commit(root);
    List<Zoo.Card> cards = new ArrayList<>();
    for (Entry e : entries(root, quick)) {
      log.printf("zoo: %s: %s%n", e.name(), e.command());
      log.flush();
      long t0 = System.nanoTime();
      RunPlan plan = RunPlan.resolve(e.run());
      RunFolder folder = plan.folder(runs);
      TrainingRun.execute(plan, folder, Trainer.Options.silent());
      Path trained = folder.policy();
      Path file = Zoo.file(out, e.name());
      List<String> commands = new ArrayList<>(List.of(e.command()));
      if (e.refine()) {
        long steps = quick ? 4096 : REFINE_STEPS;
        RunRequest refine =
            new RunRequest(
                e.run().config(),
                null,
                "ppo",
                null,
                steps,
                null,
                REFINE_SETS,
                trained,
                List.of(),
                0.0,
                null);
        RunPlan refined = RunPlan.resolve(refine);
        RunFolder refinedFolder = refined.folder(runs);
        TrainingRun.execute(refined, refinedFolder, Trainer.Options.silent());
        commands.add(
            String.format(
                Locale.ROOT,
                "./ugoki train --config %s --algo ppo --from %s --steps %d --target-success 0 %s",
                typed(root, e.run().config()),
                typed(root, trained),
                steps,
                "--set " + String.join(" --set ", REFINE_SETS)));
        trained = refinedFolder.policy();
      }
      if (e.adapt()) {
        PolicyFile.Loaded base = PolicyFile.load(trained);
        long rows = quick ? 2000 : ADAPTER_ROWS;
        BodyAdapter adapter =
            Adaptation.train(
                base.policy(),
                Scenarios.config(base.meta().scenario(), base.meta().scenarioConfig()),
                Adaptation.Settings.of(
                    ADAPTER_HISTORY, ADAPTER_MEMORY, ADAPTER_STRIDE, rows, quick ? 1 : 3, 128, 1),
                log);
        PolicyFile.save(file, base.policy(), base.meta(), adapter);
        commands.add(
            String.format(
                Locale.ROOT,
                "./ugoki adapt --policy %s --history %d --memory %d --memory-stride %d --rows %d"
                    + " --out %s",
                typed(root, trained),
                ADAPTER_HISTORY,
                ADAPTER_MEMORY,
                ADAPTER_STRIDE,
                rows,
                typed(root, file)));
      } else {
        AtomicFiles.write(file, Files.readAllBytes(trained));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      PolicyFile.Loaded loaded = PolicyFile.load(file);
      List<Zoo.Card.Evaluation> evals = new ArrayList<>();
      for (String task : e.tasks()) {
        List<String> sets = sets(loaded.meta(), task);
        Evaluation.Summary s =
            Evaluation.ofFile(
                file, loaded, config(loaded.meta(), task, sets), evalSeeds, Evaluation.THREADS);
        evals.add(
            new Zoo.Card.Evaluation(
                task,
                sets,
                evalSeeds.toString(),
                s.successRate(),
                round(s.meanReturn()),
                s.crashes()));
        log.printf(
            "zoo: %s on %s, seeds %s: %.0f%% success%n",
            e.name(), task, evalSeeds, 100 * s.successRate());
        log.flush();
      }
      byte[] bytes = Files.readAllBytes(file);
      Zoo.Card card =
          new Zoo.Card(
              e.name(),
              e.summary(),
              commands,
              commit,
              round(seconds),
              machine(),
              bytes.length,
              CellTable.digest(bytes),
              evals);
      card.write(Zoo.card(out, e.name()));
      cards.add(card);
    }
    AtomicFiles.write(out.resolve("README.md"), readme(cards).getBytes(StandardCharsets.UTF_8));
    return cards;
  }

  /**
   * The keys a card's evaluation sets over the policy's config on {@code task}: none on the
   * policy's own scenario; for a multitask policy the task's keys as it learned them where they
   * differ from the task's defaults (its body family), and the held-out bodies ({@code
   * body.split=1}) where the task has a family.
   */
  static List<String> sets(PolicyFile.Meta meta, String task) {
    List<String> sets = new ArrayList<>();
    if (meta.scenario().equals(task)) {
      return sets;
    }
    Config defaults = Scenarios.config(task, Map.of());
    boolean family = false;
    for (Map.Entry<String, Object> kv : TaskKeys.of(meta.scenarioConfig(), task).entrySet()) {
      String key = kv.getKey();
      String value = String.valueOf(kv.getValue());
      family |= key.startsWith("body.");
      if (!key.equals("body.split") && !value.equals(String.valueOf(defaults.asMap().get(key)))) {
        sets.add(key + "=" + value);
      }
    }
    if (family) {
      sets.add("body.split=1");
    }
    return sets;
  }

  /**
   * The config a card's evaluation runs on, as {@code ./ugoki eval --policy F --scenario S --set
   * ...} resolves it: the policy's own config on its own scenario, then the sets.
   */
  public static Config config(PolicyFile.Meta meta, String scenario, List<String> sets) {
    boolean own = meta.scenario().equals(scenario);
    return Scenarios.config(scenario, Setting.over(own ? meta.scenarioConfig() : Map.of(), sets));
  }

  /** A path as a person in the project's folder types it: relative when it lies inside. */
  private static Path typed(Path root, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs) : p;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.arch");
  }

  /** The checkout's commit, {@code +changes} when the tree has uncommitted ones; or unknown. */
  static String commit(Path root) {
    try {
      String head = git(root, "rev-parse", "--short", "HEAD");
      String status = git(root, "status", "--porcelain", "--untracked-files=no");
      return head.isEmpty() ? "unknown" : head + (status.isEmpty() ? "" : "+changes");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String git(Path root, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "";
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The zoo folder's README: one row per card. */
  static String readme(List<Zoo.Card> cards) {
    StringBuilder b = new StringBuilder();
    b.append("# The model zoo\n\n")
        .append("Trained policies shipped with Ugoki, each beside its card (NAME.yaml: the")
        .append(" commands that trained it, the commit, the time, its evaluation, its digest).\n")
        .append("Use them as `zoo:NAME`: `./ugoki eval --policy zoo:race`,")
        .append(" `./ugoki train --from zoo:foundation ...`, `./ugoki export --policy zoo:race")
        .append(" --onnx race.onnx`. Rebuild them all with `./ugoki zoo`.\n\n")
        .append("| name | what | trained in | size | success on unseen seeds |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    for (Zoo.Card c : cards) {
      List<String> evals = new ArrayList<>();
      for (Zoo.Card.Evaluation e : c.evaluations()) {
        evals.add(String.format(Locale.ROOT, "%s %.0f%%", e.scenario(), 100 * e.success()));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| `zoo:%s` | %s | %.0f s | %.0f kB | %s (seeds %s) |%n",
              c.name(),
              c.summary(),
              c.trainingSeconds(),
              c.sizeBytes() / 1000.0,
              String.join(", ", evals),
              c.evaluations().get(0).seeds()));
    }
    return b.toString();
  }
}
