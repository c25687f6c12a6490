package dev.ugoki.desktop.session;

import dev.ugoki.core.io.Zoo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The policies a person can pick to add an agent (L): the model zoo's, with each card's summary,
 * then the newest runs' {@code policy.zip} under the runs folder. At most {@link #MAX} in all, one
 * per number key; the runs folder is read no further than {@link #MAX_SCANNED} entries, so that a
 * folder of thousands of runs does not stall the window.
 */
public final class PolicyChoices {
  /** Choices shown, one per key 1-9. */
  public static final int MAX = 9;

  /** Entries of the runs folder looked at. */
  static final int MAX_SCANNED = 10_000;

  /** One choice: what the list says, and the file. */
  public record Choice(String label, Path file) {}

  private PolicyChoices() {}

  /** The zoo's policies (from {@code zooDir}) and then the newest runs under {@code runsDir}. */
  public static List<Choice> list(Path zooDir, Path runsDir) {
    List<Choice> out = new ArrayList<>();
    for (String name : Zoo.NAMES) {
      Path f = Zoo.file(zooDir, name);
      if (Files.isRegularFile(f)) {
        out.add(new Choice(Zoo.SCHEME + name + summary(zooDir, name), f));
      }
    }
    record Run(Path policy, FileTime time) {}
    List<Run> runs = new ArrayList<>();
    if (Files.isDirectory(runsDir)) {
      int seen = 0;
      try (DirectoryStream<Path> d = Files.newDirectoryStream(runsDir)) {
        for (Path run : d) {
          if (++seen > MAX_SCANNED) {
            break;
          }
          Path p = run.resolve("policy.zip");
          if (Files.isRegularFile(p)) {
            runs.add(new Run(p, Files.getLastModifiedTime(p)));
          }
        }
      } catch (IOException e) {
        // an unreadable runs folder offers no runs; the zoo's choices stand
      }
    }
    runs.sort(
        Comparator.comparing(Run::time)
            .reversed()
            .thenComparing(r -> r.policy().getParent().getFileName().toString()));
    for (Run r : runs) {
      if (out.size() >= MAX) {
        break;
      }
      out.add(new Choice(runsDir.relativize(r.policy().getParent()).toString(), r.policy()));
    }
    return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
  }

  private static String summary(Path zooDir, String name) {
    try {
      return ": " + Zoo.Card.read(Zoo.card(zooDir, name)).summary();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
