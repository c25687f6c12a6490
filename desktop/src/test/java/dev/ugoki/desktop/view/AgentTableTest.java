package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentTableTest {
  private static List<String> trimmed(HudText.Line l) {
    return l.cells().stream().map(String::trim).toList();
  }

  @Test
  void theTableHasOneRowPerAgentInItsTint() {
    Session s =
        new Session("race", Map.of(), 3, List.of(new Driver.Expert(), new Driver.Keyboard()));
    List<HudText.Line> table = AgentTable.lines(s);
    assertThat(table).hasSize(4);
    assertThat(table.get(3).agent()).isEqualTo(1);
    assertThat(trimmed(table.get(3)).get(0)).isEqualTo("2 keyboard");
  }

  /** The table's return is the agent's episode's, and its header says so in two rows. */
  @Test
  void theReturnColumnSaysItIsTheEpisodes() {
    Session s = new Session("race", Map.of(), 3, List.of(new Driver.Expert()));
    List<HudText.Line> table = AgentTable.lines(s);
    assertThat(trimmed(table.get(0))).containsExactly("", "return", "", "", "");
    assertThat(trimmed(table.get(1)))
        .containsExactly("agent", "episode", "laps", "best", "crashes");
    for (int i = 0; i < 20; i++) {
      s.advance(0.25);
    }
    double r = s.agents().get(0).episodeReturn();
    assertThat(trimmed(AgentTable.lines(s).get(2)).get(1))
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", r));
  }

  /** Every cell is as wide as its column's template: the numbers never move the columns. */
  @Test
  void everyCellHasItsColumnsWidthWhateverTheNumbers() {
    Session s =
        new Session("race", Map.of(), 3, List.of(new Driver.Expert(), new Driver.Keyboard()));
    List<String> before = AgentTable.lines(s).get(2).cells();
    for (int i = 0; i < 20; i++) {
      s.advance(0.25); // 5 s, 100 steps
    }
    List<String> template = AgentTable.template(s);
    for (HudText.Line l : AgentTable.lines(s)) {
      for (int c = 0; c < template.size(); c++) {
        assertThat(l.cells().get(c)).hasSameSizeAs(template.get(c));
      }
    }
    assertThat(AgentTable.lines(s).get(2).cells()).isNotEqualTo(before);
    // names left, numbers right
    assertThat(AgentTable.lines(s).get(2).cells().get(0)).startsWith("1 expert");
    assertThat(AgentTable.lines(s).get(2).cells().get(1)).startsWith(" ").doesNotEndWith(" ");
  }

  @Test
  void aLongNameIsCutToTheNameColumn() {
    String name = AgentTable.shorten("3 policy a-policy-with-a-long-name.zip", 20);
    assertThat(name).hasSize(20).isEqualTo("3 policy a-policy-w~");
    assertThat(AgentTable.shorten("1 expert", 20)).isEqualTo("1 expert");
  }

  @Test
  void theRobotHasGoalsAndTheArmTargetsAndNoCrashCount() {
    Session nav = new Session("navigate", Map.of(), 3, List.of(new Driver.Expert()));
    assertThat(trimmed(AgentTable.lines(nav).get(1))).contains("goals");
    Session reach = new Session("reach", Map.of(), 3, List.of(new Driver.Expert()));
    assertThat(trimmed(AgentTable.lines(reach).get(1))).contains("targets");
    assertThat(trimmed(AgentTable.lines(reach).get(2)).get(4)).isEqualTo("-");
    Session multi = new Session("multitask", Map.of(), 3, List.of(new Driver.Expert()));
    assertThat(trimmed(AgentTable.lines(multi).get(1))).contains("done");
  }
}
