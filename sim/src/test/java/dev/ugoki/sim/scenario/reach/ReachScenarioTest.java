package dev.ugoki.sim.scenario.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.sim.body.ArmState;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.Expert;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachScenarioTest {

  @Test
  void theExpertTouchesEveryTargetOnEverySeed() {
    int solved = 0;
    double timeS = 0;
    for (long seed = 1; seed <= 100; seed++) {
      Env env = Scenarios.make("reach");
      env.reset(seed);
      Expert expert = env.unwrapped().expert();
      StepResult r;
      do {
        r = env.step(expert.act());
      } while (!r.done());
      if (r.info().success()) {
        solved++;
        timeS += r.info().episodeTimeS();
      }
    }
    System.out.printf(
        "reach expert: every target touched on %d of 100 seeds, %.1f s mean%n",
        solved, timeS / Math.max(1, solved));
    assertThat(solved).isEqualTo(100);
  }

  @Test
  void targetsLieInTheReachableRingAndTheObservationPointsAtTheActiveOne() {
    ReachScenario s = new ReachScenario();
    for (long seed = 1; seed <= 50; seed++) {
      float[] o = s.reset(seed);
      for (int i = 0; i < s.targetCount(); i++) {
        double[] t = s.target(i);
        double r = Math.hypot(t[0], t[1]);
        assertThat(r).isBetween(s.armParams().minReachM(), s.armParams().maxReachM());
      }
      double[] tip = s.arm().tip(s.joints());
      double[] t = s.target(0);
      double reach = s.armParams().maxReachM();
      var spec = s.observationSpec();
      assertThat(o[spec.indexOf("goal.dx")])
          .isCloseTo((float) ((t[0] - tip[0]) / (2 * reach)), within(1e-6f));
      assertThat(o[spec.indexOf("goal.dy")])
          .isCloseTo((float) ((t[1] - tip[1]) / (2 * reach)), within(1e-6f));
      assertThat(o[spec.indexOf("tip.x")]).isCloseTo((float) (tip[0] / reach), within(1e-6f));
      double d = Math.hypot(t[0] - tip[0], t[1] - tip[1]);
      assertThat(o[spec.indexOf("goal.dir.x")])
          .isCloseTo((float) ((t[0] - tip[0]) / d), within(1e-6f));
      assertThat(o[spec.indexOf("goal.dir.y")])
          .isCloseTo((float) ((t[1] - tip[1]) / d), within(1e-6f));
    }
  }

  @Test
  void rewardTermsAreNamedAndProgressIsTheTipsApproach() {
    ReachScenario s = (ReachScenario) Scenarios.make(ReachScenario.NAME).unwrapped();
    s.reset(3);
    Expert e = s.expert();
    double before =
        Math.hypot(
            s.target(0)[0] - s.arm().tip(s.joints())[0],
            s.target(0)[1] - s.arm().tip(s.joints())[1]);
    StepResult r = s.step(e.act());
    double after =
        Math.hypot(
            s.target(0)[0] - s.arm().tip(s.joints())[0],
            s.target(0)[1] - s.arm().tip(s.joints())[1]);
    assertThat(r.info().rewardTerms().names()).containsExactly("progress", "goal", "time");
    assertThat(r.info().rewardTerms().get("progress"))
        .isCloseTo(5 * (before - after), within(1e-9));
    assertThat(r.info().crashed()).isFalse();
  }

  @Test
  void aBadArmIsRefusedNamingTheKeys() {
    assertThatThrownBy(
            () ->
                Scenarios.make(
                    "reach", Map.of("arm.upper", 3.0, "arm.fore", 0.2, "arm.elbow_limit_deg", 30)))
        .hasMessageContaining("arm.upper");
  }

  @Test
  void theJointsStartAtRest() {
    ReachScenario s = new ReachScenario();
    s.reset(9);
    ArmState j = s.joints();
    assertThat(j.shoulderRadps()).isZero();
    assertThat(j.elbowRadps()).isZero();
  }
}
