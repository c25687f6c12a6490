package dev.ugoki.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.examples.broken.CollidingProvider;
import dev.ugoki.examples.broken.SecondCartPoleProvider;
import dev.ugoki.examples.broken.ThrowingProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cart-pole as a user adds it: its packaged jar in a plugins folder named by {@code
 * UGOKI_PLUGINS}, driven through the real launcher ({@code ./ugoki}): listed, trained to its
 * target, evaluated, recorded and replayed bit for bit, exported, rendered. A plugin's mistakes end
 * in one line and exit code 2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("ugoki.root")).normalize();
  private static final Path JAR = Path.of(System.getProperty("ugoki.plugin.jar"));

  @TempDir static Path work;
  private static Path plugins;
  private static Path run;

  @BeforeAll
  static void aPluginsFolderWithTheExampleJar() throws IOException {
    plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(JAR, plugins.resolve(JAR.getFileName()));
  }

  /** What a command printed and how it ended. */
  record Ran(int exit, String out, List<String> err) {}

  private static Ran withPlugins(String pluginPath, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("ugoki").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().put("UGOKI_PLUGINS", pluginPath);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("./ugoki " + String.join(" ", args) + " did not end in 5 min");
    }
    List<String> errLines =
        Files.readAllLines(err).stream()
            // the launcher builds core when a test run finds it stale: not an error
            .filter(l -> !l.startsWith("ugoki: building"))
            .toList();
    return new Ran(p.exitValue(), Files.readString(out), errLines);
  }

  private static Ran ugoki(String... args) throws IOException, InterruptedException {
    return withPlugins(plugins.toString(), args);
  }

  @Test
  @Order(1)
  void scenariosListsThePlugin() throws Exception {
    Ran r = ugoki("scenarios");
    assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
    assertThat(r.out())
        .contains("cartpole (v1, " + plugins.resolve(JAR.getFileName()))
        .contains("success:      balances (balance held)")
        .contains("actions:      [push]")
        .contains("pole.max_angle_deg");
  }

  @Test
  @Order(2)
  void trainReachesItsTarget() throws Exception {
    Ran r = ugoki("train", "--scenario", "cartpole", "--out", work.resolve("runs").toString());
    assertThat(r.exit()).as(r.out() + String.join("\n", r.err())).isZero();
    assertThat(r.out()).contains("reached the target").contains("mean balance time [s]");
    try (Stream<Path> s = Files.list(work.resolve("runs"))) {
      run =
          s.filter(d -> d.getFileName().toString().startsWith("cartpole-ppo-1-"))
              .findFirst()
              .orElseThrow();
    }
    JsonNode eval = new ObjectMapper().readTree(run.resolve("eval.json").toFile());
    assertThat(eval.get("scenario").asText()).isEqualTo("cartpole");
    assertThat(eval.get("success_rate").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(run.resolve("learning_curve.png")).isRegularFile();
  }

  @Test
  @Order(3)
  void evalRecordsEpisodesThatReplayBitForBit() throws Exception {
    Path policy = run.resolve("policy.zip");
    Path replays = work.resolve("replays");
    Ran e =
        ugoki(
            "eval",
            "--policy",
            policy.toString(),
            "--seeds",
            "1-3",
            "--record",
            replays.toString(),
            "--json",
            work.resolve("eval.json").toString());
    assertThat(e.exit()).as(String.join("\n", e.err())).isZero();
    assertThat(e.out()).contains("cartpole").contains("wrote 3 replays");
    Ran r = ugoki("replay", replays.toString());
    assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
    assertThat(r.out()).contains("3 of 3 replays").contains("reproduced bit for bit");
  }

  @Test
  @Order(4)
  void exportAndRenderWork() throws Exception {
    Path policy = run.resolve("policy.zip");
    Ran x =
        ugoki(
            "export", "--policy", policy.toString(), "--onnx", work.resolve("cp.onnx").toString());
    assertThat(x.exit()).as(String.join("\n", x.err())).isZero();
    assertThat(x.out()).contains("cartpole -> 4 observation channels -> 1 actions");
    assertThat(Files.size(work.resolve("cp.onnx"))).isPositive();
    Ran g =
        ugoki(
            "render",
            "--expert",
            "--scenario",
            "cartpole",
            "--max-steps",
            "50",
            "--out",
            work.resolve("cp.gif").toString());
    assertThat(g.exit()).as(String.join("\n", g.err())).isZero();
    assertThat(g.out()).contains("balance");
    assertThat(work.resolve("cp.gif")).isRegularFile();
  }

  @Test
  void aPluginThatIsNotAJarIsRefusedInOneLine() throws Exception {
    Path fake = Files.writeString(work.resolve("fake.jar"), "not a zip");
    assertOneLineError(withPlugins(fake.toString(), "scenarios"), "is not a jar", fake.toString());
  }

  @Test
  void aPluginsFolderThatDoesNotExistIsRefusedInOneLine() throws Exception {
    Path missing = work.resolve("no-such-plugins");
    assertOneLineError(
        withPlugins(missing.toString(), "scenarios"), "does not exist", missing.toString());
  }

  @Test
  void aProviderWhoseNameIsTakenIsRefusedInOneLine() throws Exception {
    Path jar = providerJar("colliding.jar", CollidingProvider.class);
    assertOneLineError(
        withPlugins(jar.toString(), "scenarios"), "scenario 'race'", "collides", "built in");
  }

  @Test
  void twoPluginsWithOneNameAreRefusedInOneLine() throws Exception {
    Path twice = Files.createDirectories(work.resolve("twice"));
    Files.copy(JAR, twice.resolve("a.jar"));
    Files.move(providerJar("second.jar", SecondCartPoleProvider.class), twice.resolve("b.jar"));
    assertOneLineError(
        withPlugins(twice.toString(), "scenarios"), "scenario 'cartpole'", "collides", "a.jar");
  }

  @Test
  void aProviderThatThrowsIsRefusedInOneLine() throws Exception {
    Path jar = providerJar("throwing.jar", ThrowingProvider.class);
    assertOneLineError(
        withPlugins(jar.toString(), "scenarios"),
        "ThrowingProvider",
        "failed to start",
        "no licence server");
  }

  @Test
  void theWindowRefusesABadPluginInOneLineToo() throws Exception {
    Path missing = work.resolve("no-such-plugins");
    assertOneLineError(withPlugins(missing.toString(), "desktop", "--help"), "does not exist");
  }

  private static void assertOneLineError(Ran r, String... parts) {
    assertThat(r.exit()).as(r.out() + String.join("\n", r.err())).isEqualTo(2);
    assertThat(r.err()).hasSize(1);
    // the command line says "ugoki: error: ...", the window "ugoki desktop: error: ..."
    assertThat(r.err().get(0)).matches("ugoki( desktop)?: error: .*").contains(parts);
  }

  /** A jar with {@code provider}'s class, its superclass and a services file naming it. */
  private static Path providerJar(String name, Class<?> provider) throws IOException {
    Path jar = work.resolve(name);
    try (OutputStream o = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(o)) {
      j.putNextEntry(new JarEntry("META-INF/services/dev.ugoki.sim.env.ScenarioProvider"));
      j.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      for (Class<?> c : List.of(provider, provider.getSuperclass())) {
        String classFile = c.getName().replace('.', '/') + ".class";
        j.putNextEntry(new JarEntry(classFile));
        try (var in = c.getClassLoader().getResourceAsStream(classFile)) {
          in.transferTo(j);
        }
      }
    }
    return jar;
  }
}
