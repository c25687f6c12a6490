package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.core.replay.ReplayFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ugoki eval --record} keeps every episode as a replay, and {@code ./ugoki replay} plays
 * every recorded episode again headless: each reproduces its recorded rewards bit for bit, for the
 * expert and a policy on every scenario; a replay changed by one digit is caught.
 */
class ReplayCommandTest extends CliTest {
  @TempDir Path dir;

  private List<Path> replays(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(f -> f.toString().endsWith(ReplayFile.SUFFIX)).sorted().toList();
    }
  }

  @Test
  void everyRecordedEpisodeReplaysBitForBit() throws Exception {
    String[][] evals = {
      {"--expert", "--scenario", "race", "--seeds", "1-4"},
      {"--expert", "--scenario", "navigate", "--seeds", "1-4"},
      {"--expert", "--scenario", "reach", "--seeds", "1-4", "--set", "obs_noise=0.02"},
      {"--policy", "zoo:race", "--seeds", "11-16"},
      {"--policy", "zoo:foundation", "--scenario", "multitask", "--seeds", "1-9"},
    };
    int expected = 0;
    for (int i = 0; i < evals.length; i++) {
      Path d = dir.resolve("e" + i);
      String[] args = new String[evals[i].length + 3];
      args[0] = "eval";
      System.arraycopy(evals[i], 0, args, 1, evals[i].length);
      args[args.length - 2] = "--record";
      args[args.length - 1] = d.toString();
      assertThat(run(args)).as(err.toString()).isZero();
      int n = replays(d).size();
      assertThat(out.toString()).contains("wrote " + n + " replays to " + d);
      expected += n;
      assertThat(n).isEqualTo(new int[] {4, 4, 4, 6, 9}[i]);
    }
    out.getBuffer().setLength(0);
    String[] all = new String[evals.length + 1];
    all[0] = "replay";
    for (int i = 0; i < evals.length; i++) {
      all[i + 1] = dir.resolve("e" + i).toString();
    }
    assertThat(run(all)).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains(expected + " of " + expected + " replays")
        .contains("reproduced bit for bit")
        .doesNotContain("NOT reproduced");
    // the same evaluation writes the same bytes
    Path again = dir.resolve("again");
    assertThat(
            run("eval", "--policy", "zoo:race", "--seeds", "11-16", "--record", again.toString()))
        .isZero();
    for (Path f : replays(again)) {
      assertThat(Files.readAllBytes(f))
          .isEqualTo(Files.readAllBytes(dir.resolve("e3").resolve(f.getFileName())));
    }
  }

  @Test
  void aReplayChangedByOneDigitIsNotReproduced() throws Exception {
    Path d = dir.resolve("r");
    assertThat(
            run("eval", "--expert", "--scenario", "race", "--seeds", "3", "--record", d.toString()))
        .isZero();
    Path f = d.resolve("seed-3.replay.jsonl");
    List<String> lines = Files.readAllLines(f);
    // step 10 steers otherwise: the rewards from there on differ
    String changed = lines.get(11).replaceFirst("\"action\":\\[[^,]+,", "\"action\":[0.37,");
    assertThat(changed).isNotEqualTo(lines.get(11));
    lines.set(11, changed);
    Files.write(f, lines);
    out.getBuffer().setLength(0);
    assertThat(run("replay", f.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("NOT reproduced: step 10 gave reward")
        .contains("0 of 1 replays");
  }

  @Test
  void recordRefusesTheClusterAndReplayRefusesAMissingPath() {
    assertThat(
            run(
                "eval",
                "--expert",
                "--seeds",
                "1-2",
                "--record",
                dir.toString(),
                "--master",
                "local[1]"))
        .isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString()).contains("--record").contains("--master");
    err.getBuffer().setLength(0);
    assertThat(run("replay", dir.resolve("nothing").toString())).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString().strip()).contains("no replay file or folder").doesNotContain("\n");
  }
}
