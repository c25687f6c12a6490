package dev.ugoki.desktop;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import dev.ugoki.desktop.session.Session;
import dev.ugoki.desktop.view.Palette;
import dev.ugoki.sim.registry.Plugins;

/**
 * {@code ./ugoki desktop}: checks the command line, builds the session (loading any policy files),
 * then opens the LibGDX window. Bad arguments give one line on stderr and exit code 2; a window
 * that cannot open (no display, no OpenGL) or a failed script exits with code 1.
 */
public final class DesktopLauncher {
  private DesktopLauncher() {}

  public static void main(String[] args) {
    dev.ugoki.core.cli.AppLogging.configure();
    LaunchOptions options;
    Session session;
    try {
      Plugins.loadFromEnvironment(); // scenario plugins, before a name is looked up
      options = LaunchOptions.parse(args);
      if (options.help()) {
        System.out.println(LaunchOptions.usage());
        return;
      }
      session =
          new Session(
              options.scenario(),
              options.overrides(),
              options.seed(),
              options.drivers(),
              new Session.Listener() {
                @Override
                public void onMessage(String message) {
                  System.err.println("ugoki desktop: " + message);
                }
              });
      session.teaching().setDemosDir(options.demosDir());
      session.teaching().addDemoFiles(options.demos());
      session.training().setSettings(options.training());
      session.replays().setDir(options.replaysDir());
    } catch (IllegalArgumentException e) {
      System.err.println("ugoki desktop: error: " + dev.ugoki.core.cli.ErrorText.of(e));
      System.exit(2);
      return;
    }
    if (noDisplay()) {
      // GLFW would fail too, but with its own stack trace: say it in one line instead.
      System.err.println(
          "ugoki desktop: error: no display to open a window on (DISPLAY is not "
              + "set); on a machine without a screen run it inside Xvfb (Debian package xvfb): "
              + "xvfb-run -s '-screen 0 1280x800x24' ./ugoki desktop ...");
      System.exit(1);
      return;
    }
    UgokiApp app = new UgokiApp(options, session);
    try {
      Lwjgl3ApplicationConfiguration c = configuration(options);
      c.setWindowListener(
          new com.badlogic.gdx.backends.lwjgl3.Lwjgl3WindowAdapter() {
            @Override
            public void filesDropped(String[] files) {
              // GLFW calls this while it polls events, between frames, on the render thread
              for (String f : files) {
                app.drop(java.nio.file.Path.of(f));
              }
            }
          });
      new Lwjgl3Application(app, c);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e) {
        throw e;
      }
      System.err.println("ugoki desktop: error: the window failed: " + t.getMessage());
      System.exit(1);
    }
    // LWJGL's threads may linger after the window closed: end the process with the app's verdict.
    System.exit(app.exitCode());
  }

  /** On Linux and the BSDs a window needs an X11 or Wayland display. */
  private static boolean noDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    boolean needsDisplay = !os.contains("win") && !os.contains("mac");
    return needsDisplay
        && blank(System.getenv("DISPLAY"))
        && blank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The window's settings, one line each. */
  static Lwjgl3ApplicationConfiguration configuration(LaunchOptions options) {
    Lwjgl3ApplicationConfiguration c = new Lwjgl3ApplicationConfiguration();
    // The title bar names the app and what it shows.
    c.setTitle("Ugoki - " + options.scenario() + ", seed " + options.seed());
    // A 1280 x 800 window (not full screen); the screenshot test and the README image use it.
    c.setWindowedMode(1280, 800);
    // Any size works: the camera's ExtendViewport shows more of the world in a bigger window.
    c.setResizable(true);
    // Wait for the monitor's refresh: no tearing, and no frames drawn only to be thrown away.
    c.useVsync(options.maxFps() > 0);
    // At most 60 frames per second when vsync does not hold it (Xvfb, a 144 Hz monitor); 0 lifts
    // the cap, to measure how much time a frame really needs.
    c.setForegroundFPS(options.maxFps());
    // The same cap without keyboard focus: a window under Xvfb may never get focus.
    c.setIdleFPS(options.maxFps());
    // 8 bits per channel, no depth or stencil buffer (2D), no multisampling: the colours of the
    // screenshots are exactly the palette's.
    c.setBackBufferConfig(8, 8, 8, 8, 0, 0, 0);
    // No sound, so no OpenAL device is needed (CI machines and Xvfb have none).
    c.disableAudio(true);
    // Grass instead of black while the first frame is being prepared.
    c.setInitialBackgroundColor(Palette.GRASS);
    return c;
  }
}
