package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path dir;

  private static PolicyFile.Meta meta(Env env) {
    return new PolicyFile.Meta(
        env.unwrapped().name(),
        env.unwrapped().version(),
        env.unwrapped().config().asMap(),
        "ppo",
        Map.of("learning_rate", 3e-4),
        1,
        1234,
        5,
        Map.of("mean_return_100", 1.5));
  }

  private static Learner trainedALittle(Env env) {
    GaussianPolicy p =
        GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, -0.5, 3);
    Learner learner = Learner.fresh(p, 1e-3);
    float[] obs = new float[4 * env.observationSpec().size()];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) Math.sin(i);
    }
    p.norm().update(obs, 4);
    learner.step(
        p.normalize(obs, 4),
        4,
        (mean, value, dMean, dValue, dLogStd) -> {
          Arrays.fill(dMean, 0.1f);
          Arrays.fill(dValue, -0.2f);
          Arrays.fill(dLogStd, 0.3f);
        },
        0.5,
        1);
    return learner;
  }

  @Test
  void saveAndLoadGiveIdenticalActionsSpecsAndOptimizerState() throws Exception {
    Env env = Scenarios.make("race");
    Learner learner = trainedALittle(env);
    GaussianPolicy p = learner.policy();
    Path file = dir.resolve("policy.zip");
    PolicyFile.save(file, learner, meta(env));
    PolicyFile.Loaded l = PolicyFile.load(file);
    float[] obs = env.reset(9);
    assertThat(l.policy().actDeterministic(obs, 1)).isEqualTo(p.actDeterministic(obs, 1));
    assertThat(l.policy().sample(obs, 1, new SplittableRandom(4)).actions())
        .isEqualTo(p.sample(obs, 1, new SplittableRandom(4)).actions());
    assertThat(l.observationSpec()).isEqualTo(env.observationSpec());
    assertThat(l.actionSpec()).isEqualTo(env.actionSpec());
    assertThat(l.hasOptimizerState()).isTrue();
    Learner.State saved = learner.state();
    assertThat(l.optimizer().network().m()).containsExactly(saved.network().m());
    assertThat(l.optimizer().network().v()).containsExactly(saved.network().v());
    assertThat(l.optimizer().network().t()).isEqualTo(1);
    assertThat(l.optimizer().logStd().m()).containsExactly(saved.logStd().m());
    assertThat(l.optimizer().logStd().v()).containsExactly(saved.logStd().v());
    PolicyFile.save(dir.resolve("plain.zip"), p, meta(env));
    assertThat(PolicyFile.load(dir.resolve("plain.zip")).hasOptimizerState()).isFalse();
    assertThat(l.meta().steps()).isEqualTo(1234);
    assertThat(Scenarios.config("race", l.meta().scenarioConfig()))
        .isEqualTo(env.unwrapped().config());
    PolicyFit.checkFits(file, l, env);
  }

  @Test
  void truncatedCorruptAndMissingFilesAreRefusedNamingTheFile() throws Exception {
    Env env = Scenarios.make("race");
    Path file = dir.resolve("policy.zip");
    PolicyFile.save(file, trainedALittle(env), meta(env));
    byte[] bytes = Files.readAllBytes(file);
    for (int cut : new int[] {0, 10, bytes.length / 3, bytes.length / 2, bytes.length - 30}) {
      Path truncated = dir.resolve("truncated-" + cut + ".zip");
      Files.write(truncated, Arrays.copyOf(bytes, cut));
      assertThatThrownBy(() -> PolicyFile.load(truncated))
          .as("cut at %d of %d bytes", cut, bytes.length)
          .isInstanceOf(PolicyFile.PolicyFileException.class)
          .hasMessageContaining(truncated.toString())
          .hasMessageContaining("unusable");
    }
    Path garbage = dir.resolve("garbage.zip");
    Files.writeString(garbage, "not a policy at all");
    assertThatThrownBy(() -> PolicyFile.load(garbage))
        .isInstanceOf(PolicyFile.PolicyFileException.class)
        .hasMessageContaining("garbage.zip");
    assertThatThrownBy(() -> PolicyFile.load(dir.resolve("missing.zip")))
        .isInstanceOf(PolicyFile.PolicyFileException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aPolicyForAnotherScenarioOrSensorLayoutIsRefusedNamingTheChannels() throws Exception {
    Env race = Scenarios.make("race");
    Path file = dir.resolve("race.zip");
    PolicyFile.save(file, trainedALittle(race).policy(), meta(race));
    PolicyFile.Loaded l = PolicyFile.load(file);
    assertThatThrownBy(() -> PolicyFit.checkFits(file, l, Scenarios.make("navigate")))
        .hasMessageContaining("trained on scenario 'race', not 'navigate'");
    Env moreRays = Scenarios.make("race", Map.of("lidar.rays", 36));
    assertThatThrownBy(() -> PolicyFit.checkFits(file, l, moreRays))
        .hasMessageContaining("does not fit")
        .hasMessageContaining("lidar.32")
        .hasMessageContaining("speed");
  }

  @Test
  void theWriteIsAtomicAndLeavesNoTemporaryFile() throws Exception {
    Env env = Scenarios.make("race");
    Path file = dir.resolve("p.zip");
    PolicyFile.save(file, trainedALittle(env).policy(), meta(env));
    PolicyFile.save(file, trainedALittle(env), meta(env));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
