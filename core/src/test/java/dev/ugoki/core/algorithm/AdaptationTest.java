package dev.ugoki.core.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ugoki.core.io.PolicyFile;
import dev.ugoki.core.io.PolicyFit;
import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.policy.BodyAdapter;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.config.Config;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.EnvWrapper;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptationTest {
  private static final Map<String, Object> CARS =
      Map.of(
          "body.max_speed", 0.5,
          "body.wheelbase", 0.3,
          "dr.friction", 0.3,
          "body.edge", 0.2,
          "body.holdout", 4,
          "body.observe", true);

  @TempDir Path tmp;

  private static GaussianPolicy base(Config c, long seed) {
    Env env = Scenarios.make(c);
    return GaussianPolicy.create(env.observationSpec(), env.actionSpec(), 16, 2, 0, seed);
  }

  private static BodyAdapter adapt(GaussianPolicy base, Config c, long seed) {
    return Adaptation.train(
        base,
        c,
        new Adaptation.Settings(4, 0, 1, 300, 2, 8, 2, 2, 0.1, seed),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void theLatentsCholeskyFormMeasuresBodyErrorsAsThePolicysFirstLayerSeesThem() {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 3);
    List<String> body = BodyAdapter.bodyChannels(base.observationSpec());
    assertThat(body).contains("body.race.wheelbase", "body.race.max_speed", "body.race.friction");
    int k = body.size();
    double[] l = BodyAdapter.latentFactor(base, body);
    float[] decode = BodyAdapter.invertUpper(l, k);
    SplittableRandom r = new SplittableRandom(9);
    for (int trial = 0; trial < 20; trial++) {
      // two observations that differ only in the body channels: the first layer's
      // pre-activations differ by M (u - u'), measured through the normalization and weights
      float[] x = new float[base.observationSpec().size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextDouble(-1, 1);
      }
      float[] y = x.clone();
      double[] du = new double[k];
      for (int i = 0; i < k; i++) {
        int at = base.observationSpec().indexOf(body.get(i));
        y[at] = (float) r.nextDouble(-1, 1);
        du[i] = x[at] - y[at];
      }
      float[] nx = base.normalize(x, 1);
      float[] ny = base.normalize(y, 1);
      int hidden = 16;
      float[] w = base.network().actorLayers().get(0).weights();
      double seen = 0;
      for (int j = 0; j < hidden; j++) {
        double d = 0;
        for (int i = 0; i < nx.length; i++) {
          d += w[i * hidden + j] * (nx[i] - ny[i]);
        }
        seen += d * d;
      }
      double latent = 0;
      double[] z = new double[k];
      for (int i = 0; i < k; i++) {
        for (int j = i; j < k; j++) {
          z[i] += l[i * k + j] * du[j];
        }
        latent += z[i] * z[i];
      }
      assertThat(latent).isCloseTo(seen, within(1e-4 * (1 + seen)));
      // and the decoding undoes it
      for (int i = 0; i < k; i++) {
        double back = 0;
        for (int j = 0; j < k; j++) {
          back += decode[i * k + j] * z[j];
        }
        assertThat(back).isCloseTo(du[i], within(1e-3));
      }
    }
  }

  @Test
  void anAdaptedPolicyNeverSeesTheBodyTheEnvironmentTellsIt() throws Exception {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 4);
    BodyAdapter adapter = adapt(base, c, 4);
    assertThat(adapter.network().observationSpec().names())
        .noneMatch(BodyAdapter::isBody)
        .noneMatch(n -> n.contains("lidar."))
        .contains("speed", "hist.1.speed", "hist.4.act.steer");
    // the adapter keeps its own history of the environment's observations, as in training
    Env honest = new AdaptedBody(Scenarios.make(c), base.observationSpec(), adapter);
    Env lied =
        new AdaptedBody(new Scrambled(Scenarios.make(c)), base.observationSpec(), adapter.copy());
    assertThat(honest.observationSpec()).isEqualTo(base.observationSpec());
    float[] a = honest.reset(21);
    float[] b = lied.reset(21);
    for (int t = 0; t < 60; t++) {
      assertThat(b).containsExactly(a);
      float[] act = base.actDeterministic(a, 1);
      StepResult ra = honest.step(act);
      StepResult rb = lied.step(act);
      a = ra.observation();
      b = rb.observation();
    }
    int speed = base.observationSpec().indexOf("body.race.max_speed");
    int k = adapter.bodyChannels().indexOf("body.race.max_speed");
    assertThat(((AdaptedBody) honest).estimate()[k]).isEqualTo(a[speed]).isBetween(-1f, 1f);
  }

  @Test
  void anAdapterIsSavedAndLoadedWithItsPolicyAndDrivesThroughTheHistoryItNeeds() throws Exception {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 5);
    BodyAdapter adapter = adapt(base, c, 5);
    Path file = tmp.resolve("adapted.zip");
    Map<String, Object> keys = new java.util.TreeMap<>(CARS);
    PolicyFile.Meta meta =
        new PolicyFile.Meta("race", 1, keys, "bc", Map.of(), 5, 1000, 1, Map.of());
    PolicyFile.save(file, base, meta, adapter);
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    assertThat(loaded.adapter()).isNotNull();
    assertThat(loaded.adapter().network().network().params())
        .containsExactly(adapter.network().network().params());
    assertThat(loaded.adapter().decode()).containsExactly(adapter.decode());
    Env env = PolicyFit.fit(file, loaded, Scenarios.make(c));
    assertThat(env).isInstanceOf(AdaptedBody.class);
    assertThat(env.observationSpec()).isEqualTo(base.observationSpec());
    // an environment of another layout is refused, naming what differs
    assertThatThrownBy(
            () -> PolicyFit.fit(file, loaded, Scenarios.make(c.with(Map.of("history.steps", 4)))))
        .hasMessageContaining("does not fit")
        .hasMessageContaining("hist.1.");
    // the same bytes from the same policy
    Path again = tmp.resolve("again.zip");
    PolicyFile.save(again, loaded.policy(), loaded.meta(), loaded.adapter());
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void aTraceFollowsTheTrueBodyThroughAnUnannouncedChangeAndDrawsTheSameBytes() throws Exception {
    Map<String, Object> keys = new java.util.HashMap<>(CARS);
    keys.put("body.change_at", 1.0);
    keys.put("body.change_friction", 0.6);
    Config c = Scenarios.config("race", keys);
    GaussianPolicy base = base(c, 9);
    BodyAdapter adapter = adapt(base, Scenarios.config("race", CARS), 9);
    Env env = new AdaptedBody(Scenarios.make(c), base.observationSpec(), adapter);
    var t = dev.ugoki.core.report.AdaptationTrace.run(env, base, 21, "body.race.friction", "speed");
    assertThat(t.estimate()).hasSameSizeAs(t.timeS());
    assertThat(t.truth()).hasSameSizeAs(t.timeS());
    int before = 0;
    while (t.timeS().get(before + 1) < 1.0 - 1e-9) {
      before++;
    }
    double drawn = t.truth().get(0);
    assertThat(t.truth().subList(0, before + 1)).containsOnly(drawn);
    assertThat(t.truth().get(t.truth().size() - 1))
        .as("the grip after the drop, in u")
        .isCloseTo(((1 + 0.3 * drawn) * 0.6 - 1) / 0.3, within(1e-9));
    Path a = tmp.resolve("a.png");
    Path b = tmp.resolve("b.png");
    dev.ugoki.core.report.AdaptationTrace.write(a, t, "body.race.friction", 1.0, "trace");
    dev.ugoki.core.report.AdaptationTrace.write(b, t, "body.race.friction", 1.0, "trace");
    assertThat(Files.readAllBytes(a)).isNotEmpty().isEqualTo(Files.readAllBytes(b));
    assertThatThrownBy(
            () ->
                dev.ugoki.core.report.AdaptationTrace.run(
                    Scenarios.make(c), base, 21, "body.race.friction", "speed"))
        .hasMessageContaining("no adapter");
  }

  @Test
  void aDamagedAdapterIsRefusedInOneLineNamingTheFile() throws Exception {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 7);
    BodyAdapter adapter = adapt(base, c, 7);
    Path file = tmp.resolve("adapted.zip");
    PolicyFile.save(
        file,
        base,
        new PolicyFile.Meta("race", 1, CARS, "bc", Map.of(), 7, 1, 1, Map.of()),
        adapter);
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    assertThat(entries)
        .containsKeys("adapter/policy.json", "adapter/params.bin", "adapter/latent.json");
    Map<String, byte[]> noLatent = new java.util.LinkedHashMap<>(entries);
    noLatent.remove("adapter/latent.json");
    Map<String, byte[]> foreign = new java.util.LinkedHashMap<>(entries);
    foreign.put(
        "adapter/latent.json",
        new String(entries.get("adapter/latent.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replace("body.race.max_speed", "body.race.jet_thrust")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Map<String, byte[]> shortWeights = new java.util.LinkedHashMap<>(entries);
    shortWeights.put("adapter/params.bin", new byte[12]);
    for (var damaged :
        List.of(
            Map.entry(noLatent, "lacks adapter/latent.json"),
            Map.entry(foreign, "body.race.jet_thrust"),
            Map.entry(shortWeights, "adapter/params.bin holds 12 bytes"))) {
      Path bad = tmp.resolve("bad.zip");
      try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
        for (var e : damaged.getKey().entrySet()) {
          out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
          out.write(e.getValue());
          out.closeEntry();
        }
      }
      assertThatThrownBy(() -> PolicyFile.load(bad))
          .isInstanceOf(PolicyFile.PolicyFileException.class)
          .hasMessageContaining(bad.toString())
          .hasMessageContaining(damaged.getValue())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void anAdapterWithAMemoryReadsItsWholeHistoryThenEveryStrideThStepAndNothingAhead()
      throws Exception {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 9);
    // every step of the last 3, then every 4th up to 20 steps back
    Adaptation.Settings s = new Adaptation.Settings(3, 20, 4, 300, 2, 8, 2, 2, 0.1, 9);
    BodyAdapter adapter = Adaptation.train(base, c, s, new PrintWriter(new StringWriter()));
    java.util.Set<Integer> lags = new java.util.TreeSet<>();
    adapter.network().observationSpec().names().forEach(n -> lags.add(BodyAdapter.lagOf(n)));
    assertThat(lags).containsExactly(0, 1, 2, 3, 4, 8, 12, 16, 20);
    assertThat(adapter.historySteps()).isEqualTo(20);
    // saved and loaded, it drives with the history it needs; what it reads J steps back is what
    // was observed J steps before, never a later step
    Path file = tmp.resolve("memory.zip");
    PolicyFile.save(
        file,
        base,
        new PolicyFile.Meta("race", 1, CARS, "bc", Map.of(), 9, 1, 1, Map.of()),
        adapter);
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    AdaptedBody env = (AdaptedBody) PolicyFit.fit(file, loaded, Scenarios.make(c));
    Env plain = Scenarios.make(c);
    Spec reads = adapter.network().observationSpec();
    List<float[]> seen = new java.util.ArrayList<>();
    List<float[]> done = new java.util.ArrayList<>();
    float[] obs = env.reset(31);
    float[] raw = plain.reset(31);
    for (int t = 0; t < 40; t++) {
      seen.add(raw);
      float[] x = new float[reads.size()];
      for (int i = 0; i < x.length; i++) {
        String n = reads.name(i);
        int lag = BodyAdapter.lagOf(n);
        String inner = lag == 0 ? n : n.substring(n.indexOf('.', 5) + 1);
        boolean act = inner.startsWith("act.");
        Spec of = act ? plain.actionSpec() : plain.observationSpec();
        int j = of.indexOf(act ? inner.substring(4) : inner);
        x[i] = t - lag < 0 ? 0 : (act ? done.get(t - lag) : seen.get(t - lag))[j];
      }
      assertThat(env.estimate()).containsExactly(adapter.estimate(x, 1));
      float[] a = loaded.policy().actDeterministic(obs, 1);
      done.add(a);
      obs = env.step(a).observation();
      raw = plain.step(a).observation();
    }
    assertThatThrownBy(() -> new Adaptation.Settings(3, 257, 4, 300, 2, 8, 2, 2, 0.1, 9))
        .hasMessageContaining("0 to 256 steps back");
  }

  @Test
  void rowsThatWouldNotFitTheHeapAreRefusedBeforeAnyIsCollected() {
    // each row is held twice: the aggregate and the standardized copy
    Adaptation.checkMemory(1000, 100, 800_000);
    assertThatThrownBy(() -> Adaptation.checkMemory(1000, 100, 799_999))
        .hasMessageContaining("1,000 rows of 100 channels");
    assertThatThrownBy(() -> Adaptation.checkMemory(130_000, 1100, 1L << 30))
        .hasMessageContaining("130,000 rows of 1100 channels")
        .hasMessageContaining("fewer --rows");
    Config c = Scenarios.config("race", CARS);
    var saved = Adaptation.MEMORY;
    Adaptation.MEMORY = () -> 1000;
    try {
      assertThatThrownBy(() -> adapt(base(c, 8), c, 8)).hasMessageContaining("MB");
    } finally {
      Adaptation.MEMORY = saved;
    }
  }

  @Test
  void theSameSeedTrainsTheSameAdapterAndAPolicyNotToldItsBodyIsRefused() {
    Config c = Scenarios.config("race", CARS);
    GaussianPolicy base = base(c, 6);
    assertThat(adapt(base, c, 6).network().network().params())
        .containsExactly(adapt(base, c, 6).network().network().params());
    Config blind = Scenarios.config("race", Map.of("body.max_speed", 0.5));
    assertThatThrownBy(() -> adapt(base(blind, 6), blind, 6))
        .hasMessageContaining("body.observe=true");
  }

  /** An environment that tells a false body: every body channel, now and past, is noise. */
  private static final class Scrambled extends EnvWrapper {
    private final SplittableRandom r = new SplittableRandom(1);

    Scrambled(Env env) {
      super(env);
    }

    private float[] lie(float[] o) {
      Spec s = env.observationSpec();
      float[] out = o.clone();
      for (int i = 0; i < out.length; i++) {
        if (BodyAdapter.isBody(s.name(i))) {
          out[i] = (float) r.nextDouble(-1, 1);
        }
      }
      return out;
    }

    @Override
    public float[] reset(long seed) {
      return lie(env.reset(seed));
    }

    @Override
    public StepResult step(float[] action) {
      StepResult s = env.step(action);
      return new StepResult(
          lie(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }
  }

  @Test
  void aHistoryOfNoStepOrMoreThan64IsRefusedByTheSettings() {
    assertThatThrownBy(() -> Adaptation.Settings.of(65, 0, 1, 300, 2, 8, 1))
        .hasMessage("--history must be 1 to 64, got 65");
    assertThatThrownBy(() -> Adaptation.Settings.of(0, 0, 1, 300, 2, 8, 1))
        .hasMessage("--history must be 1 to 64, got 0");
    assertThat(Adaptation.Settings.of(Adaptation.MAX_HISTORY, 0, 1, 300, 2, 8, 1).longestLag())
        .isEqualTo(64);
  }

  /**
   * Every number of an adaptation is checked, each by name, before the policy is read (issue 26,
   * probe 12: {@code adapt --hidden 2147483647} ended in an ND4J trace, 100000 in bad_alloc).
   */
  @Test
  void eachNumberOfAnAdaptationIsRefusedByName() {
    assertThatThrownBy(() -> Adaptation.Settings.of(16, 0, 8, 300, 2, Integer.MAX_VALUE, 1))
        .hasMessage("hidden = 2147483647 is outside [1, 4096] (units per hidden layer)");
    assertThatThrownBy(() -> Adaptation.Settings.of(16, 0, 8, 300, 2, 100_000, 1))
        .hasMessage("hidden = 100000 is outside [1, 4096] (units per hidden layer)");
    assertThatThrownBy(() -> Adaptation.Settings.of(16, 0, 8, 300, 2, 0, 1))
        .hasMessage("hidden = 0 is outside [1, 4096] (units per hidden layer)");
    assertThatThrownBy(() -> Adaptation.Settings.of(16, 0, 8, -5, 2, 8, 1))
        .hasMessage("--rows must be at least 1, got -5");
    assertThatThrownBy(() -> Adaptation.Settings.of(16, 0, 8, 300, 0, 8, 1))
        .hasMessage("--rounds must be at least 1, got 0");
    assertThat(Adaptation.Settings.of(16, 0, 8, 300, 2, 4096, 1).hidden()).isEqualTo(4096);
  }
}
