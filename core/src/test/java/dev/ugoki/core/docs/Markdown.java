package dev.ugoki.core.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the documentation tests read of a Markdown file, as GitHub renders it: its links and images
 * outside code, the anchors its headings get, and its fenced code blocks. Only the Markdown the
 * project writes is covered (inline links, ATX headings, fences of backticks or tildes).
 */
final class Markdown {
  /** A link or an image: its target as written, on its line (from 1). */
  record Link(int line, String target) {}

  /** A fenced code block: its info string ({@code bash}, {@code java}, ...) and its lines. */
  record Block(int firstLine, String info, List<String> lines) {}

  /** The repository: surefire runs a module's tests in the module's folder, one below the root. */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");

  /** [text](target "title") and ![alt](target), the target without its title. */
  private static final Pattern LINK =
      Pattern.compile(
          "!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private Markdown() {}

  /** Every Markdown file of the documentation: the README, the changelog and docs/. */
  static List<Path> documentation(Path root) throws java.io.IOException {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    files.add(root.resolve("CHANGELOG.md"));
    try (Stream<Path> all = Files.walk(root.resolve("docs"))) {
      all.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  /** The links and images of a text, outside fenced blocks and code spans. */
  static List<Link> links(String text) {
    List<Link> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean[] code = inFence(lines);
    for (int i = 0; i < lines.length; i++) {
      if (code[i]) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(lines[i]).replaceAll(""));
      while (m.find()) {
        out.add(new Link(i + 1, m.group(1)));
      }
    }
    return out;
  }

  /**
   * The anchors GitHub gives a text's headings: lower case, punctuation dropped, spaces as hyphens,
   * a repeated one suffixed {@code -1}, {@code -2}, ...
   */
  static Set<String> anchors(String text) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\n", -1);
    boolean[] code = inFence(lines);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = HEADING.matcher(lines[i]);
      if (!code[i] && m.matches()) {
        String slug = slug(m.group(2));
        int n = seen.merge(slug, 1, Integer::sum);
        out.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return out;
  }

  /** A heading's anchor, as github-slugger makes it. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link's text only
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
        .replace(' ', '-');
  }

  /** The fenced code blocks of a text, in order. */
  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (j < lines.length && !closes(lines[j], fence)) {
        body.add(lines[j++]);
      }
      out.add(new Block(i + 2, open.group(2), body));
      i = j;
    }
    return out;
  }

  /** For each line: whether it lies in a fenced block (its fences included). */
  private static boolean[] inFence(String[] lines) {
    boolean[] code = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String fence = open.group(1);
      code[i] = true;
      int j = i + 1;
      while (j < lines.length && !closes(lines[j], fence)) {
        code[j++] = true;
      }
      if (j < lines.length) {
        code[j] = true;
      }
      i = j;
    }
    return code;
  }

  private static boolean closes(String line, String fence) {
    String t = line.strip();
    return t.length() >= fence.length()
        && t.chars().allMatch(c -> c == fence.charAt(0))
        && line.indexOf(fence.charAt(0)) <= 3;
  }
}
