package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.algorithm.PpoConfig;
import dev.ugoki.core.cell.CellTable;
import dev.ugoki.core.eval.Evaluation;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.io.Zoo;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model zoo: every shipped policy is the file its card describes, loads, fits each scenario the
 * card evaluates it on and reaches the card's success rate (within a tolerance) on the first seeds
 * of the card's unseen ones; and {@code ./ugoki zoo} builds a whole zoo (on smoke-test budgets).
 */
class ZooBuildTest {
  /** Seeds of each card's evaluation run again here. */
  static final int SEEDS = 20;

  /** How far below its card's rate a policy may fall on those few seeds. */
  static final double TOLERANCE = 0.15;

  @ParameterizedTest
  @ValueSource(strings = {"race", "navigate", "foundation"})
  void everyShippedPolicyDrivesAsItsCardSays(String name) throws Exception {
    Path file = Zoo.resolve(Zoo.SCHEME + name);
    Zoo.Card card = Zoo.Card.read(Zoo.card(file.getParent(), name));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(card.name()).isEqualTo(name);
    assertThat(card.sizeBytes()).isEqualTo(bytes.length);
    assertThat(card.sha256()).isEqualTo(CellTable.digest(bytes));
    assertThat(card.commands()).isNotEmpty().allMatch(c -> c.startsWith("./ugoki "));
    assertThat(card.evaluations()).isNotEmpty();
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    assertThat(loaded.hasOptimizerState()).as("a shipped policy carries no optimizer").isFalse();
    for (Zoo.Card.Evaluation e : card.evaluations()) {
      SeedRange cardSeeds = SeedRange.parse(e.seeds());
      assertThat(cardSeeds.last())
          .as("a card's seeds are never validation seeds")
          .isLessThan(PpoConfig.VALIDATION_FIRST_SEED);
      var cfg = ZooBuild.config(loaded.meta(), e.scenario(), e.sets());
      PolicyFit.fit(file, loaded, Scenarios.make(cfg)); // fits, or throws naming why
      SeedRange few = new SeedRange(cardSeeds.first(), cardSeeds.first() + SEEDS - 1);
      Evaluation.Summary s = Evaluation.ofFile(file, loaded, cfg, few, Evaluation.THREADS);
      assertThat(s.successRate())
          .as("zoo:%s on %s, seeds %s (card: %.2f)", name, e.scenario(), few, e.success())
          .isGreaterThanOrEqualTo(e.success() - TOLERANCE);
    }
  }

  @Test
  void theZooCommandBuildsEveryPolicyWithItsCard(@TempDir Path tmp) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path out = tmp.resolve("zoo");
    StringWriter log = new StringWriter();
    List<Zoo.Card> cards =
        ZooBuild.build(
            root,
            out,
            tmp.resolve("runs"),
            true,
            new SeedRange(1001, 1001),
            new PrintWriter(log, true));
    assertThat(cards).extracting(Zoo.Card::name).containsExactlyElementsOf(Zoo.NAMES);
    for (Zoo.Card c : cards) {
      Path file = Zoo.file(out, c.name());
      assertThat(Zoo.Card.read(Zoo.card(out, c.name()))).isEqualTo(c);
      assertThat(c.sha256()).isEqualTo(CellTable.digest(Files.readAllBytes(file)));
      PolicyFile.Loaded loaded = PolicyFile.load(file);
      assertThat(loaded.hasOptimizerState()).isFalse();
      assertThat(c.evaluations()).allMatch(e -> e.seeds().equals("1001-1001"));
    }
    assertThat(PolicyFile.load(Zoo.file(out, "foundation")).adapter()).isNotNull();
    // cloned, refined by PPO from the clone (held near it), then taught to infer its body
    List<String> foundation = cards.get(2).commands();
    assertThat(foundation).hasSize(3);
    assertThat(foundation.get(1))
        .startsWith("./ugoki train --config configs/foundation-family.yaml --algo ppo --from ")
        .contains("multitask-bc-1-")
        .contains("--set ppo.anchor_coef=1");
    assertThat(foundation.get(2))
        .startsWith("./ugoki adapt --policy ")
        .contains("multitask-ppo-1-");
    assertThat(cards.get(2).evaluations())
        .extracting(Zoo.Card.Evaluation::scenario)
        .containsExactly("race", "navigate", "reach");
    assertThat(cards.get(2).evaluations().get(0).sets())
        .contains("body.observe=true", "body.split=1");
    assertThat(Files.readString(out.resolve("README.md")))
        .contains("`zoo:race`", "`zoo:navigate`", "`zoo:foundation`");
  }
}
