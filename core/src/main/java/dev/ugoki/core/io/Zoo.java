package dev.ugoki.core.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ugoki.sim.env.SharedSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model zoo: trained policies shipped with the project ({@code models/} in the repository, or
 * the folder the system property {@value #DIR_PROPERTY} names, which the launcher sets), each
 * beside its card ({@code NAME.yaml}). Wherever a policy file is asked for, {@code zoo:NAME} names
 * a shipped one: {@code ./ugoki eval --policy zoo:race}, {@code --from zoo:foundation}.
 */
public final class Zoo {
  public static final String SCHEME = "zoo:";
  public static final String DIR_PROPERTY = "ugoki.zoo";

  /** What the zoo holds, in the order it is built. */
  public static final List<String> NAMES = List.of("race", "navigate", "foundation");

  private Zoo() {}

  /** The zoo's folder: {@value #DIR_PROPERTY}, or {@code models} under the working folder. */
  public static Path dir() {
    String d = System.getProperty(DIR_PROPERTY);
    return Path.of(d == null || d.isBlank() ? "models" : d);
  }

  public static Path file(Path dir, String name) {
    return dir.resolve(name + ".zip");
  }

  public static Path card(Path dir, String name) {
    return dir.resolve(name + ".yaml");
  }

  /**
   * The file a policy argument names: {@code zoo:NAME} a shipped policy (checked to exist), any
   * other text a path.
   *
   * @throws IllegalArgumentException for an unknown name or a zoo that is not there
   */
  public static Path resolve(String arg) {
    if (!arg.startsWith(SCHEME)) {
      return Path.of(arg);
    }
    String name = arg.substring(SCHEME.length());
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "the model zoo has no policy '" + name + "'; it has zoo:" + String.join(", zoo:", NAMES));
    }
    Path file = file(dir(), name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          arg
              + ": no "
              + file
              + " (run ./ugoki from the project's folder, set -D"
              + DIR_PROPERTY
              + "=DIR, or build the zoo again with ./ugoki zoo)");
    }
    return file;
  }

  /**
   * The shipped policy that drives {@code scenario}: the one named after it, else the first (in
   * {@link #NAMES}' order) trained on it or whose shared layout holds it as a task (the foundation,
   * for the arm and for multitask itself); null when none does or the zoo is not there. A file that
   * does not read is not passed over in silence: when nothing else drives the scenario it is the
   * answer, so that loading it says what is wrong.
   */
  public static Path forScenario(String scenario) {
    Path own = file(dir(), scenario);
    if (NAMES.contains(scenario) && Files.isRegularFile(own)) {
      return own;
    }
    Path unread = null;
    for (String name : NAMES) {
      Path f = file(dir(), name);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try {
        PolicyFile.Loaded p = PolicyFile.load(f);
        if (p.meta().scenario().equals(scenario)
            || p.observationSpec().names().contains(SharedSpace.TASK_PREFIX + scenario)) {
          return f;
        }
      } catch (IllegalArgumentException e) {
        unread = unread == null ? f : unread;
      }
    }
    return unread;
  }

  /**
   * A shipped policy's card: how it was trained and how well it does.
   *
   * @param name its zoo name
   * @param summary one line on what it is
   * @param commands the commands that trained it, in order, as a person would type them
   * @param commit the project's commit it was trained at (with {@code +changes} when the working
   *     tree had uncommitted ones)
   * @param trainingSeconds the wall-clock time of its training, on the machine named
   * @param machine the processors and the Java it was trained with
   * @param sizeBytes the policy file's size
   * @param sha256 the policy file's digest
   * @param evaluations how it does on seeds its training never used
   */
  @JsonPropertyOrder({
    "name",
    "summary",
    "commands",
    "commit",
    "trainingSeconds",
    "machine",
    "sizeBytes",
    "sha256",
    "evaluations"
  })
  public record Card(
      String name,
      String summary,
      List<String> commands,
      String commit,
      double trainingSeconds,
      String machine,
      long sizeBytes,
      String sha256,
      List<Evaluation> evaluations) {

    public Card {
      commands = List.copyOf(commands);
      evaluations = List.copyOf(evaluations);
    }

    /**
     * One evaluation: the deterministic policy, one episode per seed of {@code seeds} on {@code
     * scenario} with the {@code sets} over the policy's own config ({@code ./ugoki eval --policy
     * zoo:NAME --scenario S --set ... --seeds A-B}).
     */
    @JsonPropertyOrder({"scenario", "sets", "seeds", "success", "meanReturn", "crashes"})
    public record Evaluation(
        String scenario,
        List<String> sets,
        String seeds,
        double success,
        double meanReturn,
        long crashes) {
      public Evaluation {
        sets = List.copyOf(sets);
      }
    }

    public static Card read(Path file) {
      try {
        return Mappers.YAML.readValue(file.toFile(), Card.class);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the zoo card " + file + ": " + e);
      }
    }

    public void write(Path file) throws IOException {
      AtomicFiles.write(file, Mappers.YAML.writeValueAsBytes(this));
    }
  }
}
