package dev.ugoki.desktop.view;

import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.scene.Colors;
import java.util.ArrayList;
import java.util.List;

/** The words of the help page (H), without graphics: the scene's legend, then every key. */
final class HelpPage {
  private HelpPage() {}

  /**
   * The help page (H): what every colour and shape of this scenario's scene means, then every key.
   * Each legend line is drawn in the colour it explains.
   */
  static List<HudText.Line> lines(Session s) {
    List<HudText.Line> out = new ArrayList<>();
    out.add(HudText.Line.plain("What you see (" + s.scenario() + ")", ""));
    String sc = s.scenario();
    boolean multi = sc.equals("multitask");
    if (sc.equals("race") || multi) {
      out.add(
          HudText.Line.colored(
              Colors.LINE_WHITE, "white lines", "the track's edges: touching one is a crash"));
      out.add(HudText.Line.colored(Colors.CENTERLINE, "yellow dashes", "the centerline"));
      out.add(
          HudText.Line.colored(
              Colors.LINE_WHITE, "white bar", "the start and finish line: a lap ends there"));
    }
    if (sc.equals("navigate") || multi) {
      out.add(
          HudText.Line.colored(
              Colors.OBSTACLE,
              "brown blocks",
              "boxes, walls and shelves: touching one is a crash"));
      out.add(
          HudText.Line.colored(
              Colors.PATH,
              "pale-blue line",
              "the planned route to the goal (what the expert follows)"));
      out.add(HudText.Line.colored(Colors.GOAL_ACTIVE, "red circle", "the goal to reach now"));
      out.add(HudText.Line.colored(Colors.GOAL, "green circles", "the goals after it"));
    }
    if (sc.equals("reach") || multi) {
      out.add(
          HudText.Line.colored(
              Colors.GOAL_ACTIVE, "red circle", "the target the arm's tip must reach now"));
      out.add(HudText.Line.colored(Colors.GOAL, "green circles", "the targets after it"));
    }
    out.add(HudText.Line.of(0, "rays", "the lidar each body senses with, in its agent's colour"));
    out.add(
        HudText.Line.of(
            1, "trail", "where each agent has been; the bodies pass through each other"));
    out.add(
        HudText.Line.plain(
            "agents", "each keeps its number and colour for the session (table, right)"));
    out.add(HudText.Line.plain("", ""));
    out.add(HudText.Line.plain("Keys", ""));
    for (String[] k : KEYS) {
      out.add(HudText.Line.plain(k[0], k[1]));
    }
    return out;
  }

  private static final String[][] KEYS = {
    {"Space", "pause; S or Right (paused) one step; 1-5 speed 1x to 16x"},
    {"W A S D / arrows", "drive the keyboard agent (steering is gradual)"},
    {"J", "join: a keyboard agent for you; the camera follows you"},
    {"C / F", "the camera: next agent, then free / free on the whole world"},
    {"wheel, + -, drag", "zoom and pan"},
    {"N / R", "a new track (the next seed) / everyone back to the start"},
    {"M", "the next scenario, with the same agents"},
    {"T / X / B", "record your driving / drop the last attempt / clone it"},
    {"P / I / K", "train PPO live (again: stop, then resume) / DAgger / checkpoint"},
    {"PgUp / PgDn", "scroll the messages"},
    {"H / Esc", "this page / quit"},
  };
}
