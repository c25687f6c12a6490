package dev.ugoki.core.train;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.PolicyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * A training run's folder, {@code runs/<scenario>-<algo>-<seed>-<yyyyMMdd-HHmmss>/}: {@code
 * config.yaml} (the resolved run), {@code metrics.csv}, {@code checkpoints/} ({@code latest.zip}
 * and one file per checkpoint step), {@code policy.zip} (the final policy), the learning-curve
 * plots and {@code eval.json}.
 */
public record RunFolder(Path dir) {

  /**
   * Creates a new, uniquely named run folder under {@code parent} holding the run's {@code
   * config.yaml}: made under a temporary name and renamed into place, so that a run folder never
   * exists without its config, whenever the process is killed.
   */
  public static RunFolder create(Path parent, RunConfig c) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String base = c.scenario() + "-" + c.algo() + "-" + c.seed() + "-" + stamp;
    Files.createDirectories(parent);
    removeAbandoned(parent);
    // createDirectory, not createTempDirectory: the folder keeps the usual permissions (umask)
    Path tmp =
        Files.createDirectory(
            parent.resolve("." + base + "." + ProcessHandle.current().pid() + System.nanoTime()));
    try {
      Files.createDirectories(tmp.resolve("checkpoints"));
      c.write(tmp.resolve("config.yaml"));
      for (int k = 2; ; k++) {
        Path dir = parent.resolve(k == 2 ? base : base + "-" + (k - 1));
        if (Files.exists(dir)) {
          continue; // a run of the same second: the next suffix
        }
        try {
          Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          return new RunFolder(dir);
        } catch (java.nio.file.FileSystemException e) {
          if (!Files.exists(dir)) {
            throw e;
          }
          // made by another process meanwhile: the next suffix
        }
      }
    } finally {
      AtomicFiles.deleteTree(tmp);
    }
  }

  /** A checkpoint file and what it holds, loaded once. */
  public record Checkpoint(Path file, PolicyFile.Loaded loaded) {}

  /**
   * An existing run folder to resume; refuses one without a config. Nothing in it changes: another
   * process may be writing it still, and only the holder of its lock ({@link TrainingRun}) sweeps
   * it ({@link #removeStale}).
   */
  public static RunFolder existing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run folder " + dir + " does not exist");
    }
    RunFolder f = new RunFolder(dir);
    if (!Files.isRegularFile(f.config())) {
      throw new IllegalArgumentException(dir + " is not a run folder: it has no config.yaml");
    }
    return f;
  }

  /** Deletes the temporary files a killed run left here; call it holding the folder's lock. */
  public void removeStale() throws IOException {
    AtomicFiles.removeStale(dir);
    AtomicFiles.removeStale(checkpoints());
  }

  /**
   * The checkpoint a resume starts from: the newest one that loads, whatever its name. A run killed
   * while writing its first {@code latest.zip} has only {@code step-N.zip}; one killed between the
   * two writes of a checkpoint has a {@code step-N.zip} newer than latest.zip. Null when there is
   * none: the run was killed before its first checkpoint, and starts over.
   */
  public Checkpoint resumePoint() throws IOException {
    // step files by the number in their names, the newest first; a name whose number does not
    // fit a long is not one this program wrote
    java.util.TreeMap<Long, Path> steps = new java.util.TreeMap<>(Comparator.reverseOrder());
    if (Files.isDirectory(checkpoints())) {
      try (var files = Files.list(checkpoints())) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String name = p.getFileName().toString();
          if (STEP.matcher(name).matches()) {
            try {
              steps.put(Long.parseLong(name.substring(5, name.length() - 4)), p);
            } catch (NumberFormatException e) {
              // skipped
            }
          }
        }
      }
    }
    Checkpoint best = null;
    long bestSteps = -1;
    if (Files.isRegularFile(latestCheckpoint())) {
      try {
        PolicyFile.Loaded l = PolicyFile.load(latestCheckpoint());
        if (l.hasOptimizerState()) {
          bestSteps = l.meta().steps();
          best = new Checkpoint(latestCheckpoint(), l);
        }
      } catch (PolicyFile.PolicyFileException e) {
        // a damaged latest.zip: the step files may still hold the run
      }
    }
    for (var entry : steps.entrySet()) {
      Path c = entry.getValue();
      if (entry.getKey() <= bestSteps) {
        break;
      }
      try {
        PolicyFile.Loaded l = PolicyFile.load(c);
        if (l.hasOptimizerState()) {
          return new Checkpoint(c, l);
        }
      } catch (PolicyFile.PolicyFileException e) {
        // cut short by a kill: try the one before
      }
    }
    return best;
  }

  /** The hidden folders {@link #create} renames into place: {@code .NAME.DIGITS}. */
  private static final java.util.regex.Pattern UNFINISHED =
      java.util.regex.Pattern.compile("^\\..+-\\d{8}-\\d{6}\\.\\d+$");

  /**
   * Deletes the unfinished folders of creations killed more than a minute ago (a younger one may be
   * another process's, about to be renamed).
   */
  private static void removeAbandoned(Path parent) throws IOException {
    long cutoff = System.currentTimeMillis() - 60_000;
    try (var dirs = Files.list(parent)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (UNFINISHED.matcher(d.getFileName().toString()).matches()
            && Files.isDirectory(d)
            && Files.getLastModifiedTime(d).toMillis() < cutoff) {
          AtomicFiles.deleteTree(d);
        }
      }
    }
  }

  private static final java.util.regex.Pattern STEP =
      java.util.regex.Pattern.compile("^step-\\d{10,}\\.zip$");

  public Path config() {
    return dir.resolve("config.yaml");
  }

  public Path metrics() {
    return dir.resolve("metrics.csv");
  }

  public Path checkpoints() {
    return dir.resolve("checkpoints");
  }

  public Path latestCheckpoint() {
    return checkpoints().resolve("latest.zip");
  }

  public Path checkpoint(long step) {
    return checkpoints().resolve(String.format("step-%010d.zip", step));
  }

  public Path policy() {
    return dir.resolve("policy.zip");
  }

  public Path eval() {
    return dir.resolve("eval.json");
  }
}
