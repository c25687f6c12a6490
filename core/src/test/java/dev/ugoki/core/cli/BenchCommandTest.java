package dev.ugoki.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speed table on the shortest samples: every row, and its JSON (what a user compares). */
class BenchCommandTest extends CliTest {
  @Test
  void printsEveryRowAndWritesThemAsJson(@TempDir Path tmp) throws Exception {
    Path json = tmp.resolve("bench.json");
    assertThat(
            run(
                "bench",
                "--seconds",
                "0.02",
                "--samples",
                "1",
                "--skip-training",
                "--json",
                json.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("policy forward (inference)")
        .contains("PPO minibatch step")
        .contains("rollout, policy in the loop")
        .contains("SIMD: Vector API");
    JsonNode rows = new ObjectMapper().readTree(json.toFile());
    List<String> forward = new ArrayList<>();
    for (JsonNode r : rows) {
      assertThat(r.get("median").asDouble()).as(r.toString()).isPositive();
      assertThat(r.get("threads").asInt()).isPositive();
      if (r.get("name").asText().startsWith("policy forward")) {
        forward.add(r.get("batch").asText() + " " + r.get("unit").asText());
      }
    }
    assertThat(forward).containsExactly("1 rows/s", "16 rows/s", "64 rows/s", "256 rows/s");
    // race 6, the car models alone 2, grandprix 1, push 2, the contact pile 1; forward 4, PPO 3,
    // rollouts 2
    assertThat(rows).hasSize(6 + 2 + 1 + 2 + 1 + 4 + 3 + 2);
    assertThat(out.toString())
        .contains("race, dynamic car")
        .contains("car alone, dynamic single track")
        .contains("grandprix, 8 cars on one track")
        .contains("push, vectorized")
        .contains("contact stress, 50 bodies");
  }

  @Test
  void refusesSamplesThatMeasureNothing() {
    assertThat(run("bench", "--seconds", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--seconds must be more than 0 and at most 600, got 0.0");
  }
}
