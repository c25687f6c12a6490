package dev.ugoki.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A training run's folder, {@code runs/<scenario>-<algo>-<seed>-<yyyyMMdd-HHmmss>/}:
 * {@code config.yaml} (the resolved run), {@code metrics.csv}, {@code checkpoints/}
 * ({@code latest.zip} and one file per checkpoint step), {@code policy.zip} (the final policy),
 * the learning-curve plots and {@code eval.json}.
 */
public record RunFolder(Path dir) {

  /** Creates a new, uniquely named run folder under {@code parent}. */
  public static RunFolder create(Path parent, RunConfig c) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String base = c.scenario() + "-" + c.algo() + "-" + c.seed() + "-" + stamp;
    Path dir = parent.resolve(base);
    for (int k = 2; Files.exists(dir); k++) {
      dir = parent.resolve(base + "-" + k);
    }
    Files.createDirectories(dir.resolve("checkpoints"));
    return new RunFolder(dir);
  }

  /** An existing run folder to resume; refuses one without a config or a checkpoint. */
  public static RunFolder existing(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run folder " + dir + " does not exist");
    }
    RunFolder f = new RunFolder(dir);
    if (!Files.isRegularFile(f.config())) {
      throw new IllegalArgumentException(dir + " is not a run folder: it has no config.yaml");
    }
    if (!Files.isRegularFile(f.latestCheckpoint())) {
      throw new IllegalArgumentException("run folder " + dir
          + " has no checkpoint to resume from (checkpoints/latest.zip)");
    }
    return f;
  }

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
