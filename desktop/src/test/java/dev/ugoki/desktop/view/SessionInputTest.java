package dev.ugoki.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.badlogic.gdx.Input.Keys;
import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys that act on the window, without a window: Esc on the help page (issue 26, probe 19). */
class SessionInputTest {

  /** The window's commands, recorded. */
  private static final class Recorded implements SessionInput.Commands {
    final List<String> calls = new ArrayList<>();
    boolean help;

    @Override
    public void fitWorld() {
      calls.add("fitWorld");
    }

    @Override
    public void toggleHelp() {
      help = !help;
      calls.add("toggleHelp");
    }

    @Override
    public boolean helpShown() {
      return help;
    }

    @Override
    public void scrollMessages(int lines) {}

    @Override
    public void nextScenario() {}

    @Override
    public void saveReplay() {}

    @Override
    public void removeFollowed() {}

    @Override
    public TimelineBar timelineBar() {
      return null;
    }

    @Override
    public void toggleSaliency() {}

    @Override
    public void togglePolicies() {}

    @Override
    public boolean choosing() {
      return false;
    }

    @Override
    public void pick(int number) {}

    @Override
    public void toggleChase() {}

    @Override
    public void quit() {
      calls.add("quit");
    }
  }

  private static SessionInput input(Recorded commands) {
    Session s = new Session("race", Map.of(), 1, List.of(new Driver.Expert()));
    return new SessionInput(s, CameraRig.forScenario("race"), new Follow(), commands);
  }

  @Test
  void escapeOnTheHelpPageClosesItAndDoesNotQuit() {
    Recorded c = new Recorded();
    SessionInput in = input(c);
    in.keyDown(Keys.H);
    assertThat(c.helpShown()).isTrue();
    in.keyDown(Keys.ESCAPE);
    assertThat(c.calls).containsExactly("toggleHelp", "toggleHelp");
    assertThat(c.helpShown()).isFalse();
  }

  @Test
  void escapeElsewhereQuits() {
    Recorded c = new Recorded();
    input(c).keyDown(Keys.ESCAPE);
    assertThat(c.calls).containsExactly("quit");
  }

  /** After F a person driving with the arrows lost them to the camera (issue 26, probe 20). */
  @Test
  void theArrowsDriveWhileAPersonDrivesEvenWithAFreeCamera() {
    assertThat(SessionInput.arrowsDrive(true, true)).isTrue();
    assertThat(SessionInput.arrowsDrive(false, true)).isTrue();
    assertThat(SessionInput.arrowsDrive(false, false)).isTrue();
    assertThat(SessionInput.arrowsDrive(true, false)).as("nobody at the keys: they pan").isFalse();
  }
}
