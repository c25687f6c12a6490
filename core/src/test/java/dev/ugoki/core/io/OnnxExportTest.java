package dev.ugoki.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.study.ZooBuild;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.ObservationHistory;
import dev.ugoki.sim.env.Spec;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.registry.Scenarios;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped policy exported to ONNX and run by ONNX Runtime (its Java API): on observations
 * recorded from real episodes of each scenario it drives, the model's actions are Ugoki's
 * deterministic actions within 1e-5, its values the critic's, and for the foundation, which infers
 * its body, its body estimate the adapter's. The largest differences are printed.
 */
class OnnxExportTest {
  /** Observations recorded from each scenario a policy drives. */
  static final int ROWS = 1000;

  static final double TOLERANCE = 1e-5;

  private static OrtEnvironment ort;

  @BeforeAll
  static void startOnnxRuntime() {
    ort = OrtEnvironment.getEnvironment();
  }

  @AfterAll
  static void stop() {
    ort.close();
  }

  /** What the episodes gave: the model's input rows and what Ugoki did with each. */
  record Recorded(
      List<float[]> inputs, List<float[]> actions, List<Float> values, List<float[]> bodies) {}

  @ParameterizedTest
  @ValueSource(strings = {"race", "navigate", "foundation"})
  void theExportedModelActsAsUgokiDoes(String name) throws Exception {
    Path file = Zoo.resolve(Zoo.SCHEME + name);
    PolicyFile.Loaded loaded = PolicyFile.load(file);
    Zoo.Card card = Zoo.Card.read(Zoo.card(file.getParent(), name));
    byte[] model = OnnxExport.model(loaded, true).toByteArray();
    try (OrtSession session = ort.createSession(model, new OrtSession.SessionOptions())) {
      checkMetadata(session, loaded);
      for (Zoo.Card.Evaluation e : card.evaluations()) {
        Recorded r = record(file, loaded, e);
        assertThat(r.inputs()).hasSizeGreaterThanOrEqualTo(ROWS);
        double[] worst = compare(session, loaded, r);
        System.out.printf(
            "ONNX parity, zoo:%s on %s: %d observations, largest |action difference| %.3g,"
                + " |value difference| %.3g%s%n",
            name,
            e.scenario(),
            r.inputs().size(),
            worst[0],
            worst[1],
            loaded.adapter() != null ? String.format(", |body difference| %.3g", worst[2]) : "");
        assertThat(worst[0]).as("largest action difference").isLessThanOrEqualTo(TOLERANCE);
        assertThat(worst[2]).as("largest body-estimate difference").isLessThanOrEqualTo(TOLERANCE);
        // the critic's outputs are returns, tens in size: the same relative precision
        assertThat(worst[1]).as("largest value difference").isLessThanOrEqualTo(1e-3);
      }
    }
  }

  /**
   * Networks of other shapes than the zoo's, with seeded weights of a size training gives (not the
   * near-zero initial actor) and normalization statistics far from 0 and 1, on seeded raw inputs
   * across and beyond each channel's range (so the standardization's clip is crossed too).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"16,1", "64,2", "32,3"})
  void everyShapeMatchesOnSeededInputs(int hidden, int layers) throws Exception {
    var env = Scenarios.make(Scenarios.config("race", Map.of()));
    var policy =
        dev.ugoki.core.policy.GaussianPolicy.create(
            env.observationSpec(), env.actionSpec(), hidden, layers, -0.5, 7);
    java.util.SplittableRandom random = new java.util.SplittableRandom(hidden * 31L + layers);
    float[] w = policy.network().params();
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * 0.4);
    }
    policy.network().setParams(w);
    int d = env.observationSpec().size();
    int rows = 1000;
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * 3 + 1);
    }
    policy.norm().update(java.util.Arrays.copyOf(x, 50 * d), 50);
    PolicyFile.Loaded loaded =
        new PolicyFile.Loaded(
            policy,
            new PolicyFile.Meta("race", 1, Map.of(), "ppo", Map.of(), 1, 0, 0, Map.of()),
            env.observationSpec(),
            env.actionSpec(),
            null,
            null);
    Recorded r = new Recorded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), List.of());
    for (int i = 0; i < rows; i++) {
      float[] row = java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d);
      r.inputs().add(row);
      r.actions().add(policy.actDeterministic(row, 1));
      r.values().add(policy.value(row, 1)[0]);
    }
    try (OrtSession session =
        ort.createSession(
            OnnxExport.model(loaded, true).toByteArray(), new OrtSession.SessionOptions())) {
      double[] worst = compare(session, loaded, r);
      assertThat(worst[0]).isLessThanOrEqualTo(TOLERANCE);
      assertThat(worst[1]).isLessThanOrEqualTo(1e-4);
    }
  }

  private static void checkMetadata(OrtSession session, PolicyFile.Loaded loaded) throws Exception {
    Map<String, String> meta = session.getMetadata().getCustomMetadata();
    assertThat(meta).containsEntry("ugoki.scenario", loaded.meta().scenario());
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> obs = json.readValue(meta.get("ugoki.observation"), Map.class);
    Map<?, ?> act = json.readValue(meta.get("ugoki.action"), Map.class);
    assertThat(obs.get("names")).isEqualTo(OnnxExport.inputSpec(loaded).names());
    assertThat(act.get("names")).isEqualTo(loaded.actionSpec().names());
    assertThat(session.getInputNames()).containsExactly(OnnxExport.OBS);
    assertThat(session.getOutputNames())
        .contains(OnnxExport.ACTION, OnnxExport.VALUE)
        .hasSize(loaded.adapter() != null ? 3 : 2);
  }

  /**
   * Drives episodes (seeds from the card's first) with the policy as Ugoki drives it, until {@link
   * #ROWS} observations are recorded. For a policy with an adapter the model's input comes from a
   * second copy of the environment, stepped with the same actions, that keeps the raw history the
   * adapter reads ({@link ObservationHistory}): the model must infer the body as {@link
   * AdaptedBody} does.
   */
  private static Recorded record(Path file, PolicyFile.Loaded loaded, Zoo.Card.Evaluation e) {
    var cfg = ZooBuild.config(loaded.meta(), e.scenario(), e.sets());
    Env driven = PolicyFit.fit(file, loaded, Scenarios.make(cfg));
    Env shadow = null;
    int[] gather = null;
    if (loaded.adapter() != null) {
      PolicyFile.Loaded plain =
          new PolicyFile.Loaded(
              loaded.policy(),
              loaded.meta(),
              loaded.observationSpec(),
              loaded.actionSpec(),
              null,
              null);
      shadow =
          new ObservationHistory(
              PolicyFit.fit(file, plain, Scenarios.make(cfg)), loaded.adapter().historySteps());
      gather = indices(shadow.observationSpec(), OnnxExport.inputSpec(loaded));
    }
    Recorded r =
        new Recorded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    long seed = Long.parseLong(e.seeds().split("-")[0]);
    while (r.inputs().size() < ROWS) {
      float[] obs = driven.reset(seed);
      float[] raw = shadow == null ? obs : shadow.reset(seed);
      seed++;
      while (true) {
        float[] action = loaded.policy().actDeterministic(obs, 1);
        r.inputs().add(gather == null ? obs.clone() : pick(raw, gather));
        r.actions().add(action);
        r.values().add(loaded.policy().value(obs, 1)[0]);
        if (driven instanceof AdaptedBody a) {
          r.bodies().add(a.estimate());
        }
        StepResult s = driven.step(action);
        if (shadow != null) {
          raw = shadow.step(action).observation();
        }
        obs = s.observation();
        if (s.terminated() || s.truncated()) {
          break;
        }
      }
    }
    return r;
  }

  private static int[] indices(Spec have, Spec want) {
    int[] out = new int[want.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = have.indexOf(want.name(i));
      assertThat(out[i]).as(want.name(i)).isNotNegative();
    }
    return out;
  }

  private static float[] pick(float[] raw, int[] index) {
    float[] out = new float[index.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = raw[index[i]];
    }
    return out;
  }

  /** The largest differences over every row: action, value, body estimate. */
  private static double[] compare(OrtSession session, PolicyFile.Loaded loaded, Recorded r)
      throws Exception {
    int n = r.inputs().size();
    int d = OnnxExport.inputSpec(loaded).size();
    int a = loaded.actionSpec().size();
    FloatBuffer in = FloatBuffer.allocate(n * d);
    r.inputs().forEach(in::put);
    in.flip();
    double[] worst = new double[3];
    try (OnnxTensor t = OnnxTensor.createTensor(ort, in, new long[] {n, d});
        OrtSession.Result out = session.run(Map.of(OnnxExport.OBS, t))) {
      float[][] action = (float[][]) out.get(OnnxExport.ACTION).get().getValue();
      float[] value = (float[]) out.get(OnnxExport.VALUE).get().getValue();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < a; j++) {
          worst[0] = Math.max(worst[0], Math.abs(action[i][j] - r.actions().get(i)[j]));
        }
        worst[1] = Math.max(worst[1], Math.abs(value[i] - r.values().get(i)));
      }
      if (loaded.adapter() != null) {
        float[][] body = (float[][]) out.get(OnnxExport.BODY).get().getValue();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < body[i].length; j++) {
            worst[2] = Math.max(worst[2], Math.abs(body[i][j] - r.bodies().get(i)[j]));
          }
        }
      }
    }
    return worst;
  }
}
