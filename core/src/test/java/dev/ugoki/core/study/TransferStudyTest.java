package dev.ugoki.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferStudyTest {
  private static TransferStudy.Point p(String start, long steps, double success) {
    return new TransferStudy.Point("app", start, 1, steps, success, 0);
  }

  @Test
  void stepsToTargetIsWhereTheCurveReachesItForGood() {
    List<TransferStudy.Point> pts =
        List.of(
            p("scratch", 1000, 0.2),
            p("scratch", 2000, 0.95),
            p("scratch", 4000, 0.85),
            p("scratch", 8000, 0.92),
            p("scratch", 16000, 1.0));
    // 2000 reached it once, but 4000 fell back: the curve holds from 8000 on
    assertThat(TransferStudy.stepsToTarget(pts, "app", "scratch", 1, 0.9, Double.NaN))
        .isEqualTo(8000);
    assertThat(TransferStudy.stepsToTarget(pts, "app", "scratch", 1, 1.0, Double.NaN))
        .isEqualTo(16000);
    List<TransferStudy.Point> never = List.of(p("scratch", 1000, 0.5), p("scratch", 2000, 0.8));
    assertThat(TransferStudy.stepsToTarget(never, "app", "scratch", 1, 0.9, Double.NaN))
        .isEqualTo(-1);
    // a fine-tune counts its zero-shot start as budget 0
    List<TransferStudy.Point> ft = List.of(p("fine-tune", 1000, 0.93), p("fine-tune", 2000, 1));
    assertThat(TransferStudy.stepsToTarget(ft, "app", "fine-tune", 1, 0.9, 0.92)).isZero();
    assertThat(TransferStudy.stepsToTarget(ft, "app", "fine-tune", 1, 0.9, 0.5)).isEqualTo(1000);
    assertThat(TransferStudy.stepsToTarget(ft, "app", "fine-tune", 2, 0.9, 0.5)).isEqualTo(-1);
  }

  @Test
  void builtInApplicationsAreFoundByName() {
    assertThat(Application.named("long-car").scenario()).isEqualTo("race");
    assertThat(Application.named("big-robot").sets()).contains("robot.radius=0.35");
    assertThatThrownBy(() -> Application.named("jet")).hasMessageContaining("long-car");
  }

  @Test
  void anApplicationGetsTheBodyChannelsTheFoundationLearnedItsTaskWith() {
    var env = dev.ugoki.sim.registry.Scenarios.make("race");
    var policy =
        dev.ugoki.core.policy.GaussianPolicy.create(
            env.observationSpec(), env.actionSpec(), 4, 1, 0, 1);
    java.util.function.Function<java.util.Map<String, Object>, dev.ugoki.core.io.PolicyFile.Loaded>
        foundation =
            keys ->
                new dev.ugoki.core.io.PolicyFile.Loaded(
                    policy,
                    new dev.ugoki.core.io.PolicyFile.Meta(
                        "multitask",
                        1,
                        keys,
                        "bc",
                        java.util.Map.of(),
                        1,
                        1,
                        1,
                        java.util.Map.of()),
                    env.observationSpec(),
                    env.actionSpec(),
                    null,
                    null);
    var aware = foundation.apply(java.util.Map.of("race/body.observe", true));
    Application fast = Application.named("fast-car");
    assertThat(TransferStudy.overrides(aware, "race", fast))
        .containsEntry("body.observe", true)
        .containsEntry("car.max_speed", 35);
    assertThat(TransferStudy.overrides(aware, "navigate", Application.named("big-robot")))
        .doesNotContainKey("body.observe");
    assertThat(TransferStudy.overrides(foundation.apply(java.util.Map.of()), "race", fast))
        .isEqualTo(fast.overrides());
  }
}
