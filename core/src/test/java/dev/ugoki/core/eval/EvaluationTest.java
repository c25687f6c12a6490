package dev.ugoki.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final Supplier<Env> ENV = () -> Scenarios.make("race", Map.of("max_steps", 120));

  /** Batched, on any number of threads, the same episodes as one seed at a time. */
  @Test
  void batchedOnThreadsGivesTheSameEpisodesAsOneByOne() {
    Env env = ENV.get();
    GaussianPolicy policy =
        GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, -0.5, 3);
    Evaluation.Summary single =
        Evaluation.run(ENV.get(), obs -> policy.actDeterministic(obs, 1), 5, 11);
    for (int threads : new int[] {1, 2, 3, 16}) {
      Evaluation.Summary batched =
          Evaluation.runBatch(ENV, () -> policy.copy()::actDeterministic, 5, 11, threads);
      assertThat(batched.episodes())
          .as("%d threads", threads)
          .containsExactlyElementsOf(single.episodes());
    }
  }

  @Test
  void refusesARangeItCannotHold() {
    assertThatThrownBy(
            () ->
                Evaluation.runBatch(
                    ENV, () -> (obs, rows) -> new float[0], Long.MIN_VALUE, Long.MAX_VALUE, 1))
        .hasMessageContaining("cannot evaluate seeds");
    assertThatThrownBy(() -> Evaluation.runBatch(ENV, () -> (obs, rows) -> new float[0], 9, 8, 1))
        .hasMessageContaining("cannot evaluate seeds");
    assertThatThrownBy(
            () -> Evaluation.runBatch(ENV, () -> (obs, rows) -> new float[0], 1, 1_000_000, 1))
        .hasMessageContaining("at most 100000 episodes");
  }

  @Test
  void theScoreIsTheBestShareOverTheWinningShareCappedAtOne() {
    Evaluation.Summary s =
        new Evaluation.Summary(
            "push",
            java.util.List.of(
                new Evaluation.Episode(1, true, false, false, 0, 10, 1, 0.96, 0.96),
                new Evaluation.Episode(2, false, false, true, 0, 10, 1, 0.5, 0.76),
                new Evaluation.Episode(3, false, false, true, 0, 10, 1, 0.0, 0.0)));
    // Push-T's reward: min(1, coverage / 0.95); 0.76 / 0.95 = 0.8
    assertThat(s.meanBestScore(0.95)).isCloseTo((1 + 0.8 + 0) / 3, within(1e-12));
    assertThat(s.meanBestProgress()).isCloseTo((0.96 + 0.76) / 3, within(1e-12));
  }
}
