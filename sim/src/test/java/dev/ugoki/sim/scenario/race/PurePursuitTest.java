package dev.ugoki.sim.scenario.race;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurePursuitTest {

  @Test
  void completesALapOnAtLeast95PercentOfTrackSeeds1To100() {
    Env env = Scenarios.make("race", Map.of("max_steps", 4000));
    Expert expert = env.unwrapped().expert();
    List<Long> failed = new ArrayList<>();
    double lapTimeSum = 0;
    for (long seed = 1; seed <= 100; seed++) {
      env.reset(seed);
      StepResult r;
      do {
        r = env.step(expert.act());
      } while (!r.done());
      if (r.info().success()) {
        lapTimeSum += r.info().episodeTimeS();
      } else {
        failed.add(seed);
      }
    }
    int laps = 100 - failed.size();
    System.out.printf(
        "race expert: %d/100 laps, mean lap time %.1f s, failed seeds %s%n",
        laps, lapTimeSum / laps, failed);
    assertThat(laps).as("laps completed, failed seeds %s", failed).isGreaterThanOrEqualTo(95);
  }
}
