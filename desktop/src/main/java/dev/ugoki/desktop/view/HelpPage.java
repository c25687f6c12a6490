package dev.ugoki.desktop.view;

import dev.ugoki.desktop.session.PolicyChoices;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.sim.env.Presentation;
import dev.ugoki.sim.registry.Scenarios;
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
    for (Presentation.Legend l : Scenarios.presentation(s.scenario()).legend()) {
      out.add(HudText.Line.colored(l.rgb(), l.what(), l.means()));
    }
    out.add(
        HudText.Line.plain(
            "agents", "each keeps its number and colour for the session (table, right)"));
    out.add(
        HudText.Line.plain(
            "return / episode", "in the table: the return of the episode each agent drives now"));
    out.add(
        HudText.Line.plain(
            "minimap", "the whole world: a dot per agent, the followed one ringed in white,"));
    out.add(HudText.Line.plain("", "the white frame what the camera shows"));
    out.add(
        HudText.Line.plain(
            "chart", "a live training: mean return per training episode (left axis) and"));
    out.add(HudText.Line.plain("", "success rate of training episodes (right axis) against steps"));
    out.add(HudText.Line.plain("", ""));
    out.add(HudText.Line.plain("Keys", ""));
    for (String[] k : KEYS) {
      out.add(HudText.Line.plain(k[0], k[1]));
    }
    return out;
  }

  /**
   * The page of policies to pick (L): each on its number key, then the expert and the keys; with a
   * replay open, the one picked takes the replay over where its timeline is.
   */
  static List<HudText.Line> choices(List<PolicyChoices.Choice> choices, Session s) {
    List<HudText.Line> out = new ArrayList<>();
    var t = s.replays().timeline();
    out.add(
        HudText.Line.plain(
            "Add an agent (1-9 picks, L or Esc closes)"
                + (t == null ? "" : ": it takes over the replay at step " + t.step())));
    for (int i = 0; i < choices.size(); i++) {
      String label = choices.get(i).label();
      out.add(
          HudText.Line.plain(
              Integer.toString(i + 1), label.length() > 64 ? label.substring(0, 63) + "~" : label));
    }
    if (choices.isEmpty()) {
      out.add(HudText.Line.plain("", "no policy in the model zoo or under the runs folder"));
    }
    out.add(HudText.Line.plain("E", "the expert"));
    out.add(HudText.Line.plain("J", "you, with the keys or a gamepad"));
    out.add(HudText.Line.plain("drop", "any policy file onto the window"));
    return out;
  }

  private static final String[][] KEYS = {
    {"Space", "pause; S or Right (paused) one step; 1-5 speed 1x to 16x"},
    {"W A S D / arrows", "drive the keyboard agent (steering is gradual); or a gamepad"},
    {"J / E / L", "join with the keys (the camera follows you) / add the expert / pick a policy"},
    {"drop a file", "a policy adds an agent, a .replay.jsonl opens it, demonstrations join B's"},
    {"Delete", "take the followed agent out"},
    {"C / F / O", "the camera: next agent, then free / the whole world / chase view"},
    {"wheel, + -, drag", "zoom (a free camera's about the pointer) and pan"},
    {"G", "saliency: the followed policy's rays, as bright as they drive its action"},
    {"N / R", "the next seed (a new track, room, ...) / everyone back to the start"},
    {"M", "the next scenario, with the same agents"},
    {"T / X / B", "record your driving / drop the last attempt / clone it"},
    {"P / I / K", "train PPO live (again: stop, then resume) / DAgger / checkpoint"},
    {"V", "save the followed agent's episode as a replay (runs/replays)"},
    {
      "replay open", "Left/Right step, [ ] 5 s, Home/End, drag the timeline; J, E, a policy fork it"
    },
    {"PgUp / PgDn", "scroll the messages"},
    {"H / Esc", "this page / close it, or quit"},
  };
}
