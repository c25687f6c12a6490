package dev.ugoki.desktop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An X display for a test: the one in {@code DISPLAY} when it is set, or a virtual framebuffer
 * (Xvfb, rendered by Mesa's software OpenGL) started on a free display number and stopped by {@link
 * #close()}.
 */
final class XvfbDisplay implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 15_000;

  private final String display;
  private final Process xvfb;

  private XvfbDisplay(String display, Process xvfb) {
    this.display = display;
    this.xvfb = xvfb;
  }

  /** The display to use, e.g. {@code :93}. */
  String display() {
    return display;
  }

  /** True when this is our own Xvfb (software GL), false for the user's display. */
  boolean isVirtual() {
    return xvfb != null;
  }

  static XvfbDisplay open(int width, int height, Path logDir)
      throws IOException, InterruptedException {
    String env = System.getenv("DISPLAY");
    if (env != null && !env.isBlank()) {
      return new XvfbDisplay(env, null);
    }
    Path xvfbBinary = onPath("Xvfb");
    if (xvfbBinary == null) {
      throw new IllegalStateException(
          "DISPLAY is not set and Xvfb is not on the PATH: install "
              + "the Debian package xvfb (apt-get install -y xvfb libgl1-mesa-dri) or run the test "
              + "on a desktop");
    }
    for (int n = 90; n < 200; n++) {
      if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))
          || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
        continue;
      }
      Process p =
          new ProcessBuilder(
                  xvfbBinary.toString(),
                  ":" + n,
                  "-screen",
                  "0",
                  width + "x" + height + "x24",
                  "-nolisten",
                  "tcp")
              .redirectErrorStream(true)
              .redirectOutput(logDir.resolve("xvfb-" + n + ".log").toFile())
              .start();
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
      while (System.currentTimeMillis() < deadline
          && p.isAlive()
          && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
        Thread.sleep(50);
      }
      if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
        return new XvfbDisplay(":" + n, p);
      }
      p.destroyForcibly(); // the number was taken after all: try the next one
      p.waitFor(5, TimeUnit.SECONDS);
    }
    throw new IllegalStateException(
        "could not start Xvfb on any display from :90 to :199; see " + logDir);
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    if (xvfb != null) {
      xvfb.destroy();
      if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
        xvfb.destroyForcibly();
      }
    }
  }
}
