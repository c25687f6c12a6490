package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.io.DemoFile;
import dev.ugoki.core.io.Demonstrations;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCollectionTest {
  @TempDir Path tmp;

  /** Runs the cells in this process but hands their results back last first. */
  private static final class Backwards implements CellRunner {
    @Override
    public <K extends Serializable, R extends Serializable> void run(
        List<K> keys, CellJob<K, R> job, BiConsumer<K, R> done) {
      List<K> reversed = new ArrayList<>(keys);
      Collections.reverse(reversed);
      new Sequential(1).run(reversed, job, done);
    }

    @Override
    public String describe() {
      return "backwards";
    }

    @Override
    public void close() {}
  }

  private static List<String> steps(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size()); // the header carries the time of recording
  }

  @Test
  void theFileHoldsEverySeedsEpisodeInSeedOrderWhateverOrderTheBlocksFinish() throws Exception {
    Config reach = Scenarios.config("reach", Map.of());
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    PrintWriter quiet = new PrintWriter(new StringWriter());
    long n = DemoCollection.run(reach, new SeedRange(5, 14), 0.1, 3, a, new Sequential(), quiet);
    DemoCollection.run(reach, new SeedRange(5, 14), 0.1, 3, b, new Backwards(), quiet);
    assertThat(steps(b)).isEqualTo(steps(a)).hasSize((int) n);
    Demonstrations d = DemoFile.read(a, Scenarios.make(reach));
    assertThat((long) d.rows()).isEqualTo(n);
    assertThat(d.episodeCount()).isEqualTo(10);
    assertThat(d.warnings()).isEmpty();
    assertThat(steps(a).get(0)).startsWith("{\"episode\":0,\"seed\":5,\"t\":0,");
    assertThat(steps(a).get((int) n - 1)).contains("\"episode\":9,\"seed\":14,");
    // the noise moves the executed actions, so the episodes differ from the clean expert's
    Path clean = tmp.resolve("clean.jsonl");
    DemoCollection.run(reach, new SeedRange(5, 14), 0, 3, clean, new Sequential(), quiet);
    assertThat(steps(clean)).isNotEqualTo(steps(a));
  }

  @Test
  void aNoiseOutsideItsRangeIsRefused() {
    Config reach = Scenarios.config("reach", Map.of());
    assertThatThrownBy(
            () ->
                DemoCollection.run(
                    reach,
                    new SeedRange(1, 2),
                    2,
                    1,
                    tmp.resolve("x.jsonl"),
                    new Sequential(),
                    new PrintWriter(new StringWriter())))
        .hasMessageContaining("the noise must be in [0, 1], got 2.0");
    assertThat(tmp.resolve("x.jsonl")).doesNotExist();
  }

  /**
   * A file never grows past its limit, checked before each block is written (issue 26, probe 4:
   * {@code --seeds 1-100000} would have written some 40 GB): refused in one line naming the seed it
   * came to, and nothing is left, neither at the name nor beside it.
   */
  @Test
  void collectingPastTheLimitStopsBeforeTheBlockThatPassesItAndLeavesNothing() throws Exception {
    Config reach = Scenarios.config("reach", Map.of());
    PrintWriter quiet = new PrintWriter(new StringWriter());
    Path whole = tmp.resolve("whole.jsonl");
    long all = DemoCollection.run(reach, new SeedRange(1, 6), 0, 2, whole, new Sequential(), quiet);
    long firstFour =
        DemoCollection.run(
            reach, new SeedRange(1, 4), 0, 2, tmp.resolve("four.jsonl"), new Sequential(), quiet);

    Path cut = tmp.resolve("cut.jsonl");
    assertThatThrownBy(
            () ->
                DemoCollection.run(
                    reach, new SeedRange(1, 6), 0, 2, cut, new Sequential(), quiet, firstFour))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the demonstrations would hold ")
        .hasMessageContaining(" steps by seed 6, more than the " + String.format("%,d", firstFour))
        .hasMessageEndingWith("ask for fewer seeds; nothing was written");
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("whole.jsonl", "four.jsonl");
    }
    // exactly at the limit is allowed
    assertThat(
            DemoCollection.run(
                reach,
                new SeedRange(1, 6),
                0,
                2,
                tmp.resolve("at.jsonl"),
                new Sequential(),
                quiet,
                all))
        .isEqualTo(all);
  }
}
