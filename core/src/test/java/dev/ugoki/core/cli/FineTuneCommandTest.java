package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation path on a tiny budget: pretrain one policy on every body (multitask), evaluate it
 * zero-shot on one task, fine-tune it on a variant with a frozen trunk, and refuse what cannot fit.
 */
class FineTuneCommandTest extends CliTest {
  private static Path onlyRun(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void aFoundationIsPretrainedOnEveryBodyThenFineTunedOnAVariant(@TempDir Path tmp)
      throws Exception {
    Path pre = tmp.resolve("pre");
    assertThat(
            run(
                "train",
                "--scenario",
                "multitask",
                "--algo",
                "bc",
                "--steps",
                "600",
                "--set",
                "bc.num_envs=3",
                "--set",
                "bc.epochs=2",
                "--set",
                "bc.hidden=16",
                "--set",
                "race/max_steps=100",
                "--set",
                "navigate/max_steps=100",
                "--set",
                "reach/max_steps=100",
                "--eval-seeds",
                "1-3",
                "--out",
                pre.toString()))
        .as(err.toString())
        .isZero();
    Path foundation = onlyRun(pre).resolve("policy.zip");
    PolicyFile.Loaded f = PolicyFile.load(foundation);
    assertThat(f.observationSpec().names()).startsWith("task.race", "task.navigate", "task.reach");

    // zero-shot on one task: the reach arm, driven through the shared layout
    assertThat(
            run(
                "eval",
                "--policy",
                foundation.toString(),
                "--scenario",
                "reach",
                "--set",
                "max_steps=50",
                "--seeds",
                "1-2"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("reach");

    // the transfer study on the smallest scale: its files and its summary's shape
    Path study = tmp.resolve("study");
    assertThat(
            run(
                "transfer",
                "--master",
                "sequential",
                "--foundation",
                foundation.toString(),
                "--apps",
                "long-arm",
                "--seeds",
                "1-1",
                "--budgets",
                "200,100",
                "--eval-seeds",
                "1-2",
                "--frozen",
                "--out",
                study.toString()))
        .as(err.toString())
        .isZero();
    assertThat(Files.readAllLines(study.resolve("results.csv")))
        .hasSize(1 + 3 * 2)
        .anyMatch(l -> l.startsWith("long-arm,scratch,1,100,"))
        .anyMatch(l -> l.startsWith("long-arm,fine-tune (layer 1 frozen),1,200,"));
    assertThat(study.resolve("transfer.png")).isRegularFile();
    assertThat(Files.readString(study.resolve("summary.json")))
        .contains("zero_shot_success_rate")
        .contains("steps_to_target");
    String summary = Files.readString(study.resolve("summary.json"));
    Files.delete(study.resolve("transfer.png"));
    assertThat(run("transfer", "--replot", study.toString())).as(err.toString()).isZero();
    assertThat(study.resolve("transfer.png")).isRegularFile();
    assertThat(Files.readString(study.resolve("summary.json"))).isEqualTo(summary);
    assertThat(run("transfer")).isEqualTo(2);
    assertThat(err.toString()).contains("--foundation");
    assertThat(run("transfer", "--replot", study.toString(), "--apps", "jet")).isEqualTo(2);
    assertThat(err.toString()).contains("does not go with it");
    Files.writeString(study.resolve("summary.json"), "{}");
    assertThat(run("transfer", "--replot", study.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a finished transfer study");

    // fine-tune on a car with a longer wheelbase, the first hidden layer frozen
    Path fine = tmp.resolve("fine");
    assertThat(
            run(
                "train",
                "--scenario",
                "race",
                "--set",
                "car.wheelbase=3.2",
                "--from",
                foundation.toString(),
                "--steps",
                "256",
                "--set",
                "ppo.num_envs=2",
                "--set",
                "ppo.num_steps=64",
                "--set",
                "ppo.update_epochs=1",
                "--set",
                "ppo.freeze_layers=1",
                "--set",
                "max_steps=100",
                "--eval-seeds",
                "1-2",
                "--out",
                fine.toString()))
        .as(err.toString())
        .isZero();
    Path tuned = onlyRun(fine);
    assertThat(Files.readString(tuned.resolve("config.yaml")))
        .contains("from: ")
        .contains("freeze_layers: 1");
    PolicyFile.Loaded t = PolicyFile.load(tuned.resolve("policy.zip"));
    assertThat(t.meta().scenario()).isEqualTo("race");
    assertThat(t.observationSpec()).isEqualTo(f.observationSpec());
    assertThat(t.policy().network().frozenLayers()).isEqualTo(1);
    int firstLayer = (f.observationSpec().size() + 1) * 16;
    assertThat(Arrays.copyOf(t.policy().network().params(), firstLayer))
        .as("the frozen layer kept the foundation's weights")
        .containsExactly(Arrays.copyOf(f.policy().network().params(), firstLayer));
    assertThat(t.policy().network().params()).isNotEqualTo(f.policy().network().params());
    // the layout matches by name; a race with 16 rays is not the first 16 of the 32 it learned
    assertThat(
            run(
                "eval",
                "--policy",
                foundation.toString(),
                "--scenario",
                "race",
                "--set",
                "lidar.rays=16",
                "--seeds",
                "1-1"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("learned race with other channels").contains("lidar.16");
    // bad fine-tunes are refused before any run folder is made
    Path refused = tmp.resolve("refused");
    assertThat(
            run(
                "train",
                "--from",
                foundation.toString(),
                "--set",
                "ppo.hidden=256",
                "--out",
                refused.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("ppo.hidden=256").contains("its own network");
    assertThat(
            run(
                "train",
                "--from",
                foundation.toString(),
                "--set",
                "ppo.freeze_layers=3",
                "--out",
                refused.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("2 hidden layers");
    assertThat(
            run(
                "train",
                "--from",
                foundation.toString(),
                "--set",
                "lidar.rays=16",
                "--out",
                refused.toString()))
        .isEqualTo(2);
    Env arm = Scenarios.make("reach");
    Path armPolicy = tmp.resolve("arm.zip");
    PolicyFile.save(
        armPolicy,
        GaussianPolicy.create(arm.observationSpec(), arm.actionSpec(), 8, 1, -0.5, 1),
        new PolicyFile.Meta(
            "reach",
            arm.unwrapped().version(),
            arm.unwrapped().config().asMap(),
            "test",
            Map.of(),
            1,
            0,
            0,
            Map.of()));
    assertThat(
            run(
                "train",
                "--from",
                armPolicy.toString(),
                "--scenario",
                "race",
                "--out",
                refused.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("trained on scenario 'reach', not 'race'");
    assertThat(
            run(
                "train",
                "--algo",
                "bc",
                "--demos",
                tmp.resolve("no.jsonl").toString(),
                "--out",
                refused.toString()))
        .isEqualTo(2);
    assertThat(refused).doesNotExist();
    // a refused resume leaves the run's config as it was
    String config = Files.readString(tuned.resolve("config.yaml"));
    assertThat(run("train", "--resume", tuned.toString(), "--steps", "100")).isEqualTo(2);
    assertThat(err.toString()).contains("covers a budget of 100");
    assertThat(Files.readString(tuned.resolve("config.yaml"))).isEqualTo(config);

    // and it resumes with its trunk still frozen, without the foundation it started from
    Files.move(foundation, tmp.resolve("elsewhere.zip"));
    assertThat(run("train", "--resume", tuned.toString(), "--steps", "384"))
        .as(err.toString())
        .isZero();
    assertThat(PolicyFile.load(tuned.resolve("policy.zip")).policy().network().frozenLayers())
        .isEqualTo(1);
  }

  @Test
  void whatCannotFitIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
    assertThat(run("train", "--set", "ppo.freeze_layers=1", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--from");
    assertThat(run("train", "--from", tmp.resolve("none.zip").toString(), "--out", tmp.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("none.zip");
    // a config whose keys are each fine but not together is refused before any folder is made
    Path none = tmp.resolve("none");
    assertThat(
            run(
                "train",
                "--scenario",
                "multitask",
                "--set",
                "weight.race=0",
                "--set",
                "weight.navigate=0",
                "--set",
                "weight.reach=0",
                "--out",
                none.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("weight");
    assertThat(none).doesNotExist();
    assertThat(
            run(
                "transfer",
                "--foundation",
                tmp.resolve("gone.zip").toString(),
                "--out",
                none.toString()))
        .isEqualTo(2);
    assertThat(none).doesNotExist();
  }
}
