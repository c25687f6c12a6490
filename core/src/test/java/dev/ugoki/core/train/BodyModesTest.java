package dev.ugoki.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways a policy meets its body (issue 12): none, its body's parameters as channels ({@code
 * body.observe}), or its recent past ({@code history.steps}). Each is an observation layout, so
 * each saves, loads, evaluates and fine-tunes (--from) through the policy file.
 */
class BodyModesTest {
  private static final List<String> FAMILY =
      List.of("body.max_speed=0.5", "dr.friction=0.3", "max_steps=60");

  static Stream<List<String>> modes() {
    return Stream.of(List.of(), List.of("body.observe=true"), List.of("history.steps=3"));
  }

  private static List<String> sets(List<String> mode, String... more) {
    List<String> s = new ArrayList<>(FAMILY);
    s.addAll(mode);
    s.addAll(List.of("bc.num_envs=2", "bc.epochs=2", "bc.hidden=16"));
    s.addAll(List.of(more));
    return s;
  }

  @ParameterizedTest
  @MethodSource("modes")
  void eachModeSavesLoadsAndFineTunes(List<String> mode, @TempDir Path tmp) throws Exception {
    RunPlan plan = RunPlan.resolve(RunRequest.of(null, "race", "bc", 1L, 240L, null, sets(mode)));
    RunFolder folder = plan.folder(tmp.resolve("pre"));
    plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
    PolicyFile.Loaded loaded = PolicyFile.load(folder.policy());
    var env = Scenarios.make(plan.config().scenarioConfig());
    assertThat(loaded.observationSpec()).isEqualTo(env.observationSpec());
    PolicyFit.checkFits(folder.policy(), loaded, env);

    RunPlan tune =
        RunPlan.resolve(
            new RunRequest(
                null,
                "race",
                "bc",
                2L,
                240L,
                null,
                sets(mode),
                folder.policy(),
                List.of(),
                null,
                null));
    RunFolder tuned = tune.folder(tmp.resolve("tuned"));
    tune.algorithm().trainer().train(tune, tuned, Trainer.Options.silent());
    assertThat(PolicyFile.load(tuned.policy()).policy().network().params())
        .isNotEqualTo(loaded.policy().network().params());

    if (!mode.isEmpty()) {
      // a policy of one layout is refused where the body is presented another way
      Path file = folder.policy();
      assertThatThrownBy(() -> PolicyFit.checkFits(file, loaded, Scenarios.make("race", Map.of())))
          .hasMessageContaining("does not fit");
    }
  }
}
