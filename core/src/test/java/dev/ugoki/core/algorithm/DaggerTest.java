package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.DemoHeader;
import dev.ugoki.core.io.DemoWriter;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.VectorEnv;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaggerTest {

  private static VectorEnv race(int n) {
    List<Env> envs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      envs.add(Scenarios.make("race"));
    }
    return new VectorEnv(envs, 1);
  }

  private static GaussianPolicy policy(VectorEnv envs) {
    return GaussianPolicy.create(envs.observationSpec(), envs.actionSpec(), 16, 1, 0.0, 3);
  }

  @Test
  void theDatasetGrowsEveryIterationAndStatsDescribeIt() {
    try (VectorEnv envs = race(3)) {
      GaussianPolicy policy = policy(envs);
      Dagger dagger =
          new Dagger(
              envs,
              Learner.fresh(policy, 1e-3),
              new Dagger.Config(
                  40, 0.1, 30, 0.5, new BehaviorCloning.Config(2, 64, 1, 1, true, false), 1),
              9);

      List<Dagger.IterationStats> stats = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        stats.add(dagger.iterate());
      }

      assertThat(stats)
          .extracting(Dagger.IterationStats::datasetRows)
          .containsExactly(120, 210, 300);
      assertThat(stats).extracting(Dagger.IterationStats::beta).containsExactly(1.0, 0.5, 0.25);
      assertThat(stats).allSatisfy(s -> assertThat(s.trainLoss()).isFinite().isPositive());
      assertThat(dagger.iteration()).isEqualTo(3);
      assertThat(dagger.dataset().rows()).isEqualTo(300);
    }
  }

  /** A stop asked mid-round ends the round at the next step or minibatch, not at its end. */
  @Test
  void aStopEndsTheRoundWithinAStepOrAMinibatch() {
    try (VectorEnv envs = race(3)) {
      Dagger dagger =
          new Dagger(
              envs,
              Learner.fresh(policy(envs), 1e-3),
              new Dagger.Config(
                  400, 0.1, 400, 0.5, new BehaviorCloning.Config(50, 16, 1, 1, true, false), 50),
              9);
      int[] asked = {0};
      int[] threshold = {25};
      dagger.setStop(() -> ++asked[0] > threshold[0]);
      Dagger.IterationStats s = dagger.iterate();
      // asked at each step: 25 steps collected of 400; then once before the fit's first
      // minibatch, which does not run
      assertThat(s.newRows()).isEqualTo(25 * 3);
      assertThat(s.trainLoss()).isNaN();
      assertThat(asked[0]).isEqualTo(27);
      // the next round collects all 400 steps; its fit (50 epochs of 5 minibatches or more) is
      // asked before every minibatch and ends after 5
      asked[0] = 0;
      threshold[0] = 405;
      Dagger.IterationStats t = dagger.iterate();
      assertThat(t.newRows()).isEqualTo(400 * 3);
      assertThat(asked[0]).isEqualTo(406);
    }
  }

  @Test
  void everyVisitedStateIsLabeledWithTheExpertsActionThere() {
    long seed = 21;
    Dagger.Labeled data;
    GaussianPolicy learner;
    try (VectorEnv envs = race(2)) {
      learner = policy(envs);
      data = Dagger.collect(envs, learner, 60, 0, 0, seed, null, () -> false);
    }
    assertThat(data.rows()).isEqualTo(120);

    // replay: the same seeds and the learner's same deterministic actions visit the same states
    try (VectorEnv replay = race(2)) {
      float[] obs = replay.reset(seed).clone();
      for (int t = 0; t < 60; t++) {
        for (int i = 0; i < 2; i++) {
          int row = t * 2 + i;
          assertThat(Arrays.copyOfRange(data.observations(), row * 40, row * 40 + 40))
              .containsExactly(Arrays.copyOfRange(obs, i * 40, i * 40 + 40));
          assertThat(Arrays.copyOfRange(data.labels(), row * 2, row * 2 + 2))
              .containsExactly(replay.env(i).unwrapped().expert().act());
        }
        replay.step(learner.actDeterministic(obs, 2));
        obs = replay.observations().clone();
      }
    }
  }

  @Test
  void expertDemonstrationsWrittenToAFileReadBackAsCollected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("expert.jsonl");
    Dagger.Labeled data;
    try (VectorEnv envs = race(2);
        DemoWriter w = DemoFile.create(file, DemoHeader.of(envs.env(0), "expert"))) {
      data = Dagger.collectExpert(envs, 50, 0.2, 5, w);
    }

    Demonstrations d = DemoFile.read(file, Scenarios.make("race"));

    assertThat(d.rows()).isEqualTo(100);
    assertThat(Arrays.copyOf(d.observations(), 100 * 40)).containsExactly(data.observations());
    assertThat(Arrays.copyOf(d.actions(), 100 * 2)).containsExactly(data.labels());
    assertThat(d.episodes()).startsWith(0, 1, 0, 1);
  }
}
