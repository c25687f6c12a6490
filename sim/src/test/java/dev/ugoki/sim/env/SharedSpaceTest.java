package dev.ugoki.sim.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.sim.registry.Scenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The foundation's shared interface: every body's channels mapped into one layout by name. */
class SharedSpaceTest {
  private static Map<String, Env> tasks() {
    Map<String, Env> m = new LinkedHashMap<>();
    for (String t : List.of("race", "navigate", "reach")) {
      m.put(t, Scenarios.make(t));
    }
    return m;
  }

  @Test
  void theUnionLeadsWithTheTaskDescriptorAndSharesChannelsOfTheSameName() {
    Map<String, Env> t = tasks();
    Spec[] shared = SharedSpace.union(t);
    Spec obs = shared[0];
    assertThat(obs.names()).startsWith("task.race", "task.navigate", "task.reach");
    // the car's and the robot's lidar share slots; the robot's and the arm's goal.dist too
    assertThat(obs.names().stream().filter(n -> n.equals("lidar.00"))).hasSize(1);
    assertThat(obs.names()).contains("speed", "odom.v", "joint.elbow.cos", "goal.dist");
    int distinct =
        (int)
            t.values().stream()
                .flatMap(e -> e.observationSpec().names().stream())
                .distinct()
                .count();
    assertThat(obs.size()).isEqualTo(3 + distinct);
    assertThat(shared[1].names())
        .containsExactly("steer", "throttle", "left", "right", "shoulder", "elbow");
    // bounds: the union of each name's bounds (goal.dist is [0, 1] for both)
    int d = obs.indexOf("goal.dist");
    assertThat(obs.low(d)).isZero();
    assertThat(obs.high(d)).isEqualTo(1);
  }

  /** Each of the task's channels lands in the slot of its name; the others stay 0. */
  @Test
  void eachBodysChannelsAreMappedByName() {
    Map<String, Env> t = tasks();
    Spec[] shared = SharedSpace.union(t);
    for (String task : t.keySet()) {
      Env own = Scenarios.make(task);
      SharedSpace s = new SharedSpace(Scenarios.make(task), task, shared[0], shared[1]);
      float[] mine = own.reset(7);
      float[] wide = s.reset(7);
      Spec ownSpec = own.observationSpec();
      for (int i = 0; i < ownSpec.size(); i++) {
        assertThat(wide[shared[0].indexOf(ownSpec.name(i))])
            .as(task + " " + ownSpec.name(i))
            .isEqualTo(mine[i]);
      }
      for (int j = 0; j < shared[0].size(); j++) {
        String name = shared[0].name(j);
        if (name.startsWith("task.")) {
          assertThat(wide[j]).isEqualTo(name.equals("task." + task) ? 1f : 0f);
        } else if (!ownSpec.names().contains(name)) {
          assertThat(wide[j]).as(task + " leaves " + name + " at 0").isZero();
        }
      }
      // actions: the task reads its own channels by name and ignores the rest
      float[] a = new float[shared[1].size()];
      java.util.Arrays.fill(a, 0.5f);
      int first = shared[1].indexOf(own.actionSpec().name(0));
      a[first] = -0.25f;
      assertThat(s.fromShared(a)).containsExactly(-0.25f, 0.5f);
      assertThat(s.actionToShared(new float[] {0.1f, 0.2f})[first]).isEqualTo(0.1f);
      // the same actions give the same episode as the task on its own
      StepResult wideStep = s.step(a);
      StepResult ownStep = own.step(s.fromShared(a));
      assertThat(wideStep.reward()).isEqualTo(ownStep.reward());
      assertThat(s.toShared(ownStep.observation())).containsExactly(wideStep.observation());
    }
  }

  @Test
  void aLayoutWithoutTheTasksChannelsIsRefusedNamingThem() {
    Map<String, Env> two = new LinkedHashMap<>();
    two.put("race", Scenarios.make("race"));
    two.put("reach", Scenarios.make("reach"));
    Spec[] shared = SharedSpace.union(two);
    assertThatThrownBy(
            () -> new SharedSpace(Scenarios.make("navigate"), "navigate", shared[0], shared[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task.navigate")
        .hasMessageContaining("odom.v")
        .hasMessageContaining("action left");
  }
}
