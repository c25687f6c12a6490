package dev.ugoki.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and image of README.md, CHANGELOG.md and every Markdown file under docs/
 * names a file of the repository, and every {@code #anchor} into a Markdown file names one of its
 * headings, as GitHub renders them. Web addresses are not followed.
 */
class DocLinksTest {

  @Test
  void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
    List<Path> files = Markdown.documentation(Markdown.ROOT);
    assertThat(files).as("the README and the guides").hasSizeGreaterThan(10);
    assertThat(broken(Markdown.ROOT, files)).isEmpty();
  }

  @Test
  void aMissingFileAHeadingThatIsNotThereAndALinkOutOfTheRepositoryAreReported(@TempDir Path root)
      throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/b.md"), "# Title\n\n## The `zoo:race` policy\n");
    Path a = root.resolve("docs/a.md");
    Files.writeString(
        a,
        String.join(
            "\n",
            "# A",
            "[fine](b.md), [fine too](b.md#the-zoorace-policy), [here](#a), ![img](b.md)",
            "[gone](missing.md) and [no heading](b.md#nowhere) and [no own heading](#b)",
            "[outside](../../etc/passwd) [web](https://example.com/x.md) `[code](nope.md)`",
            "```",
            "[in a fence](nope.md)",
            "```"));
    assertThat(broken(root, List.of(a)))
        .containsExactly(
            "docs/a.md:3: missing.md: no such file",
            "docs/a.md:3: b.md#nowhere: no heading 'nowhere' in docs/b.md",
            "docs/a.md:3: #b: no heading 'b' in docs/a.md",
            "docs/a.md:4: ../../etc/passwd: outside the repository");
  }

  @Test
  void headingsGetGitHubsAnchors() {
    assertThat(Markdown.anchors("# Results: the foundation\n## PPO, 1e-4\n## PPO, 1e-4\n"))
        .containsExactly("results-the-foundation", "ppo-1e-4", "ppo-1e-4-1");
    assertThat(Markdown.slug("Cells on Spark: local[1] against local[2]"))
        .isEqualTo("cells-on-spark-local1-against-local2");
    assertThat(Markdown.slug("`params.bin`: the weights")).isEqualTo("paramsbin-the-weights");
  }

  /** Each broken link of {@code files}: "file:line: target: why", the file relative to root. */
  static List<String> broken(Path root, List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      for (Markdown.Link link : Markdown.links(text)) {
        String why = problem(root, file, text, link.target());
        if (why != null) {
          out.add(
              root.relativize(file).toString().replace('\\', '/')
                  + ":"
                  + link.line()
                  + ": "
                  + link.target()
                  + ": "
                  + why);
        }
      }
    }
    return out;
  }

  /** What is wrong with one link of {@code file}, or null when it resolves or leaves the repo. */
  private static String problem(Path root, Path file, String text, String target)
      throws IOException {
    if (target.isEmpty()) {
      return "an empty link";
    }
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return null; // https:, mailto:: not followed
    }
    int hash = target.indexOf('#');
    String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), UTF8);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved =
        path.isEmpty()
            ? file
            : (path.startsWith("/") ? root.resolve(path.substring(1)) : file.resolveSibling(path))
                .normalize();
    if (!resolved.startsWith(root.normalize())) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (anchor != null && resolved.toString().endsWith(".md")) {
      String headings = resolved.equals(file) ? text : Files.readString(resolved);
      if (!Markdown.anchors(headings).contains(anchor)) {
        return "no heading '"
            + anchor
            + "' in "
            + root.relativize(resolved).toString().replace('\\', '/');
      }
    }
    return null;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
