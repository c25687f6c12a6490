package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
  private static LinkedHashMap<String, Double> row(int update) {
    LinkedHashMap<String, Double> r = new LinkedHashMap<>();
    r.put("update", (double) update);
    r.put("global_step", update * 100.0);
    r.put("loss", 0.5);
    return r;
  }

  @Test
  void aResumeKeepsWholeRowsUpToItsUpdate(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("metrics.csv");
    try (MetricsLog log = new MetricsLog(f, -1)) {
      for (int u = 1; u <= 4; u++) {
        log.write(row(u));
      }
    }
    // a kill cut the last line short, in its second cell
    Files.writeString(f, "5,50", java.nio.file.StandardOpenOption.APPEND);
    try (MetricsLog log = new MetricsLog(f, 3)) {
      log.write(row(4));
    }
    assertThat(Files.readAllLines(f))
        .containsExactly(
            "update,global_step,loss",
            "1,100,0.500000",
            "2,200,0.500000",
            "3,300,0.500000",
            "4,400,0.500000");
  }

  @Test
  void aLogWithoutItsHeaderIsSetAsideNotLost(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("metrics.csv");
    Files.writeString(f, "1,100,0.5\n2,200,0.5\n");
    try (MetricsLog log = new MetricsLog(f, 2)) {
      log.write(row(3));
    }
    assertThat(Files.readAllLines(f)).containsExactly("update,global_step,loss", "3,300,0.500000");
    assertThat(Files.readString(tmp.resolve("metrics.csv.damaged")))
        .isEqualTo("1,100,0.5\n2,200,0.5\n");
    Files.write(f, new byte[] {(byte) 0xC3, (byte) 0x28, 10}); // not UTF-8
    try (MetricsLog log = new MetricsLog(f, 2)) {
      log.write(row(3));
    }
    assertThat(Files.readAllLines(f)).hasSize(2);
  }
}
