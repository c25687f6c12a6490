package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObservationHistoryTest {
  @Test
  void eachEntryHoldsWhatWasSeenAndDoneBeforeNeverAfter() {
    Env plain = Scenarios.make("race");
    Env hist = Scenarios.make("race", Map.of("history.steps", 3));
    int n = plain.observationSpec().size();
    int a = plain.actionSpec().size();
    assertThat(hist.observationSpec().size()).isEqualTo(n + 3 * (n + a));
    assertThat(hist.observationSpec().names())
        .contains("hist.1.speed", "hist.3.act.throttle")
        .startsWith(plain.observationSpec().names().toArray(String[]::new));

    List<float[]> seen = new ArrayList<>();
    List<float[]> done = new ArrayList<>();
    float[] o = plain.reset(7);
    float[] h = hist.reset(7);
    assertThat(Arrays.copyOf(h, n)).containsExactly(o);
    assertThat(Arrays.copyOfRange(h, n, h.length))
        .as("before the first step: zeros")
        .containsOnly(0f);
    SplittableRandom r = new SplittableRandom(1);
    for (int t = 0; t < 6; t++) {
      seen.add(o);
      float[] act = {(float) r.nextDouble(-1, 1), (float) r.nextDouble(0, 1)};
      done.add(act);
      o = plain.step(act).observation();
      h = hist.step(act).observation();
      assertThat(Arrays.copyOf(h, n)).as("the current observation").containsExactly(o);
      for (int j = 1; j <= 3; j++) {
        int at = n + (j - 1) * (n + a);
        int past = seen.size() - j;
        float[] obsJ = Arrays.copyOfRange(h, at, at + n);
        float[] actJ = Arrays.copyOfRange(h, at + n, at + n + a);
        if (past >= 0) {
          assertThat(obsJ).as("step %d, %d back", t, j).containsExactly(seen.get(past));
          assertThat(actJ).containsExactly(done.get(past));
        } else {
          assertThat(obsJ).containsOnly(0f);
          assertThat(actJ).containsOnly(0f);
        }
      }
    }
  }
}
