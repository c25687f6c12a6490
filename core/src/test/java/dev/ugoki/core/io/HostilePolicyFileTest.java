package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.core.learner.Learner;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.registry.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy files a user (or a disk) can damage: each either loads as a usable policy or is refused
 * with one {@link PolicyFile.PolicyFileException} line naming the file, in bounded time and memory;
 * never another exception, a stack trace or an allocation the file asked for.
 */
class HostilePolicyFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Map<String, byte[]> good;

  @BeforeAll
  static void writeAGoodCheckpoint() throws Exception {
    Env env = Scenarios.make("race");
    Learner learner =
        Learner.fresh(
            GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, -0.5, 3), 1e-3);
    Path file = dir.resolve("good.zip");
    PolicyFile.save(
        file,
        learner,
        new PolicyFile.Meta(
            "race",
            env.unwrapped().version(),
            env.unwrapped().config().asMap(),
            "ppo",
            Map.of(),
            1,
            10,
            1,
            Map.of()));
    good = entries(Files.readAllBytes(file));
  }

  private static Map<String, byte[]> entries(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static Path zip(String name, Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    Path f = dir.resolve(name);
    Files.write(f, bytes.toByteArray());
    return f;
  }

  /** The good file with its policy.json changed by {@code edit}. */
  private static Path withMeta(String name, Consumer<Map<String, Object>> edit) throws Exception {
    Map<String, Object> doc = JSON.readValue(good.get("policy.json"), new TypeReference<>() {});
    edit.accept(doc);
    Map<String, byte[]> e = new LinkedHashMap<>(good);
    e.put("policy.json", JSON.writeValueAsBytes(doc));
    return zip(name, e);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> arch(Map<String, Object> doc) {
    return (Map<String, Object>) doc.get("architecture");
  }

  private static void refused(Path file, String... says) {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> PolicyFile.load(file))
        .isInstanceOf(PolicyFile.PolicyFileException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .satisfies(
            e -> {
              for (String s : says) {
                assertThat(e.getMessage()).contains(s);
              }
            });
    assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse %s", file).isLessThan(5);
  }

  @Test
  void anOversizedEntryIsRefusedWithoutReadingIt() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>(good);
    e.put("params.bin", new byte[300 << 20]); // 300 MiB of zeros, about 300 kB deflated
    Path f = zip("huge-params.zip", e);
    assertThat(Files.size(f)).isLessThan(2 << 20);
    refused(f, "params.bin is larger than");
    Map<String, byte[]> meta = new LinkedHashMap<>(good);
    meta.put("policy.json", new byte[20 << 20]);
    refused(zip("huge-meta.zip", meta), "policy.json is larger than");
  }

  @Test
  void duplicateEntriesAndChecksumFailuresAreRefused() throws Exception {
    // two entries of one name: ZipOutputStream refuses to write them, so the bytes are patched
    Map<String, byte[]> e = new LinkedHashMap<>(good);
    e.put("params.bia", good.get("params.bin"));
    byte[] z = Files.readAllBytes(zip("dup.zip", e));
    byte[] from = "params.bia".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= z.length; i++) {
      if (java.util.Arrays.equals(z, i, i + from.length, from, 0, from.length)) {
        z[i + from.length - 1] = 'n';
      }
    }
    Path dup = dir.resolve("dup-patched.zip");
    Files.write(dup, z);
    refused(dup, "holds params.bin twice");

    // a stored (uncompressed) entry with one byte flipped after it was written
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var en : good.entrySet()) {
        ZipEntry ze = new ZipEntry(en.getKey());
        ze.setMethod(ZipEntry.STORED);
        ze.setSize(en.getValue().length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(en.getValue());
        ze.setCrc(crc.getValue());
        out.putNextEntry(ze);
        out.write(en.getValue());
        out.closeEntry();
      }
    }
    byte[] stored = bytes.toByteArray();
    byte[] params = good.get("params.bin");
    for (int i = 0; i + 32 <= stored.length; i++) {
      if (java.util.Arrays.equals(stored, i, i + 32, params, 0, 32)) {
        stored[i + 16] ^= 1;
        break;
      }
    }
    Path flipped = dir.resolve("stored-flipped.zip");
    Files.write(flipped, stored);
    refused(flipped, "params.bin fails its checksum");
  }

  @Test
  void networkSizesAreCheckedBeforeAnythingIsBuilt() throws Exception {
    refused(
        withMeta("hidden-1e8.zip", d -> arch(d).put("hidden", 100_000_000)),
        "hidden = 100000000 is outside [1, 4096]");
    refused(
        withMeta("layers-1e5.zip", d -> arch(d).put("layers", 100_000)),
        "layers = 100000 is outside [1, 16]");
    refused(
        withMeta("hidden-2e40.zip", d -> arch(d).put("hidden", 1L << 40)),
        "hidden = 1099511627776 is outside");
    refused(
        withMeta("hidden-fraction.zip", d -> arch(d).put("hidden", 64.7)),
        "hidden must be an integer, was 64.7");
    refused(
        withMeta(
            "too-big.zip",
            d -> {
              arch(d).put("hidden", 4096);
              arch(d).put("layers", 16);
            }),
        "more than the 16777216 a policy file may hold");
    refused(
        withMeta("frozen-too-many.zip", d -> arch(d).put("frozen_layers", 3)),
        "frozen_layers = 3 is outside [0, 2]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void wrongTypesAndNonFiniteNumbersAreRefused() throws Exception {
    refused(
        withMeta(
            "numeric-names.zip",
            d -> ((Map<String, Object>) d.get("observation")).put("names", List.of(1, 2, 3))),
        "a channel name is 1, not text");
    Map<String, byte[]> e = new LinkedHashMap<>(good);
    String json = new String(good.get("policy.json"), java.nio.charset.StandardCharsets.UTF_8);
    e.put(
        "policy.json",
        json.replaceFirst("\"log_std\" ?: ?\\[[^]]*]", "\"log_std\": [1e400, 0]")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    refused(zip("infinite-log-std.zip", e), "finite number");
    e.put(
        "policy.json",
        json.replaceFirst("\"log_std\" ?: ?\\[[^]]*]", "\"log_std\": [1e39, 0]")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    refused(zip("log-std-beyond-float.zip", e), "does not fit a float");
    e.put(
        "policy.json",
        "{\"format\": \"ugoki-policy\", \"version\": 2, \"scen"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    refused(zip("cut-json.zip", e), "do not parse");
    refused(withMeta("steps-fraction.zip", d -> d.put("steps", 1.5)), "steps must be an integer");
    refused(withMeta("scenario-number.zip", d -> d.put("scenario", 7)), "scenario must be text");
  }

  static Stream<Integer> seeds() {
    return IntStream.rangeClosed(1, 60).boxed();
  }

  /**
   * Seeded damage: bytes of the zip flipped or cut, or a value of policy.json replaced by one of
   * another type or an extreme number. Loading either succeeds with finite weights or refuses in
   * one line; nothing else escapes.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomDamageLoadsOrIsRefusedInOneLine(int seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    Path f;
    if (seed % 3 == 0) {
      byte[] z = Files.readAllBytes(dir.resolve("good.zip"));
      int flips = 1 + r.nextInt(8);
      for (int i = 0; i < flips; i++) {
        z[r.nextInt(z.length)] ^= (byte) (1 << r.nextInt(8));
      }
      f = dir.resolve("flipped-" + seed + ".zip");
      Files.write(f, seed % 2 == 0 ? java.util.Arrays.copyOf(z, r.nextInt(z.length)) : z);
    } else {
      Object[] values = {
        null,
        "text",
        -1,
        0,
        1L << 40,
        1e300,
        -1e300,
        0.5,
        List.of(),
        List.of("a"),
        Map.of(),
        true,
        Long.MAX_VALUE
      };
      Object value = values[r.nextInt(values.length)];
      String[] paths = {
        "version",
        "scenario",
        "steps",
        "updates",
        "seed",
        "log_std",
        "architecture.hidden",
        "architecture.layers",
        "architecture.obs_size",
        "architecture.act_size",
        "architecture.frozen_layers",
        "obs_norm.mean",
        "obs_norm.var",
        "obs_norm.count",
        "observation.names",
        "observation.low",
        "action.high",
        "optimizer.network_steps",
        "metrics",
        "scenario_config"
      };
      String path = paths[r.nextInt(paths.length)];
      f = withMeta("field-" + seed + ".zip", d -> put(d, path, value));
    }
    try {
      PolicyFile.Loaded l = PolicyFile.load(f);
      for (float w : l.policy().network().params()) {
        assertThat(Float.isFinite(w)).isTrue();
      }
    } catch (PolicyFile.PolicyFileException e) {
      assertThat(e.getMessage()).contains(f.toString()).doesNotContain("\n");
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> doc, String path, Object value) {
    String[] p = path.split("\\.");
    Map<String, Object> m = doc;
    for (int i = 0; i < p.length - 1; i++) {
      if (!(m.get(p[i]) instanceof Map)) {
        return;
      }
      m = (Map<String, Object>) m.get(p[i]);
    }
    m.put(p[p.length - 1], value);
  }
}
