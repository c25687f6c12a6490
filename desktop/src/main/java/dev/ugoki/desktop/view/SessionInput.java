package dev.ugoki.desktop.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input.Keys;
import com.badlogic.gdx.InputAdapter;
import dev.ugoki.desktop.session.Agent;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Replays;
import dev.ugoki.desktop.session.Session;

/**
 * A person's keys and mouse, turned into commands on the session and the camera.
 *
 * <ul>
 *   <li>Space pause; S, or Right while paused, one step (S brakes instead while a keyboard agent is
 *       driving); 1..5 speed 1x, 2x, 4x, 8x, 16x; C next camera (each agent, then free); F free
 *       camera on the whole world; N new track (next seed); R restart; T record the keyboard
 *       agent's demonstrations (on/off); X drop the last attempt from the recording; B train a
 *       clone on them; P train PPO live (again: stop), I train DAgger live (again: stop), K save a
 *       checkpoint of the live training; J join: drive a new keyboard agent (the camera follows
 *       it); E add the expert; L the list of policies (the zoo's, the newest runs) to add one with
 *       1-9; V save the followed agent's episode as a replay; Delete take the followed agent out; M
 *       next scenario (race, navigate, reach, multitask, push) with the same agents; H help; Esc
 *       quit.
 *   <li>With a replay open: Left and Right (paused) a step back and on, [ and ] 5 s, Home and End
 *       its ends, a press or drag on the timeline scrubs; J, E and a policy dropped on the window
 *       fork it there.
 *   <li>Mouse wheel, + and - zoom (the wheel about the pointer for a free camera); a drag pans (and
 *       frees the camera); arrow keys pan a free camera; O the chase view on or off; G the saliency
 *       of the followed policy's rays on or off.
 *   <li>W A S D, and the arrow keys while the camera follows, drive the keyboard agent; so does a
 *       gamepad's left stick (analog), with R2 and L2 as throttle and brake. An arm's tip (reach,
 *       push) follows the mouse pointer instead, as Push-T's demonstrations were made.
 * </ul>
 */
public final class SessionInput extends InputAdapter {
  /** Zoom per wheel notch or key press. */
  private static final float ZOOM_STEP = 1.15f;

  /** Arrow-key panning speed [px/s]. */
  private static final float PAN_PX_PER_S = 700;

  /** What the input asks of the window that the session cannot do itself. */
  public interface Commands {
    /** The camera was freed: show the whole world. */
    void fitWorld();

    void toggleHelp();

    /** Whether the help page is shown (Esc then closes it rather than quitting). */
    boolean helpShown();

    /** The message log scrolled back (positive) or forward by {@code lines}. */
    void scrollMessages(int lines);

    /** Switch to the next scenario, with the same agents. */
    void nextScenario();

    /** V: save the followed agent's episode as a replay. */
    void saveReplay();

    /** Delete: the followed agent leaves. */
    void removeFollowed();

    /** Where the replay's timeline is on the screen. */
    TimelineBar timelineBar();

    /** G: the saliency overlay on the followed policy's rays on or off. */
    void toggleSaliency();

    /** L: the list of policies to add an agent from, shown or closed. */
    void togglePolicies();

    /** Whether that list is shown (1-9 then pick from it). */
    boolean choosing();

    /** Picks policy {@code number} (from 1) of the list. */
    void pick(int number);

    /** O: the chase view (the camera turns with the followed body) on or off. */
    void toggleChase();

    void quit();
  }

  private Session session;
  private CameraRig rig;
  private final Commands commands;
  private final Follow follow;

  /** A gamepad's stick and triggers, added to the keys. */
  private final Gamepad gamepad = new Gamepad(m -> session.message(m));

  private int lastX;
  private int lastY;

  /** A press on the timeline: drags scrub the replay instead of panning. */
  private boolean scrubbing;

  public SessionInput(Session session, CameraRig rig, Follow follow, Commands commands) {
    this.session = session;
    this.rig = rig;
    this.follow = follow;
    this.commands = commands;
  }

  /** The session and camera the keys act on from now on (after a switch of scenario). */
  public void setSession(Session session, CameraRig rig) {
    this.session = session;
    this.rig = rig;
  }

  private boolean keyboardDriving() {
    return session.hasKeyboardAgent() && !session.clock().paused();
  }

  @Override
  public boolean keyDown(int key) {
    if (commands.choosing()) {
      if (key >= Keys.NUM_1 && key <= Keys.NUM_9) {
        commands.pick(key - Keys.NUM_0);
        return true;
      }
      if (key >= Keys.NUMPAD_1 && key <= Keys.NUMPAD_9) {
        commands.pick(key - Keys.NUMPAD_0);
        return true;
      }
      if (key == Keys.ESCAPE || key == Keys.L) {
        commands.togglePolicies();
        return true;
      }
    }
    switch (key) {
      case Keys.SPACE -> session.clock().togglePause();
      case Keys.S -> {
        if (!keyboardDriving()) {
          session.singleStep();
        }
      }
      case Keys.RIGHT -> {
        if (session.clock().paused()) {
          session.singleStep();
        }
      }
      case Keys.LEFT -> {
        Replays.Timeline t = session.replays().timeline();
        if (session.clock().paused() && t != null) {
          session.replays().seek(t.step() - 1);
        }
      }
      case Keys.LEFT_BRACKET -> seekSeconds(-5);
      case Keys.RIGHT_BRACKET -> seekSeconds(5);
      case Keys.HOME -> seekSeconds(-1e9);
      case Keys.END -> seekSeconds(1e9);
      case Keys.V -> commands.saveReplay();
      case Keys.O -> commands.toggleChase();
      case Keys.G -> commands.toggleSaliency();
      case Keys.L -> commands.togglePolicies();
      case Keys.E -> session.roster().add(new Driver.Expert());
      case Keys.FORWARD_DEL, Keys.DEL -> commands.removeFollowed();
      case Keys.NUM_1, Keys.NUMPAD_1 -> session.clock().setSpeed(1);
      case Keys.NUM_2, Keys.NUMPAD_2 -> session.clock().setSpeed(2);
      case Keys.NUM_3, Keys.NUMPAD_3 -> session.clock().setSpeed(4);
      case Keys.NUM_4, Keys.NUMPAD_4 -> session.clock().setSpeed(8);
      case Keys.NUM_5, Keys.NUMPAD_5 -> session.clock().setSpeed(16);
      case Keys.C -> {
        follow.next(session.agents().size());
        if (follow.free()) {
          commands.fitWorld();
        }
      }
      case Keys.F -> {
        follow.setFree();
        commands.fitWorld();
      }
      case Keys.N -> {
        session.newTrack();
        if (follow.free()) {
          commands.fitWorld();
        }
      }
      case Keys.R -> session.restart();
      case Keys.J -> {
        // join: a person drives a new agent, and the camera follows it
        Agent joined = session.roster().addKeyboard();
        if (joined != null) {
          follow.follow(joined.index(), session.agents());
        }
      }
      case Keys.T -> session.teaching().toggleRecording();
      case Keys.B -> session.teaching().trainClone();
      case Keys.X -> session.teaching().discardLastAttempt();
      case Keys.P -> session.training().toggle("ppo");
      case Keys.I -> session.training().toggle("dagger");
      case Keys.K -> session.training().saveCheckpoint();
      case Keys.M -> commands.nextScenario();
      case Keys.H -> commands.toggleHelp();
      case Keys.PAGE_UP -> commands.scrollMessages(3);
      case Keys.PAGE_DOWN -> commands.scrollMessages(-3);
      case Keys.PLUS, Keys.EQUALS, Keys.NUMPAD_ADD -> rig.zoomBy(1 / ZOOM_STEP);
      case Keys.MINUS, Keys.NUMPAD_SUBTRACT -> rig.zoomBy(ZOOM_STEP);
      // Esc closes the help page first, as it closes the policy list: a person reading the keys
      // does not mean to quit
      case Keys.ESCAPE -> {
        if (commands.helpShown()) {
          commands.toggleHelp();
        } else {
          commands.quit();
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The replay's timeline moved by {@code seconds} of its time (clamped to its ends). */
  private void seekSeconds(double seconds) {
    Replays.Timeline t = session.replays().timeline();
    if (t != null) {
      double steps = seconds / t.stepSeconds();
      session.replays().seek((int) Math.max(-1e9, Math.min(1e9, t.step() + steps)));
    }
  }

  @Override
  public boolean scrolled(float amountX, float amountY) {
    float factor = (float) Math.pow(ZOOM_STEP, amountY);
    if (follow.free()) {
      rig.zoomAbout(factor, Gdx.input.getX(), Gdx.input.getY()); // a map: about the pointer
    } else {
      rig.zoomBy(factor); // about the followed body
    }
    return true;
  }

  @Override
  public boolean touchDown(int x, int y, int pointer, int button) {
    lastX = x;
    lastY = y;
    Replays.Timeline t = session.replays().timeline();
    scrubbing = t != null && commands.timelineBar().hit(x, y);
    if (scrubbing) {
      session.replays().seek(commands.timelineBar().stepAt(x, t.steps()));
    }
    return true;
  }

  @Override
  public boolean touchUp(int x, int y, int pointer, int button) {
    scrubbing = false;
    return true;
  }

  /** A person who drives an arm points with the mouse: its tip follows the pointer. */
  @Override
  public boolean mouseMoved(int x, int y) {
    if (session.pointerDrives()) {
      double[] w = rig.toWorld(x, y);
      session.keyboard().point(w[0], w[1]);
      return true;
    }
    session.keyboard().release();
    return false;
  }

  @Override
  public boolean touchDragged(int x, int y, int pointer) {
    Replays.Timeline t = session.replays().timeline();
    if (scrubbing && t != null) {
      session.replays().seek(commands.timelineBar().stepAt(x, t.steps()));
      return true;
    }
    if (session.pointerDrives()) {
      return mouseMoved(x, y); // the tip follows a drag too; the camera stays
    }
    follow.setFree();
    rig.panPixels(x - lastX, y - lastY);
    lastX = x;
    lastY = y;
    return true;
  }

  /**
   * Reads the held keys (and a gamepad) once per frame: driving axes, and panning a free camera.
   */
  public void poll(float frameS) {
    boolean free = follow.free();
    boolean arrowsDrive = arrowsDrive(free, session.hasKeyboardAgent());
    float[] pad = gamepad.axes();
    float turn = axis(Keys.A, Keys.D) + (arrowsDrive ? axis(Keys.LEFT, Keys.RIGHT) : 0) + pad[0];
    float forward = axis(Keys.W, Keys.S) + (arrowsDrive ? axis(Keys.UP, Keys.DOWN) : 0) + pad[1];
    session.keyboard().set(turn, forward);
    if (!arrowsDrive) {
      float px = PAN_PX_PER_S * frameS;
      rig.panPixels(-px * axis(Keys.RIGHT, Keys.LEFT), px * axis(Keys.UP, Keys.DOWN));
    }
  }

  /**
   * Whether the arrow keys drive the keyboard agent rather than pan the camera: always while a
   * person drives with the keys (F, the whole world, once took their arrows away), and otherwise
   * while the camera follows an agent. A free camera with nobody at the keys pans with them.
   */
  static boolean arrowsDrive(boolean freeCamera, boolean keyboardAgent) {
    return keyboardAgent || !freeCamera;
  }

  private static float axis(int plus, int minus) {
    return (Gdx.input.isKeyPressed(plus) ? 1 : 0) - (Gdx.input.isKeyPressed(minus) ? 1 : 0);
  }
}
