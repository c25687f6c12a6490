package dev.ugoki.core.study;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.CanonicalJson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The transfer study's outputs: {@code transfer.png} (per application, success rate against labeled
 * steps on a log axis, each start's mean over seeds with every seed's curve faint, the foundation's
 * zero-shot rate and the target as lines) and {@code summary.json} (zero-shot rates, steps to
 * target per seed, and the fine-tune to scratch ratio of their means).
 */
final class TransferReport {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 360;
  private static final Map<String, Color> COLORS =
      Map.of(
          TransferStudy.SCRATCH, new Color(200, 60, 50),
          TransferStudy.FULL, new Color(40, 110, 200),
          TransferStudy.FROZEN, new Color(40, 160, 90));

  private TransferReport() {}

  static void write(TransferStudy.Settings s, TransferStudy.Result r) throws IOException {
    List<BufferedImage> charts = new ArrayList<>();
    Map<String, Object> apps = new LinkedHashMap<>();
    for (Application app : s.apps()) {
      charts.add(chart(s, r, app));
      apps.put(app.name(), summary(s, r, app));
    }
    BufferedImage all =
        new BufferedImage(WIDTH, HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    for (int i = 0; i < charts.size(); i++) {
      g.drawImage(charts.get(i), 0, i * HEIGHT, null);
    }
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(all, "png", png);
    AtomicFiles.write(s.dir().resolve("transfer.png"), png.toByteArray());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("foundation", s.foundation().toString());
    doc.put("target_success_rate", s.target());
    doc.put("budgets", s.budgets());
    doc.put("seeds", s.seeds());
    doc.put("eval_seeds", s.evalSeeds().toString());
    doc.put("fine_tune_learning_rate", s.fineTuneLearningRate());
    doc.put("zero_shot_on_nominal_scenarios", r.zeroShotNominal());
    doc.put("applications", apps);
    CanonicalJson.write(s.dir().resolve("summary.json"), doc);
  }

  /** Steps to target per start and seed (-1: not within the budgets), and the ratio of means. */
  static Map<String, Object> summary(
      TransferStudy.Settings s, TransferStudy.Result r, Application app) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", app.description());
    m.put("scenario", app.scenario());
    m.put("overrides", app.overrides());
    m.put("zero_shot_success_rate", r.zeroShot().get(app.name()));
    Map<String, Object> steps = new LinkedHashMap<>();
    Map<String, Object> means = new LinkedHashMap<>();
    for (String start : starts(r, app)) {
      List<Long> perSeed = new ArrayList<>();
      for (long seed : s.seeds()) {
        double zero =
            start.equals(TransferStudy.SCRATCH) ? Double.NaN : r.zeroShot().get(app.name());
        perSeed.add(
            TransferStudy.stepsToTarget(r.points(), app.name(), start, seed, s.target(), zero));
      }
      steps.put(start, perSeed);
      boolean all = perSeed.stream().allMatch(v -> v >= 0);
      // null: some seed did not reach the target within the budgets
      means.put(
          start, all ? perSeed.stream().mapToLong(Long::longValue).average().orElse(0) : null);
    }
    m.put("steps_to_target", steps);
    m.put("mean_steps_to_target", means);
    if (means.get(TransferStudy.SCRATCH) instanceof Double scratch
        && means.get(TransferStudy.FULL) instanceof Double full
        && scratch > 0) {
      m.put("fine_tune_over_scratch", full / scratch);
    }
    return m;
  }

  private static List<String> starts(TransferStudy.Result r, Application app) {
    return r.points().stream()
        .filter(p -> p.app().equals(app.name()))
        .map(TransferStudy.Point::start)
        .distinct()
        .toList();
  }

  private static BufferedImage chart(
      TransferStudy.Settings s, TransferStudy.Result r, Application app) {
    XYChart c =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(app.name() + ": " + app.description())
            .xAxisTitle(
                "labeled expert steps (log scale); lines: mean of "
                    + s.seeds().size()
                    + " seeds, faint: each seed")
            .yAxisTitle("success rate, %")
            .build();
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(13f));
    // below the plot, in a row: inside, it hid the rising end of a curve
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    c.getStyler().setXAxisDecimalPattern("#,##0");
    double lo = s.budgets().get(0);
    double hi = s.budgets().get(s.budgets().size() - 1);
    for (String start : starts(r, app)) {
      Color color = COLORS.getOrDefault(start, Color.DARK_GRAY);
      List<Double> xs = new ArrayList<>();
      List<Double> mean = new ArrayList<>();
      for (long b : s.budgets()) {
        double sum = 0;
        int n = 0;
        for (TransferStudy.Point p : r.points()) {
          if (p.app().equals(app.name()) && p.start().equals(start) && p.steps() == b) {
            sum += p.successRate();
            n++;
          }
        }
        if (n > 0) {
          xs.add((double) b);
          mean.add(100 * sum / n);
        }
      }
      XYSeries m = c.addSeries(start, xs, mean);
      m.setLineColor(color);
      m.setMarkerColor(color);
      m.setMarker(SeriesMarkers.CIRCLE);
      m.setLineStyle(new BasicStroke(2.5f));
      for (long seed : s.seeds()) {
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        for (TransferStudy.Point p : r.points()) {
          if (p.app().equals(app.name()) && p.start().equals(start) && p.seed() == seed) {
            sx.add((double) p.steps());
            sy.add(100 * p.successRate());
          }
        }
        if (!sx.isEmpty()) {
          XYSeries one = c.addSeries(start + " seed " + seed, sx, sy);
          one.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
          one.setMarker(SeriesMarkers.NONE);
          one.setLineStyle(new BasicStroke(1f));
          one.setShowInLegend(false);
        }
      }
    }
    double zero = 100 * r.zeroShot().get(app.name());
    XYSeries z =
        c.addSeries("foundation zero-shot", new double[] {lo, hi}, new double[] {zero, zero});
    z.setLineColor(Color.GRAY);
    z.setMarker(SeriesMarkers.NONE);
    z.setLineStyle(SeriesLines.DASH_DASH);
    double t = 100 * s.target();
    XYSeries tl =
        c.addSeries(
            String.format(java.util.Locale.ROOT, "target %.0f%%", t),
            new double[] {lo, hi},
            new double[] {t, t});
    tl.setLineColor(Color.BLACK);
    tl.setMarker(SeriesMarkers.NONE);
    tl.setLineStyle(SeriesLines.DOT_DOT);
    return BitmapEncoder.getBufferedImage(c);
  }
}
