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

  @org.junit.jupiter.api.Test
  void anAdaptedPolicyFineTunesThroughItsAdapterAndKeepsIt(@TempDir Path tmp) throws Exception {
    List<String> observe = List.of("body.observe=true");
    RunPlan plan =
        RunPlan.resolve(RunRequest.of(null, "race", "bc", 1L, 240L, null, sets(observe)));
    RunFolder folder = plan.folder(tmp.resolve("pre"));
    plan.algorithm().trainer().train(plan, folder, Trainer.Options.silent());
    PolicyFile.Loaded base = PolicyFile.load(folder.policy());
    var adapter =
        dev.ugoki.core.algorithm.Adaptation.train(
            base.policy(),
            plan.config().scenarioConfig(),
            new dev.ugoki.core.algorithm.Adaptation.Settings(4, 0, 1, 200, 1, 8, 2, 2, 0.1, 1),
            new java.io.PrintWriter(new java.io.StringWriter()));
    Path adapted = tmp.resolve("adapted.zip");
    PolicyFile.save(adapted, base.policy(), base.meta(), adapter);

    for (String algo : List.of("bc", "ppo")) {
      List<String> keys = new ArrayList<>(FAMILY);
      keys.add("body.observe=true");
      keys.addAll(
          algo.equals("bc")
              ? List.of("bc.num_envs=2", "bc.epochs=2", "bc.hidden=16")
              : List.of(
                  "ppo.num_envs=2", "ppo.num_steps=64", "ppo.num_minibatches=2", "ppo.hidden=16"));
      RunPlan tune =
          RunPlan.resolve(
              new RunRequest(
                  null,
                  "race",
                  algo,
                  2L,
                  256L,
                  null,
                  keys,
                  adapted,
                  List.of(),
                  algo.equals("ppo") ? 0.0 : null,
                  null));
      assertThat(tune.adapter()).isNotNull();
      RunFolder tuned = tune.folder(tmp.resolve("tuned-" + algo));
      tune.algorithm().trainer().train(tune, tuned, Trainer.Options.silent());
      PolicyFile.Loaded out = PolicyFile.load(tuned.policy());
      assertThat(out.adapter()).as(algo + " keeps the adapter").isNotNull();
      assertThat(out.adapter().network().network().params())
          .containsExactly(adapter.network().network().params());
      assertThat(out.policy().network().params()).isNotEqualTo(base.policy().network().params());
      assertThat(PolicyFile.load(tuned.latestCheckpoint()).adapter()).isNotNull();
      assertThat(PolicyFit.fit(tuned.policy(), out, Scenarios.make(tune.config().scenarioConfig())))
          .isInstanceOf(dev.ugoki.core.policy.AdaptedBody.class);
    }
    // where the body is presented another way, refused before any folder is made
    List<String> withHistory = new ArrayList<>(sets(observe, "history.steps=4"));
    assertThatThrownBy(
            () ->
                RunPlan.resolve(
                    new RunRequest(
                        null,
                        "race",
                        "bc",
                        2L,
                        240L,
                        null,
                        withHistory,
                        adapted,
                        List.of(),
                        null,
                        null)))
        .hasMessageContaining("does not fit");
  }
}
