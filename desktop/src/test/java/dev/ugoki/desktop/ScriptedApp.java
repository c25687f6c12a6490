package dev.ugoki.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.core.io.Zoo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The real app run with a script in its own JVM, on a display (Xvfb with Mesa's software OpenGL
 * when none is set), and what it left: its exit code, stderr, shots.json and the screenshots. For
 * the scripted window tests.
 */
final class ScriptedApp implements AutoCloseable {
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;

  /** Largest difference per channel for a colour to count as the palette's. */
  static final int TOLERANCE = 12;

  final Path dir;
  final int exitCode;
  final String stderr;
  final JsonNode shots;
  final Map<String, BufferedImage> images = new HashMap<>();
  private final XvfbDisplay display;

  /**
   * Runs the app with {@code args} (screenshots go to {@code dir/shots}) and waits for it, at most
   * {@code timeoutS} seconds.
   */
  ScriptedApp(Path dir, List<String> args, int timeoutS) throws Exception {
    this.dir = dir;
    display = XvfbDisplay.open(WIDTH, HEIGHT, dir);
    Path out = dir.resolve("shots");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the model zoo where the tests find it, as the launcher sets it
                "-D" + Zoo.DIR_PROPERTY + "=" + Zoo.dir().toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                DesktopLauncher.class.getName(),
                "--screenshots",
                out.toString()));
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("app.out").toFile())
            .redirectError(dir.resolve("app.err").toFile());
    pb.environment().put("DISPLAY", display.display());
    pb.environment().put("OMP_NUM_THREADS", "1");
    if (display.isVirtual()) {
      pb.environment().put("LIBGL_ALWAYS_SOFTWARE", "1");
    }
    Process app = pb.start();
    if (!app.waitFor(timeoutS, TimeUnit.SECONDS)) {
      app.destroyForcibly();
      throw new AssertionError(
          "the app did not finish its script in "
              + timeoutS
              + " s; stderr:\n"
              + Files.readString(dir.resolve("app.err")));
    }
    exitCode = app.exitValue();
    stderr = Files.readString(dir.resolve("app.err"));
    Path json = out.resolve("shots.json");
    shots = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
    if (shots != null) {
      for (JsonNode s : shots.get("shots")) {
        images.put(
            s.get("name").asText(), ImageIO.read(out.resolve(s.get("file").asText()).toFile()));
      }
    }
  }

  /** A fresh folder under target/ (kept after the run, so that a failure can be looked at). */
  static Path freshDir(String name) throws IOException {
    Path d = Path.of("target", name).toAbsolutePath();
    if (Files.exists(d)) {
      try (var all = Files.walk(d)) {
        for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
    Files.createDirectories(d);
    return d;
  }

  JsonNode shot(String name) {
    for (JsonNode s : shots.get("shots")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no shot " + name);
  }

  /** Whether a pixel within {@code radius} of (x, y) has {@code colour}. */
  static boolean near(BufferedImage img, int x, int y, int radius, int[] colour) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        int px = x + dx;
        int py = y + dy;
        if (px >= 0
            && py >= 0
            && px < img.getWidth()
            && py < img.getHeight()
            && close(img.getRGB(px, py), colour, TOLERANCE)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean close(int argb, int[] c, int tol) {
    return Math.abs(((argb >> 16) & 0xff) - c[0]) <= tol
        && Math.abs(((argb >> 8) & 0xff) - c[1]) <= tol
        && Math.abs((argb & 0xff) - c[2]) <= tol;
  }

  static int[] rgb(JsonNode n) {
    return new int[] {n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt()};
  }

  @Override
  public void close() throws InterruptedException {
    display.close();
  }
}
