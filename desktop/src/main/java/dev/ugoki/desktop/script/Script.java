package dev.ugoki.desktop.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A scripted session for tests, demos and measurements ({@code --script}): commands separated by
 * {@code ;} or new lines, each a word and at most one argument.
 *
 * <pre>
 *   drive SECONDS   run this many seconds of frames (60 per second, each 1/60 s of sim time
 *                   times the speed, whatever the real frame rate)
 *   frames N        N frames of 1/60 s
 *   pause | resume  pause or resume the simulation
 *   step [N]        N single steps (default 1), paused
 *   speed N         1, 2, 4, 8 or 16
 *   camera [next|free|I]  next camera target, the free camera on the whole world, or agent I
 *                   (counted from 1)
 *   zoom F          multiply the zoom by F (above 1 shows more)
 *   newtrack | restart
 *   keys TURN,FORWARD  hold the keyboard axes, each in [-1, 1]
 *   shot NAME       save the next frame as NAME.png in the screenshot folder
 *   record on|off   start or stop recording the keyboard agent's demonstrations
 *   clone           train a clone on the recorded demonstrations (in the background)
 *   train ALGO|stop start training ppo, dagger or bc live (in the background), or stop it
 *   checkpoint      save a checkpoint of the live training after its current update
 *   scenario NAME|next  the same agents on another scenario
 *   await N         run frames of 1/60 s until the live training has reported N updates or
 *                   ended (at most {@link #MAX_SECONDS} of real time)
 *   drop PATH       what a file dropped on the window does: a replay opens, demonstrations are
 *                   added, a policy drives a new agent
 *   seek N          the open replay's timeline to step N (paused)
 *   fork keyboard|expert  hand the replay's body, as it is now, to the keys or the expert
 *   add expert      a new expert agent (E)
 *   save            the followed agent's episode saved as a replay (V)
 *   remove          the followed agent leaves (Delete)
 *   chase           the chase view on or off (O)
 *   saliency        the saliency overlay on or off (G)
 *   policies        the list of policies to add an agent from, shown or closed (L)
 *   pick N          policy N of that list drives a new agent
 * </pre>
 *
 * @param commands the parsed commands, in order
 */
public record Script(List<Command> commands) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Longest wait a script may ask for [s], so that a typo cannot hang a CI run. */
  public static final double MAX_SECONDS = 600;

  /** One command: its word and argument (empty when none). */
  public record Command(String op, String arg) {}

  public Script {
    commands = List.copyOf(commands);
  }

  /** Parses and checks a script; throws {@link IllegalArgumentException} naming the bad part. */
  public static Script parse(String text) {
    List<Command> out = new ArrayList<>();
    for (String part : text.split("[;\\n]")) {
      String t = part.trim();
      if (t.isEmpty()) {
        continue;
      }
      String[] w = t.split("\\s+", 2);
      String op = w[0].toLowerCase(Locale.ROOT);
      String arg = w.length > 1 ? w[1].trim() : "";
      check(op, arg, t);
      out.add(new Command(op, arg));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--script is empty");
    }
    return new Script(out);
  }

  /** The shot names, in order. */
  public List<String> shots() {
    return commands.stream().filter(c -> c.op().equals("shot")).map(Command::arg).toList();
  }

  private static void check(String op, String arg, String whole) {
    String bad = "--script: '" + whole + "': ";
    switch (op) {
      case "drive" -> {
        double s = number(arg, bad);
        if (!(s > 0 && s <= MAX_SECONDS)) {
          throw new IllegalArgumentException(bad + "seconds must be in (0, " + MAX_SECONDS + "]");
        }
      }
      case "frames" -> positiveInt(arg, bad, (int) (MAX_SECONDS * 60));
      case "step" -> {
        if (!arg.isEmpty()) {
          positiveInt(arg, bad, 100_000);
        }
      }
      case "speed" -> {
        int n = positiveInt(arg, bad, 16);
        if (Integer.bitCount(n) != 1) {
          throw new IllegalArgumentException(bad + "speed must be 1, 2, 4, 8 or 16");
        }
      }
      case "camera" -> {
        if (!arg.isEmpty() && !arg.equals("next") && !arg.equals("free")) {
          positiveInt(arg, bad, 1000);
        }
      }
      case "zoom" -> {
        double f = number(arg, bad);
        if (!(f > 0 && f < 1000)) {
          throw new IllegalArgumentException(bad + "zoom factor must be positive");
        }
      }
      case "keys" -> {
        String[] xy = arg.split(",");
        if (xy.length != 2
            || Math.abs(number(xy[0], bad)) > 1
            || Math.abs(number(xy[1], bad)) > 1) {
          throw new IllegalArgumentException(bad + "expected keys TURN,FORWARD each in [-1, 1]");
        }
      }
      case "shot" -> {
        if (!NAME.matcher(arg).matches()) {
          throw new IllegalArgumentException(
              bad + "a shot needs a name of letters, digits, " + "'.', '_' or '-'");
        }
      }
      case "record" -> {
        if (!arg.equals("on") && !arg.equals("off")) {
          throw new IllegalArgumentException(bad + "expected record on or record off");
        }
      }
      case "train" -> {
        if (!List.of("ppo", "dagger", "bc", "stop").contains(arg)) {
          throw new IllegalArgumentException(bad + "expected train ppo, dagger, bc or stop");
        }
      }
      case "await" -> positiveInt(arg, bad, 1_000_000);
      case "drop" -> {
        if (arg.isEmpty()) {
          throw new IllegalArgumentException(bad + "expected drop PATH");
        }
      }
      case "pick" -> positiveInt(arg, bad, 9);
      case "seek" -> {
        if (!arg.equals("0")) {
          positiveInt(arg, bad, dev.ugoki.core.replay.ReplayRecorder.MAX_STEPS);
        }
      }
      case "fork" -> {
        if (!arg.equals("keyboard") && !arg.equals("expert")) {
          throw new IllegalArgumentException(bad + "expected fork keyboard or fork expert");
        }
      }
      case "add" -> {
        if (!arg.equals("expert")) {
          throw new IllegalArgumentException(bad + "expected add expert");
        }
      }
      case "scenario" -> {
        if (!arg.equals("next") && !dev.ugoki.sim.registry.Scenarios.names().contains(arg)) {
          throw new IllegalArgumentException(
              bad + "expected scenario next or one of " + dev.ugoki.sim.registry.Scenarios.names());
        }
      }
      case "pause",
          "resume",
          "newtrack",
          "restart",
          "clone",
          "checkpoint",
          "help",
          "join",
          "save",
          "remove",
          "chase",
          "saliency",
          "policies" -> {
        if (!arg.isEmpty()) {
          throw new IllegalArgumentException(bad + "takes no argument");
        }
      }
      default ->
          throw new IllegalArgumentException(
              bad
                  + "unknown command '"
                  + op
                  + "'; known: drive, frames, pause, resume, step, speed, camera, zoom, newtrack, "
                  + "restart, keys, shot, record, clone, train, checkpoint, await, scenario, help,"
                  + " join, drop, seek, fork, add, save, remove, chase, saliency, policies, pick");
    }
  }

  private static double number(String s, String bad) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(bad + "'" + s + "' is not a number");
    }
  }

  private static int positiveInt(String s, String bad, int max) {
    int n;
    try {
      n = Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(bad + "'" + s + "' is not a whole number");
    }
    if (n < 1 || n > max) {
      throw new IllegalArgumentException(bad + n + " is not in 1.." + max);
    }
    return n;
  }
}
