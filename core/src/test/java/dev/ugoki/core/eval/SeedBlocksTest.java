package dev.ugoki.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.SeedBlocks.Block;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedBlocksTest {
  @Test
  void blocksCoverTheRangeOnceTheLastOneShorter() {
    assertThat(SeedBlocks.blocks(new SeedRange(1, 12), 5))
        .containsExactly(new Block(1, 5), new Block(6, 10), new Block(11, 12));
    assertThat(SeedBlocks.blocks(new SeedRange(7, 7), 100)).containsExactly(new Block(7, 7));
    assertThatThrownBy(() -> SeedBlocks.blocks(new SeedRange(1, 2), 0))
        .hasMessageContaining("a block holds 1 to 100000 seeds, got 0");
  }

  @Test
  void theExpertInBlocksEqualsTheExpertInOneRun() throws Exception {
    Config reach = Scenarios.config("reach", Map.of());
    Env env = Scenarios.make(reach);
    Expert expert = env.expert();
    Evaluation.Summary one = Evaluation.run(env, obs -> expert.act(), 3, 14);
    Evaluation.Summary blocks =
        SeedBlocks.run(
            null,
            reach,
            new SeedRange(3, 14),
            4,
            new Sequential(),
            new PrintWriter(new StringWriter()));
    assertThat(blocks.episodes()).isEqualTo(one.episodes());
    assertThat(blocks.scenario()).isEqualTo("reach");
  }

  /** Near 2^63 a block's end once wrapped negative: 10 episodes for 8 seeds (issue 26, 13). */
  @Test
  void blocksAtTheTopOfTheSeedsNeverWrap() {
    long max = Long.MAX_VALUE;
    assertThat(SeedBlocks.blocks(new SeedRange(max - 7, max), 5))
        .containsExactly(new Block(max - 7, max - 3), new Block(max - 2, max));
    assertThat(SeedBlocks.blocks(new SeedRange(max, max), 100_000))
        .containsExactly(new Block(max, max));
    assertThat(SeedBlocks.blocks(new SeedRange(max - 99, max), 100))
        .containsExactly(new Block(max - 99, max));
  }

  @Test
  void theExpertAtTheTopSeedsRunsEachSeedOnce() throws Exception {
    long max = Long.MAX_VALUE;
    Evaluation.Summary s =
        SeedBlocks.run(
            null,
            Scenarios.config("reach", Map.of()),
            new SeedRange(max - 7, max),
            5,
            new Sequential(),
            new PrintWriter(new StringWriter()));
    assertThat(s.count()).isEqualTo(8);
    assertThat(s.episodes()).extracting(e -> e.seed()).doesNotHaveDuplicates();
  }
}
