package dev.ugoki.desktop.view;

import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.registry.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of the agents' table (top right), without graphics: one row per agent in its tint. The
 * table keeps its width while the numbers change (a person saw it jump from 238 to 297 px): every
 * column is as wide as the widest value it can show ({@link #template}), names are cut to {@link
 * #NAME_CHARS} and numbers are right-aligned in that width, in the HUD's monospaced font.
 *
 * <p>Its return is each agent's return of the episode it drives now, since the start or its last
 * crash (a watched race goes on for up to 100 laps), and its header says so: the training chart's
 * is the mean return per training episode, another figure.
 */
final class AgentTable {
  /** The longest name shown; a longer one ends in {@code ~}. */
  static final int NAME_CHARS = 20;

  /**
   * The widest value of each column after the name: return, units done, best time and crashes. A
   * return of a 100-lap watch episode stays within 5 digits; counts within 4.
   */
  private static final List<String> WIDEST = List.of("-99999.9", "9999", "999.9 s", "9999");

  private AgentTable() {}

  /**
   * The widest text each column can show, header included: the HUD reserves these widths, so a
   * column never follows the numbers in it.
   */
  static List<String> template(Session s) {
    List<String> header = header(s);
    List<String> above = HEADER_ABOVE;
    List<String> out = new ArrayList<>();
    out.add("W".repeat(Math.max(NAME_CHARS, header.get(0).length())));
    for (int c = 1; c < header.size(); c++) {
      int chars = Math.max(header.get(c).length(), above.get(c).length());
      out.add("9".repeat(Math.max(WIDEST.get(c - 1).length(), chars)));
    }
    return out;
  }

  /** The header's two rows, then one row per agent: name, return, units done, best, crashes. */
  static List<HudText.Line> lines(Session s) {
    List<String> header = header(s);
    int[] chars = template(s).stream().mapToInt(String::length).toArray();
    List<HudText.Line> out = new ArrayList<>();
    out.add(HudText.Line.plain(row(HEADER_ABOVE, chars).toArray(String[]::new)));
    out.add(HudText.Line.plain(row(header, chars).toArray(String[]::new)));
    for (Agent a : s.agents()) {
      List<String> cells =
          List.of(
              shorten(a.name(), NAME_CHARS),
              String.format(Locale.ROOT, "%.1f", a.episodeReturn()),
              Integer.toString(a.lapsTotal()),
              HudText.seconds(a.bestLapS()),
              // an arm cannot crash: nothing to count
              Scenarios.presentation(a.task()).crashes() ? Integer.toString(a.crashes()) : "-");
      out.add(HudText.Line.of(a.index(), row(cells, chars).toArray(String[]::new)));
    }
    return out;
  }

  private static List<String> header(Session s) {
    // in the scenario's words (multitask, which mixes laps, goals and targets: tasks done)
    String unit = Scenarios.presentation(s.scenario()).units();
    return List.of("agent", "episode", unit, "best", "crashes");
  }

  /** The header's first row: the column "return (episode)" in two short rows. */
  private static final List<String> HEADER_ABOVE = List.of("", "return", "", "", "");

  /** The cells padded to their columns: the name to the left, the numbers to the right. */
  private static List<String> row(List<String> cells, int[] chars) {
    List<String> out = new ArrayList<>(cells.size());
    for (int c = 0; c < cells.size(); c++) {
      String pad = " ".repeat(Math.max(0, chars[c] - cells.get(c).length()));
      out.add(c == 0 ? cells.get(c) + pad : pad + cells.get(c));
    }
    return out;
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }
}
