package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFileTest {
  @TempDir Path dir;

  private final Env env = Scenarios.make("race");

  /** Records {@code steps} expert steps of race (seed 3) and returns them as written. */
  private List<DemoStep> record(DemoWriter w, int steps) throws IOException {
    List<DemoStep> written = new ArrayList<>();
    float[] obs = env.reset(3);
    for (int t = 0; t < steps; t++) {
      float[] action = env.unwrapped().expert().act();
      StepResult r = env.step(action);
      DemoStep s = new DemoStep(0, 3, t, obs, action, r.reward(), r.terminated(), r.truncated());
      w.write(s);
      written.add(s);
      obs = r.observation();
    }
    return written;
  }

  private Path recorded(int steps) throws IOException {
    Path file = dir.resolve("demo.jsonl");
    try (DemoWriter w = DemoFile.create(file, DemoHeader.of(env, "expert"))) {
      record(w, steps);
    }
    return file;
  }

  /** Replaces line {@code lineNo} (1-based) of a file. */
  private static void replaceLine(Path file, int lineNo, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(lineNo - 1, text);
    Files.write(file, lines);
  }

  /** Going back to a mark drops the steps after it, whole lines; a mark ahead is refused. */
  @Test
  void aWriterGoesBackToAMarkAndTheFileStaysReadable() throws Exception {
    Path file = dir.resolve("marked.jsonl");
    List<DemoStep> kept;
    try (DemoWriter w = DemoFile.create(file, DemoHeader.of(env, "human"))) {
      kept = record(w, 12);
      DemoWriter.Mark m = w.mark();
      record(w, 7);
      assertThat(w.steps()).isEqualTo(19);
      w.truncate(m);
      assertThat(w.steps()).isEqualTo(12);
      assertThatThrownBy(() -> w.truncate(new DemoWriter.Mark(m.bytes() + 1, 12)))
          .hasMessageContaining("ahead");
    }
    Demonstrations d = DemoFile.read(file, env);
    assertThat(d.rows()).isEqualTo(12);
    assertThat(java.util.Arrays.copyOfRange(d.actions(), 22, 24))
        .containsExactly(kept.get(11).action());
  }

  @Test
  void whatIsWrittenIsReadBackExactly() throws IOException {
    Path file = dir.resolve("demo.jsonl");
    DemoHeader header = DemoHeader.of(env, "expert");
    List<DemoStep> written;
    try (DemoWriter w = DemoFile.create(file, header)) {
      written = record(w, 30);
    }

    Demonstrations d = DemoFile.read(file, env);

    assertThat(d.rows()).isEqualTo(30);
    assertThat(d.skippedLines()).isZero();
    assertThat(d.warnings()).isEmpty();
    assertThat(d.header()).isEqualTo(header);
    for (int t = 0; t < 30; t++) {
      assertThat(Arrays.copyOfRange(d.observations(), t * 40, t * 40 + 40))
          .containsExactly(written.get(t).observation());
      assertThat(Arrays.copyOfRange(d.actions(), t * 2, t * 2 + 2))
          .containsExactly(written.get(t).action());
    }
    assertThat(d.episodes()).containsOnly(0);
    assertThat(d.episodeCount()).isEqualTo(1);
  }

  @Test
  void theFileIsJsonLinesWithTheDocumentedFields() throws IOException {
    List<String> lines = Files.readAllLines(recorded(2));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("{\"format\":\"ugoki-demo\",\"version\":1,")
        .contains(
            "\"scenario\":\"race\"",
            "\"scenario_version\":1",
            "\"config\":{",
            "\"observation\":{\"high\":[",
            "\"names\":[\"lidar.00\"",
            "\"action\":{\"high\":[1.0,1.0],\"low\":[-1.0,-1.0],\"names\":[\"steer\"",
            "\"source\":\"expert\"",
            "\"created\":\"");
    assertThat(lines.get(1))
        .startsWith("{\"episode\":0,\"seed\":3,\"t\":0,\"obs\":[")
        .contains("\"action\":[", "\"reward\":", "\"terminated\":false", "\"truncated\":false");
  }

  @Test
  void aCutOffLastLineIsSkippedAndReported() throws IOException {
    Path file = recorded(5);
    String whole = Files.readAllLines(file).get(5);
    Files.writeString(file, whole.substring(0, whole.length() / 2), StandardOpenOption.APPEND);

    Demonstrations d = DemoFile.read(file);

    assertThat(d.rows()).isEqualTo(5);
    assertThat(d.skippedLines()).isEqualTo(1);
    assertThat(d.warnings()).singleElement().asString().contains("line 7").contains("cut off");
  }

  @Test
  void aFileWhoseWriterWasNeverClosedIsReadable() throws IOException {
    Path file = dir.resolve("crashed.jsonl");
    DemoWriter w = DemoFile.create(file, DemoHeader.of(env, "human"));
    record(w, 12);
    // no close(): as after a crash, the reader sees what the writer handed to the system

    Demonstrations d = DemoFile.read(file, env);

    assertThat(d.rows()).isEqualTo(12);
    assertThat(d.header().source()).isEqualTo("human");
    w.close();
  }

  @Test
  void aLineInTheMiddleThatIsNotJsonIsRefusedByItsNumber() throws IOException {
    Path file = recorded(5);
    replaceLine(file, 3, "{\"episode\":0,\"seed\":3,garbage");

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3:")
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() throws IOException {
    Path file = recorded(5);
    String line = Files.readAllLines(file).get(3);
    replaceLine(file, 4, line.replace("\"obs\":[", "\"obs\":[0.5,"));

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4:")
        .hasMessageContaining("'obs' has 41 values")
        .hasMessageContaining("declares 40");
  }

  @Test
  void aNanIsRefusedNamingItsChannel() throws IOException {
    Path file = recorded(5);
    String line = Files.readAllLines(file).get(2);
    replaceLine(file, 3, line.replaceFirst("\"action\":\\[[^,]+,", "\"action\":[NaN,"));

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3:")
        .hasMessageContaining("(steer) is NaN");
  }

  @Test
  void aValueFarOutsideItsChannelsBoundsIsRefused() throws IOException {
    Path file = recorded(5);
    String line = Files.readAllLines(file).get(2);
    replaceLine(
        file, 3, line.replaceFirst("\"action\":\\[([^,]+),[^\\]]+]", "\"action\":[$1,1e30]"));
    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3:")
        .hasMessageContaining("(throttle) is 1e30, far outside its bounds [-1.0, 1.0]");
  }

  @Test
  void aDamagedHeaderIsRefused() throws IOException {
    Path file = recorded(2);
    replaceLine(file, 1, "{\"format\":\"ugoki-demo\",\"version\":1,\"scenario\":\"ra");

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1:")
        .hasMessageContaining("not a demonstration header");
  }

  @Test
  void anotherFormatOrANewerVersionIsRefused() throws IOException {
    Path file = recorded(1);
    String header = Files.readAllLines(file).get(0);
    replaceLine(file, 1, header.replace("\"version\":1", "\"version\":2"));
    assertThatThrownBy(() -> DemoFile.read(file))
        .hasMessageContaining("line 1:")
        .hasMessageContaining("version 2");

    replaceLine(file, 1, header.replace("ugoki-demo", "other"));
    assertThatThrownBy(() -> DemoFile.read(file))
        .hasMessageContaining("not a Ugoki demonstration file");
  }

  @Test
  void anEmptyFileIsRefusedWithAMessage() throws IOException {
    Path file = dir.resolve("empty.jsonl");
    Files.createFile(file);

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void binaryGarbageIsRefusedNotCrashedOn() throws IOException {
    Path file = recorded(3);
    byte[] bytes = Files.readAllBytes(file);
    byte[] junk = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, '\n'};
    byte[] damaged = new byte[bytes.length + junk.length];
    int cut = new String(bytes, StandardCharsets.UTF_8).indexOf('\n') + 1;
    System.arraycopy(bytes, 0, damaged, 0, cut);
    System.arraycopy(junk, 0, damaged, cut, junk.length);
    System.arraycopy(bytes, cut, damaged, cut + junk.length, bytes.length - cut);
    Files.write(file, damaged);

    assertThatThrownBy(() -> DemoFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2:");
  }

  @Test
  void channelsThatDoNotMatchTheEnvironmentAreRefusedByName() throws IOException {
    Env sixteenRays = Scenarios.make("race", Map.of("lidar.rays", 16));
    Path file = dir.resolve("rays16.jsonl");
    try (DemoWriter w = DemoFile.create(file, DemoHeader.of(sixteenRays, "expert"))) {
      float[] obs = sixteenRays.reset(1);
      w.write(0, 1, 0, obs, new float[] {0, 1}, 0, false, false);
    }

    assertThatThrownBy(() -> DemoFile.read(file, env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation channels do not match")
        .hasMessageContaining("lidar.31: only in the other spec")
        .hasMessageContaining("speed: at index 16 here, 32 there");
  }

  @Test
  void anotherConfigurationWithTheSameChannelsIsAWarningNotARefusal() throws IOException {
    Env slower = Scenarios.make("race", Map.of("car.max_speed", 15));
    Path file = dir.resolve("slow.jsonl");
    try (DemoWriter w = DemoFile.create(file, DemoHeader.of(slower, "expert"))) {
      w.write(0, 1, 0, slower.reset(1), new float[] {0, 1}, 0, false, false);
    }

    Demonstrations d = DemoFile.read(file, env);

    assertThat(d.rows()).isEqualTo(1);
    assertThat(d.warnings()).singleElement().asString().contains("car.max_speed");
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws IOException {
    Path file = recorded(3);

    assertThatThrownBy(() -> DemoFile.create(file, DemoHeader.of(env, "expert")))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(DemoFile.read(file).rows()).isEqualTo(3);
  }

  @Test
  void theWriterRefusesStepsItCouldNotReadBack() throws IOException {
    try (DemoWriter w = DemoFile.create(dir.resolve("d.jsonl"), DemoHeader.of(env, "expert"))) {
      float[] obs = env.reset(1);
      assertThatThrownBy(() -> w.write(0, 1, 0, obs, new float[] {Float.NaN, 0}, 0, false, false))
          .hasMessageContaining("steer");
      assertThatThrownBy(() -> w.write(0, 1, 0, new float[3], new float[2], 0, false, false))
          .hasMessageContaining("observation has 3 values");
      assertThat(w.steps()).isZero();
    }
  }
}
