package dev.ugoki.sim.registry;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Scenario plugins: jars that bring their own {@link dev.ugoki.sim.env.ScenarioProvider} (a {@code
 * META-INF/services/dev.ugoki.sim.env.ScenarioProvider} file naming it), added to the registry
 * without touching Ugoki. The command line and the window read them from the environment variable
 * {@value #VARIABLE}: a list of jars and folders separated by the platform's path separator ({@code
 * :} on Linux and macOS, {@code ;} on Windows), as {@code CLASSPATH} is; a folder stands for every
 * {@code *.jar} directly in it, in name order. All the plugins share one class loader under
 * Ugoki's, so a plugin may use sim and core but not another plugin's classes unless both are
 * listed.
 *
 * <p>Every mistake is refused in one line naming the path: a path that does not exist, a file that
 * is not a jar, a provider whose name is taken, a provider that fails to start.
 */
public final class Plugins {
  /** The environment variable the entry points read. */
  public static final String VARIABLE = "UGOKI_PLUGINS";

  /**
   * More jars than this in one list is a mistake (a folder of something else), not a plugin set.
   */
  static final int MAX_JARS = 256;

  private static final List<Path> LOADED = new ArrayList<>();

  private Plugins() {}

  /**
   * Loads the plugins {@value #VARIABLE} lists, if it is set and not blank.
   *
   * @return the names of the scenarios registered
   * @throws IllegalArgumentException naming the path or provider at fault
   */
  public static List<String> loadFromEnvironment() {
    String list = System.getenv(VARIABLE);
    return list == null || list.isBlank() ? List.of() : load(list);
  }

  /**
   * Loads the plugins of {@code pathList} (jars and folders of jars, separated by {@link
   * File#pathSeparator}); a jar loaded before is skipped.
   *
   * @return the names of the scenarios registered
   * @throws IllegalArgumentException naming the path or provider at fault
   */
  public static synchronized List<String> load(String pathList) {
    List<Path> jars = new ArrayList<>();
    for (String part : pathList.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (!part.isBlank()) {
        jars.addAll(jars(Path.of(part.strip())));
      }
    }
    jars.removeAll(LOADED);
    if (jars.isEmpty()) {
      return List.of();
    }
    if (jars.size() > MAX_JARS) {
      throw new IllegalArgumentException(
          VARIABLE + " lists " + jars.size() + " jars; at most " + MAX_JARS + " are loaded");
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = url(jars.get(i));
    }
    // never closed: the scenarios' classes live as long as the registry that holds them
    URLClassLoader loader =
        new URLClassLoader("ugoki-plugins", urls, Plugins.class.getClassLoader());
    List<String> names = Scenarios.registerOwn(loader);
    LOADED.addAll(jars);
    return names;
  }

  /** The jars {@code path} stands for: itself, or the {@code *.jar} files of a folder. */
  private static List<Path> jars(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        List<Path> jars =
            s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                .sorted()
                .toList();
        if (jars.size() > MAX_JARS) {
          throw new IllegalArgumentException(
              "plugin folder " + p + " holds " + jars.size() + " jars; at most " + MAX_JARS);
        }
        for (Path j : jars) {
          checkJar(j);
        }
        return jars;
      } catch (IOException e) {
        throw new IllegalArgumentException("plugin folder " + p + " cannot be read: " + e);
      }
    }
    if (!Files.exists(p)) {
      throw new IllegalArgumentException(
          "plugin path " + p + " (from " + VARIABLE + ") does not exist");
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("plugin path " + p + " is neither a jar nor a folder");
    }
    checkJar(p);
    return List.of(p);
  }

  private static void checkJar(Path jar) {
    try (JarFile f = new JarFile(jar.toFile())) {
      f.size(); // the central directory was read: a zip
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "plugin " + jar + " is not a jar (" + e.getMessage() + ")");
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("plugin " + jar + " has no URL: " + e.getMessage());
    }
  }
}
