package dev.ugoki.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's exits before any window: bad input and no display give a line, not a trace. */
class DesktopLauncherTest {
  private record Result(int code, String out, String err) {}

  private static Result launch(boolean withDisplay, String... args)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DesktopLauncher.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (!withDisplay) {
      pb.environment().remove("DISPLAY");
      pb.environment().remove("WAYLAND_DISPLAY");
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownScenarioExitsWithCodeTwoAndOneLine() throws Exception {
    Result r = launch(false, "--scenario", "fly");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "ugoki desktop: error: unknown scenario 'fly'; known scenarios: race, navigate, reach,"
                + " multitask, push, grandprix (a plugin's scenario needs its jar in"
                + " UGOKI_PLUGINS)");
  }

  @Test
  void helpPrintsTheUsage() throws Exception {
    Result r = launch(false, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: ugoki desktop", "--policy=FILE", "keys:");
  }

  @Test
  void noDisplayExitsWithCodeOneAndSaysWhy() throws Exception {
    Result r = launch(false, "--expert", "--script", "frames 1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("ugoki desktop: error: no display")
        .contains("DISPLAY is not set", "xvfb")
        .doesNotContain("\n");
  }
}
