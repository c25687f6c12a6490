package dev.ugoki.desktop.script;

import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.Follow;
import java.io.IOException;
import java.util.List;

/**
 * Runs a {@link Script} one frame at a time inside the window. Time is virtual: a driving frame
 * lets exactly {@link #FRAME_S} of wall-clock time pass in the session, whatever the machine's real
 * frame rate, so the same script gives the same states and screenshots everywhere. A frame that
 * takes a shot lets no time pass.
 */
public final class ScriptRunner {
  /** Wall-clock time of one scripted frame [s]. */
  public static final double FRAME_S = 1.0 / 60;

  /** What the script acts on: the window's session, camera and screenshots. */
  public interface Target {
    Session session();

    /** Which agent the camera follows. */
    Follow follow();

    /** The free camera on the whole world. */
    void fitWorld();

    void zoomBy(float factor);

    /** Switches to another scenario with the same agents. */
    void switchTo(String scenario);

    /** Saves the frame just drawn as {@code name}. */
    void shoot(String name) throws IOException;

    /** H: the help page on or off. */
    void toggleHelp();

    /** A file dropped on the window: a replay, demonstrations, or a policy. */
    void drop(java.nio.file.Path file);

    /** V: the followed agent's episode saved as a replay. */
    void saveReplay();

    /** Delete: the followed agent leaves. */
    void removeFollowed();

    /** G: the saliency overlay on the followed policy's rays on or off. */
    void toggleSaliency();

    /** O: the chase view on or off. */
    void toggleChase();

    /** L: the list of policies shown or closed. */
    void togglePolicies();

    /** Picks policy {@code number} of the list. */
    void pick(int number);
  }

  private final List<Script.Command> commands;
  private int next;
  private int framesLeft;
  private String pendingShot;
  private boolean done;

  /** Updates an {@code await} waits for, 0 when not waiting. */
  private int awaitUpdates;

  private long awaitStartNs;

  public ScriptRunner(Script script) {
    this.commands = script.commands();
  }

  /**
   * Runs the commands due before this frame is drawn; returns the wall-clock time the session
   * advances by in this frame [s].
   */
  public double beforeFrame(Target target) {
    if (framesLeft > 0) {
      framesLeft--;
      return FRAME_S;
    }
    Session s = target.session();
    if (awaitUpdates > 0) {
      int seen = s.training().curve().updates();
      if (seen < awaitUpdates && s.training().running()) {
        if ((System.nanoTime() - awaitStartNs) / 1e9 > Script.MAX_SECONDS) {
          throw new IllegalStateException(
              "await "
                  + awaitUpdates
                  + ": the training reported "
                  + seen
                  + " updates in "
                  + (int) Script.MAX_SECONDS
                  + " s");
        }
        return FRAME_S;
      }
      awaitUpdates = 0;
    }
    while (next < commands.size()) {
      Script.Command c = commands.get(next++);
      String arg = c.arg();
      switch (c.op()) {
        case "drive" -> {
          framesLeft = Math.max(1, (int) Math.round(Double.parseDouble(arg) / FRAME_S)) - 1;
          return FRAME_S;
        }
        case "frames" -> {
          framesLeft = Integer.parseInt(arg) - 1;
          return FRAME_S;
        }
        case "shot" -> {
          pendingShot = arg;
          return 0;
        }
        case "pause" -> s.clock().setPaused(true);
        case "resume" -> s.clock().setPaused(false);
        case "step" -> {
          int n = arg.isEmpty() ? 1 : Integer.parseInt(arg);
          for (int i = 0; i < n; i++) {
            s.singleStep();
          }
        }
        case "speed" -> s.clock().setSpeed(Integer.parseInt(arg));
        case "camera" -> {
          if (arg.isEmpty() || arg.equals("next")) {
            target.follow().next(s.agents().size());
            if (target.follow().free()) {
              target.fitWorld();
            }
          } else if (arg.equals("free")) {
            target.follow().setFree();
            target.fitWorld();
          } else {
            target.follow().set(Integer.parseInt(arg) - 1, s.agents().size());
          }
        }
        case "zoom" -> target.zoomBy(Float.parseFloat(arg));
        case "newtrack" -> s.newTrack();
        case "restart" -> s.restart();
        case "help" -> target.toggleHelp();
        case "join" -> {
          var joined = s.roster().addKeyboard();
          if (joined != null) {
            target.follow().follow(joined.index(), s.agents());
          }
        }
        case "record" -> s.teaching().setRecording(arg.equals("on"));
        case "clone" -> s.teaching().trainClone();
        case "train" -> {
          if (arg.equals("stop")) {
            s.training().stop();
          } else {
            s.training().start(arg);
          }
        }
        case "checkpoint" -> s.training().saveCheckpoint();
        case "drop" -> target.drop(java.nio.file.Path.of(arg));
        case "seek" -> s.replays().seek(Integer.parseInt(arg));
        case "fork" -> {
          if (s.replays().timeline() == null) {
            throw new IllegalStateException("fork " + arg + ": no replay is open");
          }
          var forked =
              arg.equals("keyboard")
                  ? s.roster().addKeyboard()
                  : s.replays().fork(new dev.ugoki.desktop.session.Driver.Expert());
          if (forked != null) {
            target.follow().follow(forked.index(), s.agents());
          }
        }
        case "add" -> s.roster().add(new dev.ugoki.desktop.session.Driver.Expert());
        case "save" -> target.saveReplay();
        case "chase" -> target.toggleChase();
        case "saliency" -> target.toggleSaliency();
        case "policies" -> target.togglePolicies();
        case "pick" -> target.pick(Integer.parseInt(arg));
        case "remove" -> target.removeFollowed();
        case "scenario" -> target.switchTo(arg.equals("next") ? s.nextScenario() : arg);
        case "await" -> {
          if (s.training().algo() == null) {
            throw new IllegalStateException("await " + arg + ": no training was started");
          }
          awaitUpdates = Integer.parseInt(arg);
          awaitStartNs = System.nanoTime();
          return beforeFrame(target);
        }
        case "keys" -> {
          String[] xy = arg.split(",");
          s.keyboard().set(Float.parseFloat(xy[0].trim()), Float.parseFloat(xy[1].trim()));
        }
        default -> throw new IllegalStateException("unchecked script command " + c.op());
      }
    }
    done = true;
    return 0;
  }

  /** Takes the shot this frame was drawn for, if any. */
  public void afterFrame(Target target) throws IOException {
    if (pendingShot != null) {
      String name = pendingShot;
      pendingShot = null;
      target.shoot(name);
    }
  }

  /** True once every command ran and the last shot is saved. */
  public boolean finished() {
    return done && pendingShot == null;
  }
}
