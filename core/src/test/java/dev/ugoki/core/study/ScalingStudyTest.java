package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.core.cell.CellJob;
import dev.ugoki.core.cell.CellRunner;
import dev.ugoki.core.cell.Sequential;
import dev.ugoki.core.eval.SeedRange;
import dev.ugoki.core.study.ScalingStudy.Cell;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingStudyTest {
  @TempDir Path tmp;

  private Path config(String family) throws Exception {
    Path f = tmp.resolve("family.yaml");
    Files.writeString(
        f,
        "scenario: race\nalgo: bc\nseed: 1\nsteps: 1000\nscenario_config:\n"
            + family
            + "algo_config:\n  epochs: 2\n");
    return f;
  }

  private static final String CARS =
      "  body.max_speed: 0.5\n  dr.friction: 0.3\n  body.edge: 0.2\n  body.holdout: 4\n";

  private ScalingStudy.Settings settings(Path config, Path dir) {
    return ScalingStudy.around(config, 1, 8, 400, List.of(1L), new SeedRange(1001, 1002), dir);
  }

  @Test
  void eachAxisVariesFromTheBaseAndTheBasePointRunsOnce() throws Exception {
    List<Cell> cells = ScalingStudy.cells(settings(config(CARS), tmp));
    assertThat(cells)
        .containsExactly(
            new Cell(1, 8, 400, 1),
            new Cell(3, 8, 400, 1),
            new Cell(1, 16, 400, 1),
            new Cell(1, 8, 800, 1));
  }

  @Test
  void aKilledStudyResumesWithoutRedoingItsCellsAndEndsWithTheSameFiles() throws Exception {
    Path config = config(CARS);
    Path whole = tmp.resolve("whole");
    List<ScalingStudy.Point> all =
        new ScalingStudy(
                settings(config, whole), new Sequential(), new PrintWriter(new StringWriter()))
            .run();
    assertThat(all).hasSize(4);
    byte[] csv = Files.readAllBytes(whole.resolve("results.csv"));
    List<String> lines = Files.readAllLines(whole.resolve("results.csv"));
    assertThat(lines).hasSize(5);

    // killed after two cells, in the middle of writing the third row
    Path killed = tmp.resolve("killed");
    Files.createDirectories(killed);
    Files.copy(whole.resolve("results.csv.job"), killed.resolve("results.csv.job"));
    Files.writeString(
        killed.resolve("results.csv"),
        lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n" + "1,16,4",
        StandardCharsets.UTF_8);
    StringWriter log = new StringWriter();
    List<Cell> ran = new ArrayList<>();
    CellRunner counting =
        new CellRunner() {
          @Override
          public <K extends Serializable, R extends Serializable> void run(
              List<K> keys, CellJob<K, R> job, BiConsumer<K, R> done) {
            keys.forEach(k -> ran.add((Cell) k));
            new Sequential().run(keys, job, done);
          }

          @Override
          public String describe() {
            return "counting";
          }

          @Override
          public void close() {}
        };
    new ScalingStudy(settings(config, killed), counting, new PrintWriter(log)).run();
    assertThat(log.toString()).contains("4 cells, 2 already in").contains("2 to run");
    assertThat(Files.readAllBytes(killed.resolve("results.csv"))).isEqualTo(csv);
    assertThat(Files.readString(killed.resolve("summary.json")))
        .isEqualTo(Files.readString(whole.resolve("summary.json")));
    assertThat(killed.resolve("scaling.png")).isNotEmptyFile();
    // the finished cells were not trained again
    assertThat(ran).containsExactly(new Cell(1, 16, 400, 1), new Cell(1, 8, 800, 1));

    // the same folder with another config is refused, not mixed in
    Files.writeString(config, Files.readString(config).replace("epochs: 2", "epochs: 3"));
    assertThatThrownBy(
            () ->
                new ScalingStudy(settings(config, killed), new Sequential(), new PrintWriter(log))
                    .run())
        .hasMessageContaining("holds the results of another study");
    assertThat(Files.readAllBytes(killed.resolve("results.csv"))).isEqualTo(csv);
  }

  @Test
  void aFamilyWithoutHeldOutBodiesIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path dir = tmp.resolve("study");
    Path config = config("  body.max_speed: 0.5\n  body.edge: 0.2\n");
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                        settings(config, dir),
                        new Sequential(),
                        new PrintWriter(new StringWriter()))
                    .run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body.holdout");
    assertThat(dir).doesNotExist();
  }

  @Test
  void anotherTablesResultsAreRefused() throws Exception {
    Path dir = tmp.resolve("study");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.csv"), "app,start,seed\nx,y,1\n");
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                        settings(config(CARS), dir),
                        new Sequential(),
                        new PrintWriter(new StringWriter()))
                    .run())
        .hasMessageContaining("not a scaling study's results");
    Files.writeString(
        dir.resolve("results.csv"),
        String.join(",", ScalingStudy.COLUMNS) + "\n1,8,400,1,1.5,0.2\n");
    assertThatThrownBy(
            () ->
                new ScalingStudy(
                        settings(config(CARS), dir),
                        new Sequential(),
                        new PrintWriter(new StringWriter()))
                    .run())
        .hasMessageContaining("bad row")
        .hasMessageContaining("[0, 1]");
  }
}
