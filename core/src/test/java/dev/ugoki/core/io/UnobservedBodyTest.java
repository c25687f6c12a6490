package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A policy that infers its body drives its own scenario whether or not the scenario observes the
 * body (issue 26, probe 17: the foundation sat out the window's multitask, which observes none,
 * with "does not fit ... body.race.wheelbase ... and 29 more", while eval in the foundation's own
 * config gave 100%): the adapter writes every body channel, so the episodes are the same, bit for
 * bit. Any other difference is still refused.
 */
class UnobservedBodyTest {
  @Test
  void theFoundationDrivesMultitaskWithoutItsBodyObservedAsItDoesWithIt() throws Exception {
    var file = Zoo.resolve("zoo:foundation");
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    Map<String, Object> own = new java.util.LinkedHashMap<>(loaded.meta().scenarioConfig());
    assertThat(own).containsEntry("race/body.observe", true);
    Map<String, Object> blind = new java.util.LinkedHashMap<>(own);
    for (String task : List.of("race", "navigate", "reach")) {
      blind.put(task + "/body.observe", false);
    }
    Env told = PolicyFit.fit(file, loaded, Scenarios.make("multitask", own));
    Env unseen = PolicyFit.fit(file, loaded, Scenarios.make("multitask", blind));
    assertThat(Scenarios.make("multitask", blind).observationSpec().names())
        .noneMatch(n -> n.startsWith("body."));
    assertThat(unseen).isInstanceOf(AdaptedBody.class);
    assertThat(unseen.observationSpec()).isEqualTo(told.observationSpec());
    // the window's multitask: the defaults, which observe no body
    assertThat(PolicyFit.fit(file, loaded, Scenarios.make("multitask", Map.of())))
        .isInstanceOf(AdaptedBody.class);

    GaussianPolicy policy = loaded.policy();
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(rewards(unseen, policy, seed)).isEqualTo(rewards(told, policy, seed));
    }
  }

  @Test
  void otherChannelsStillDoNotFit() throws Exception {
    var file = Zoo.resolve("zoo:foundation");
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    assertThatThrownBy(
            () ->
                PolicyFit.fit(
                    file, loaded, Scenarios.make("multitask", Map.of("race/lidar.rays", 16))))
        .isInstanceOf(PolicyFile.PolicyFileException.class)
        .hasMessageContaining("does not fit this multitask environment");
  }

  /** The rewards of one episode of at most 400 steps, the policy's mean actions. */
  private static List<Double> rewards(Env env, GaussianPolicy policy, long seed) {
    float[] obs = env.reset(seed);
    List<Double> out = new ArrayList<>();
    for (int t = 0; t < 400; t++) {
      StepResult r = env.step(policy.actDeterministic(obs, 1));
      out.add(r.reward());
      if (r.terminated() || r.truncated()) {
        break;
      }
      obs = r.observation();
    }
    return out;
  }
}
