package dev.ugoki.desktop.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ugoki.desktop.session.Driver;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.Follow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptTest {

  @Test
  void parsesCommandsSeparatedBySemicolonsOrLines() {
    Script s = Script.parse("drive 3; pause\nstep;  camera ; shot a-1 ;zoom 2; keys -1,0.5");
    assertThat(s.commands())
        .extracting(Script.Command::op)
        .containsExactly("drive", "pause", "step", "camera", "shot", "zoom", "keys");
    assertThat(s.shots()).containsExactly("a-1");
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThatThrownBy(() -> Script.parse("fly 3")).hasMessageContaining("unknown command 'fly'");
    assertThatThrownBy(() -> Script.parse("drive")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> Script.parse("drive 9999")).hasMessageContaining("seconds");
    assertThatThrownBy(() -> Script.parse("speed 3")).hasMessageContaining("1, 2, 4, 8 or 16");
    assertThatThrownBy(() -> Script.parse("shot ../x")).hasMessageContaining("name");
    assertThatThrownBy(() -> Script.parse("pause now")).hasMessageContaining("no argument");
    assertThatThrownBy(() -> Script.parse("keys 2,0")).hasMessageContaining("TURN,FORWARD");
    assertThatThrownBy(() -> Script.parse(" ; ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Script.parse("record maybe")).hasMessageContaining("record on");
    assertThatThrownBy(() -> Script.parse("clone now")).hasMessageContaining("no argument");
  }

  @Test
  void recordAndCloneAreCommands() {
    assertThat(Script.parse("record on; drive 1; record off; clone").commands())
        .extracting(Script.Command::op)
        .containsExactly("record", "drive", "record", "clone");
  }

  @Test
  void aScenarioSwitchNamesARegisteredScenario() throws Exception {
    assertThat(Script.parse("scenario next; scenario reach").commands())
        .extracting(Script.Command::arg)
        .containsExactly("next", "reach");
    assertThatThrownBy(() -> Script.parse("scenario mars")).hasMessageContaining("navigate");
    FakeWindow w = new FakeWindow();
    ScriptRunner runner = new ScriptRunner(Script.parse("scenario next; scenario reach"));
    runner.beforeFrame(w);
    assertThat(w.calls).containsExactly("switch navigate", "switch reach");
  }

  @Test
  void trainingCommandsAreCheckedAndAwaitNeedsATraining() throws Exception {
    assertThat(Script.parse("train ppo; await 3; checkpoint; train stop").commands())
        .extracting(Script.Command::op)
        .containsExactly("train", "await", "checkpoint", "train");
    assertThatThrownBy(() -> Script.parse("train sac")).hasMessageContaining("ppo, dagger, bc");
    assertThatThrownBy(() -> Script.parse("await 0")).hasMessageContaining("not in 1..");
    assertThatThrownBy(() -> Script.parse("checkpoint now")).hasMessageContaining("no argument");
    ScriptRunner runner = new ScriptRunner(Script.parse("await 2"));
    assertThatThrownBy(() -> runner.beforeFrame(new FakeWindow()))
        .hasMessageContaining("no training was started");
  }

  /** A window stand-in that records what the script asked of it. */
  private static final class FakeWindow implements ScriptRunner.Target {
    final Session session =
        new Session("race", Map.of(), 3, List.of(new Driver.Expert(), new Driver.Keyboard()));
    final Follow follow = new Follow();
    final List<String> calls = new ArrayList<>();

    @Override
    public Session session() {
      return session;
    }

    @Override
    public Follow follow() {
      return follow;
    }

    @Override
    public void switchTo(String scenario) {
      calls.add("switch " + scenario);
    }

    @Override
    public void fitWorld() {
      calls.add("fit");
    }

    @Override
    public void zoomBy(float factor) {
      calls.add("zoom " + factor);
    }

    @Override
    public void shoot(String name) {
      calls.add("shot " + name + " at step " + session.clock().steps());
    }

    @Override
    public void toggleHelp() {
      calls.add("help");
    }

    @Override
    public void drop(java.nio.file.Path file) {
      calls.add("drop " + file);
    }

    @Override
    public void saveReplay() {
      calls.add("save");
    }

    @Override
    public void removeFollowed() {
      calls.add("remove");
    }

    @Override
    public void toggleChase() {
      calls.add("chase");
    }

    @Override
    public void toggleSaliency() {
      calls.add("saliency");
    }

    @Override
    public void togglePolicies() {
      calls.add("policies");
    }

    @Override
    public void pick(int number) {
      calls.add("pick " + number);
    }
  }

  /** Plays the script as the window would: advance by what the runner says, then draw. */
  private static int play(ScriptRunner runner, FakeWindow w) throws Exception {
    int frames = 0;
    while (!runner.finished() && frames < 100_000) {
      w.session.advance(runner.beforeFrame(w));
      runner.afterFrame(w);
      frames++;
    }
    return frames;
  }

  @Test
  void timeIsVirtualSixtyFramesPerSecondAndShotsTakeNoTime() throws Exception {
    FakeWindow w = new FakeWindow();
    ScriptRunner runner =
        new ScriptRunner(
            Script.parse(
                "frames 3; shot start; drive 1; shot one; pause; step 2; shot stepped; speed 4; resume; "
                    + "drive 0.5; shot fast; camera; camera; shot free; camera 2; zoom 2; keys 1,1"));
    int frames = play(runner, w);

    assertThat(w.calls)
        .containsExactly(
            "shot start at step 1",
            "shot one at step 21",
            "shot stepped at step 23",
            "shot fast at step 63",
            "fit",
            "shot free at step 63",
            "zoom 2.0");
    assertThat(w.follow.target()).isEqualTo(1);
    assertThat(w.session.keyboard().turn()).isEqualTo(1f);
    // frames, shot, drive 1 s, shot, shot (after pause and steps), drive 0.5 s, shot, shot
    // (after the cameras), and the last frame that runs the last commands and ends the script
    assertThat(frames).isEqualTo(3 + 1 + 60 + 1 + 1 + 30 + 1 + 1 + 1);
  }

  @Test
  void aBadCameraTargetFailsTheScript() {
    FakeWindow w = new FakeWindow();
    ScriptRunner runner = new ScriptRunner(Script.parse("camera 5"));
    assertThatThrownBy(() -> play(runner, w)).hasMessageContaining("camera target 4");
  }
}
