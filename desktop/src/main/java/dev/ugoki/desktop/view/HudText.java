package dev.ugoki.desktop.view;

import dev.ugoki.core.train.Progress;
import dev.ugoki.core.train.TrainingListener;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Replays;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.session.TrainingCurve;
import dev.ugoki.sim.env.RewardTerms;
import dev.ugoki.sim.env.Telemetry;
import dev.ugoki.sim.registry.Scenarios;
import dev.ugoki.sim.scenario.ScenarioBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HUD's words, without any graphics (so they can be tested): the panel about the followed
 * agent, the name tags, the message log's window and the key lines ({@link AgentTable} has the
 * table's, {@link HelpPage} the help page's). Numbers are formatted with a fixed locale and, where
 * they change every frame, in a fixed width.
 */
public final class HudText {
  /**
   * One line of text in cells that the HUD aligns in columns; {@code agent} is the agent whose tint
   * it takes, or -1 for plain text.
   */
  public record Line(List<String> cells, int agent, int rgb) {
    /** A line in an agent's tint ({@code agent >= 0}) or one of the HUD's own colours. */
    public Line(List<String> cells, int agent) {
      this(cells, agent, -1);
    }

    /** A line in a colour of the scene ({@code 0xRRGGBB}): a legend entry. */
    static Line colored(int rgb, String... cells) {
      return new Line(List.of(cells), -1, rgb);
    }

    static Line plain(String... cells) {
      return new Line(List.of(cells), -1);
    }

    static Line of(int agent, String... cells) {
      return new Line(List.of(cells), agent);
    }

    /** The cells joined by spaces. */
    public String text() {
      return String.join(" ", cells);
    }
  }

  /** The key lines at the bottom: watching, then teaching and training (H lists every key). */
  public static final List<String> HELP =
      List.of(
          "Space pause  S step  1-5 speed  C camera  F fit  O chase  +/- zoom  N seed  R restart"
              + "  M scenario",
          "J join  E expert  L add  Del out  T record  X drop  B clone  P PPO  I DAgger"
              + "  V save  G saliency  H help");

  private HudText() {}

  /** The colour of the session's messages. */
  private static final com.badlogic.gdx.graphics.Color MESSAGE = Palette.rgb(255, 190, 90);

  /** The colour a line is drawn in: its own, its agent's tint, or its kind's. */
  static com.badlogic.gdx.graphics.Color color(Line l) {
    if (l.rgb() >= 0) {
      return Palette.rgb(l.rgb());
    }
    if (l.agent() >= 0) {
      return Palette.tint(l.agent());
    }
    return l.agent() == -2
        ? MESSAGE
        : l.agent() == RETURN_LINE
            ? Hud.RETURN_COLOR
            : l.agent() == SUCCESS_LINE ? Hud.SUCCESS_COLOR : com.badlogic.gdx.graphics.Color.WHITE;
  }

  /**
   * The messages the HUD shows: {@code shown} of the log ending {@code back} messages before the
   * newest (0: the newest), and, when there are older or newer ones, a line saying where the view
   * is and how to scroll.
   */
  public static List<String> messageWindow(List<String> log, int back, int shown) {
    int b = Math.max(0, Math.min(back, Math.max(0, log.size() - shown)));
    int end = log.size() - b;
    List<String> out = new ArrayList<>(log.subList(Math.max(0, end - shown), end));
    if (log.size() > shown) {
      out.add(
          String.format(
              Locale.ROOT,
              "messages %d-%d of %d (PgUp / PgDn)",
              Math.max(1, end - shown + 1),
              end,
              log.size()));
    }
    return out;
  }

  /**
   * The lines cut to at most {@code chars} characters (what a panel of that width holds in the
   * monospaced font): a longer one-cell line breaks between two fields (two spaces), else at its
   * last space that fits, else mid-word, and goes on indented; lines of several cells are kept,
   * they are short columns.
   */
  public static List<Line> wrap(List<Line> lines, int chars) {
    int max = Math.max(chars, 8);
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.cells().size() != 1) {
        out.add(l);
        continue;
      }
      String rest = l.cells().get(0);
      String indent = "";
      while (indent.length() + rest.length() > max) {
        int room = max - indent.length();
        // fields apart by two spaces ("steer +0.02  throttle +1.00") stay whole where they can
        int cut = rest.lastIndexOf("  ", room - 1);
        if (cut <= 0) {
          cut = rest.lastIndexOf(' ', room);
        }
        int next = cut;
        if (cut <= 0) {
          cut = room;
          next = room;
        } else {
          next = cut + 1;
        }
        out.add(new Line(List.of(indent + rest.substring(0, cut)), l.agent(), l.rgb()));
        rest = rest.substring(next).stripLeading();
        indent = WRAP_INDENT;
      }
      out.add(new Line(List.of(indent + rest), l.agent(), l.rgb()));
    }
    return out;
  }

  /** How a wrapped line's continuation starts. */
  static final String WRAP_INDENT = "  ";

  /** A name tag beside a body: its text, its agent (the tint), where it goes [px, y down]. */
  public record Tag(String text, int agent, float x, float y) {}

  /**
   * The agents' name tags, each beside its body's pixel ({@code pixels[i]} for agent {@code i} of
   * {@code agents}, y down), moved down a line where it would cover another's: ghosts on the same
   * spot (identical policies) keep every name readable.
   */
  public static List<Tag> tags(List<Agent> agents, List<float[]> pixels, float lineHeightPx) {
    List<Tag> out = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      Agent a = agents.get(i);
      float x = pixels.get(i)[0] + TAG_OFFSET_PX;
      float y = pixels.get(i)[1] + TAG_OFFSET_PX;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (Tag t : out) {
          // the slack: t.y() + lineHeightPx - t.y() may round below lineHeightPx, and a tag
          // moved under t would then cover it again, forever (8 ghosts froze the window)
          if (Math.abs(t.x() - x) < TAG_WIDTH_PX
              && Math.abs(t.y() - y) < lineHeightPx - TAG_SLACK_PX) {
            y = t.y() + lineHeightPx;
            moved = true;
          }
        }
      }
      out.add(new Tag(a.name(), a.index(), x, y));
    }
    return out;
  }

  /** How much two tags a line apart may overlap through float rounding [px]. */
  static final float TAG_SLACK_PX = 0.01f;

  /** How far a tag sits right of and below its body's centre [px]. */
  static final float TAG_OFFSET_PX = 14;

  /** Tags closer than this sideways may collide [px]. */
  static final float TAG_WIDTH_PX = 120;

  /**
   * The panel of the followed agent (the first when the camera is free), and the sim status: its
   * step is an open replay's own, else the steps run since the start.
   */
  public static List<Line> status(Session s, Follow follow, int fps) {
    List<Line> out = new ArrayList<>();
    // an open replay's own step, the timeline's: the clock counts on through scrubs and past the
    // replay's end (the HUD said step 666 over a timeline at 299)
    Replays.Timeline t = s.replays().timeline();
    out.add(
        Line.plain(
            String.format(
                Locale.ROOT,
                "%s  seed %d  step %d  %s",
                s.scenario(),
                s.seed(),
                t != null ? t.step() : s.clock().steps(),
                speed(s))));
    // what the session is doing, on a line of its own: it comes and goes
    String doing =
        java.util.stream.Stream.of(
                s.clock().paused() ? "PAUSED" : "",
                s.teaching().recording()
                    ? "REC "
                        + s.teaching().recordedSteps()
                        + " steps, "
                        + s.teaching().recordedCrashes()
                        + " crashes (X drops the last)"
                    : "",
                s.teaching().cloning() ? "CLONING" : "",
                s.training().running()
                    ? "TRAINING " + s.training().algo().toUpperCase(Locale.ROOT)
                    : "")
            .filter(f -> !f.isEmpty())
            .collect(java.util.stream.Collectors.joining("  "));
    if (!doing.isEmpty()) {
      out.add(Line.plain(doing));
    }
    out.add(
        Line.plain(
            String.format(
                Locale.ROOT,
                "%3d fps  camera: %s",
                fps,
                follow.free() ? "free" : "follows " + follow.focus(s.agents()).name())));
    Agent a = follow.focus(s.agents());
    int update = s.weightsUpdate(a);
    out.add(Line.of(a.index(), a.name() + (update > 0 ? "  weights of update " + update : "")));
    out.add(Line.plain("speed " + speedText(a)));
    List<String> names = a.env().actionSpec().names();
    float[] act = a.lastAction();
    StringBuilder action = new StringBuilder("action");
    for (int i = 0; i < act.length; i++) {
      action.append(String.format(Locale.ROOT, "  %s %+.2f", names.get(i), act[i]));
    }
    out.add(Line.plain(action.toString()));
    if (a.env().unwrapped() instanceof ScenarioBase<?> body && !body.bodyFactors().isEmpty()) {
      // the body this episode drew from its family (N draws the next)
      StringBuilder b = new StringBuilder("body");
      body.bodyFactors()
          .forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %s x%.2f", k, v)));
      out.add(Line.plain(b.toString()));
      if (a.env() instanceof dev.ugoki.core.policy.AdaptedBody adapted) {
        // what the policy infers of its body from its recent past: it is never told the line above
        double[] u = adapted.estimateOf(body.name());
        if (u.length == body.body().length) {
          StringBuilder e = new StringBuilder("inferred");
          body.bodyFactors(u)
              .forEach((k, v) -> e.append(String.format(Locale.ROOT, "  %s x%.2f", k, v)));
          out.add(Line.plain(e.toString()));
        }
      }
    }
    // the return of this watch episode (since the start or the last crash), as in the table
    out.add(Line.plain(String.format(Locale.ROOT, "return this episode %8.2f", a.episodeReturn())));
    if (!Double.isNaN(a.lastEpisodeReturn())) {
      out.add(
          Line.plain(
              String.format(
                  Locale.ROOT,
                  "       last episode %8.2f  %s",
                  a.lastEpisodeReturn(),
                  a.lastOutcome())));
    }
    var words = Scenarios.presentation(a.task());
    out.add(
        Line.plain(
            String.format(
                Locale.ROOT,
                "%s %5.1f s   last %s   best %s   %s %d",
                words.unit(),
                a.lapTimeS(),
                seconds(a.lastLapS()),
                seconds(a.bestLapS()),
                words.units(),
                a.lapsTotal())));
    RewardTerms terms = a.lastTerms();
    if (terms != null) {
      out.add(Line.plain("reward terms (last step):"));
      for (int i = 0; i < terms.names().size(); i++) {
        // + 0.0 turns a weighted zero's -0.0 into 0.0, shown as +0.000
        out.add(
            Line.plain(
                "  " + terms.names().get(i),
                String.format(Locale.ROOT, "%+8.3f", terms.value(i) + 0.0)));
      }
      out.add(Line.plain("  total", String.format(Locale.ROOT, "%+8.3f", terms.total() + 0.0)));
    }
    return out;
  }

  /**
   * The caption of the training chart: the algorithm and whether it runs, the steps, the latest
   * mean return and success rate (of the last 100 training episodes, not the window's episodes),
   * and what the two lines are; empty before a live training has reported.
   */
  public static List<Line> training(Session s) {
    TrainingCurve c = s.training().curve();
    TrainingListener.Update u = c.last();
    // no chart before a training reports, nor for another scenario's training after a switch
    if (u == null || !s.training().curveIsOf(s.scenario())) {
      return List.of();
    }
    List<Line> out = new ArrayList<>();
    out.add(
        Line.plain(
            String.format(
                Locale.ROOT,
                "%s %s   %,d / %,d steps   %s",
                s.training().algo(),
                s.training().running() ? "training" : "done",
                u.step(),
                u.totalSteps(),
                Progress.clock(u.elapsedS()))));
    // the axes give the ranges; the caption names each line in its colour, with its latest value
    out.add(
        new Line(
            List.of("mean return per training episode (left)  " + number(u.meanReturn())),
            RETURN_LINE));
    out.add(
        new Line(
            List.of(
                String.format(
                    Locale.ROOT,
                    "success rate of training episodes (right)  %s",
                    Double.isNaN(u.successRate())
                        ? "-"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * u.successRate()))),
            SUCCESS_LINE));
    return out;
  }

  /** {@link Line#agent()} of the chart's return caption: drawn in the return line's color. */
  public static final int RETURN_LINE = -3;

  /** {@link Line#agent()} of the chart's success caption. */
  public static final int SUCCESS_LINE = -4;

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** What one unit of the scenario's progress is called: lap, goal or target. */
  static String unit(String scenario) {
    return Scenarios.presentation(scenario).unit();
  }

  /**
   * The body's speed in the unit its scenario says people use for it (km/h for a car, m/s for a
   * robot or a tip), then its further readings ({@code steer +5.0 deg}).
   */
  static String speedText(Agent a) {
    Telemetry t = a.telemetry();
    StringBuilder b = new StringBuilder(Scenarios.presentation(t.task()).speed(t.speedMps()));
    for (Telemetry.Reading r : t.readings()) {
      b.append(String.format(Locale.ROOT, "   %s %+5.1f %s", r.name(), r.value(), r.unit()));
    }
    return b.toString();
  }

  /** The speed asked for, and the one achieved when the simulation falls short of it by 5%. */
  static String speed(Session s) {
    double got = s.clock().achievedSpeed();
    int asked = s.clock().speed();
    return asked
        + "x"
        + (!s.clock().paused() && got < 0.95 * asked
            ? String.format(Locale.ROOT, " (runs %.1fx)", got)
            : "");
  }

  static String seconds(double s) {
    return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f s", s);
  }
}
