package dev.ugoki.core.report;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.policy.AdaptedBody;
import dev.ugoki.core.policy.GaussianPolicy;
import dev.ugoki.sim.env.Env;
import dev.ugoki.sim.env.StepResult;
import dev.ugoki.sim.scenario.ScenarioBase;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One episode of a policy that infers its body ({@link AdaptedBody}), drawn against time: what the
 * adapter believes of one body channel, and the body's speed. It shows the moment the policy
 * notices a change of body mid-episode.
 */
public final class AdaptationTrace {
  /**
   * What one episode gave: time [s], the channel's estimate (u), the body as it truly was (u, empty
   * where the scenario does not say), the speed channel.
   */
  public record Trace(
      List<Double> timeS,
      List<Double> estimate,
      List<Double> truth,
      List<Double> speed,
      boolean success) {}

  private AdaptationTrace() {}

  /**
   * Runs one episode of {@code seed}.
   *
   * @param channel the body channel whose estimate is traced ({@code body.race.friction})
   * @param speedChannel the observation channel of the body's speed
   */
  public static Trace run(
      Env env, GaussianPolicy policy, long seed, String channel, String speedChannel) {
    if (!(env instanceof AdaptedBody adapted)) {
      throw new IllegalArgumentException("the policy has no adapter: it does not infer its body");
    }
    int k = adapted.adapter().bodyChannels().indexOf(channel);
    int v = env.observationSpec().indexOf(speedChannel);
    if (k < 0 || v < 0) {
      throw new IllegalArgumentException(
          "the policy has no channel "
              + (k < 0 ? channel : speedChannel)
              + " (body channels: "
              + adapted.adapter().bodyChannels()
              + ")");
    }
    double dt = env.unwrapped().dt();
    List<Double> t = new ArrayList<>();
    List<Double> est = new ArrayList<>();
    List<Double> speed = new ArrayList<>();
    List<Double> truth = new ArrayList<>();
    // the channel's place in the scenario's own body, when the environment is that one body's
    int dim = -1;
    if (env.unwrapped() instanceof ScenarioBase<?> one) {
      dim = adapted.adapter().bodyChannelsOf(one.name()).indexOf(channel);
    }
    float[] obs = env.reset(seed);
    boolean success = false;
    for (int step = 0; step < 1_000_000; step++) {
      t.add(step * dt);
      est.add((double) adapted.estimate()[k]);
      if (dim >= 0) {
        truth.add(((ScenarioBase<?>) env.unwrapped()).bodyNow()[dim]);
      }
      speed.add((double) obs[v]);
      StepResult r = env.step(policy.actDeterministic(obs, 1));
      obs = r.observation();
      if (r.done()) {
        success = r.info().success();
        break;
      }
    }
    return new Trace(t, est, truth, speed, success);
  }

  /** The trace as a PNG: the estimate and the speed against time, the change marked. */
  public static void write(Path png, Trace tr, String channel, double changeAtS, String title)
      throws IOException {
    XYChart c =
        new XYChartBuilder()
            .width(900)
            .height(380)
            .title(title)
            .xAxisTitle("time [s]")
            .yAxisTitle("estimate (u) / speed (of scale)")
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    XYSeries e = c.addSeries("inferred " + channel, tr.timeS(), tr.estimate());
    e.setMarker(SeriesMarkers.NONE);
    e.setLineColor(new Color(40, 110, 200));
    e.setLineStyle(new BasicStroke(2f));
    if (!tr.truth().isEmpty()) {
      XYSeries truth = c.addSeries("true " + channel, tr.timeS(), tr.truth());
      truth.setMarker(SeriesMarkers.NONE);
      truth.setLineColor(Color.BLACK);
      truth.setLineStyle(new BasicStroke(1.5f));
    }
    XYSeries s = c.addSeries("speed", tr.timeS(), tr.speed());
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(new Color(150, 150, 150));
    if (changeAtS > 0) {
      XYSeries m =
          c.addSeries(
              "the body changes", new double[] {changeAtS, changeAtS}, new double[] {-1, 1});
      m.setMarker(SeriesMarkers.NONE);
      m.setLineColor(new Color(200, 60, 50));
      m.setLineStyle(new BasicStroke(1.5f));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(BitmapEncoder.getBufferedImage(c), "png", out);
    AtomicFiles.write(png, out.toByteArray());
  }
}
