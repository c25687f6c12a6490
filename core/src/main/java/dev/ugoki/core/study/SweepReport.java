package dev.ugoki.core.study;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.core.study.Sweep.Plan;
import dev.ugoki.core.study.Sweep.Point;
import dev.ugoki.core.train.RunConfig;
import dev.ugoki.core.train.RunRequest;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * A sweep's report: {@code summary.json} (every config with its values and its mean over seeds,
 * ranked), {@code best.yaml} (the best config as a run config that {@code ./ugoki train --config}
 * takes) and {@code sweep.png} (each config's mean success and return). Configs rank by mean
 * success rate, then mean return; the first config wins a tie.
 */
final class SweepReport {
  private static final Color SUCCESS = new Color(40, 110, 200);
  private static final Color BEST = new Color(230, 140, 20);

  private SweepReport() {}

  /** A config's values as a short label: {@code learning_rate=3e-4, ent_coef=0.01}. */
  static String label(Plan p, int config) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.keys().size(); i++) {
      String key = p.keys().get(i);
      parts.add(key.substring(key.lastIndexOf('.') + 1) + "=" + p.configs().get(config - 1).get(i));
    }
    return String.join(", ", parts);
  }

  /** Per config (in order): mean success, mean return over its seeds. */
  static double[][] means(Plan p, List<Point> points) {
    double[][] m = new double[p.configs().size()][2];
    int[] n = new int[m.length];
    for (Point pt : points) {
      int i = pt.cell().config() - 1;
      m[i][0] += pt.successRate();
      m[i][1] += pt.meanReturn();
      n[i]++;
    }
    for (int i = 0; i < m.length; i++) {
      m[i][0] /= n[i];
      m[i][1] /= n[i];
    }
    return m;
  }

  /** Config numbers, best first. */
  static List<Integer> ranking(double[][] means) {
    List<Integer> order = new ArrayList<>();
    for (int i = 1; i <= means.length; i++) {
      order.add(i);
    }
    // compared as written (4 decimals): (0.95 + 0.85) / 2 ties with (0.9 + 0.9) / 2
    order.sort(
        Comparator.<Integer>comparingDouble(c -> -round(means[c - 1][0]))
            .thenComparingDouble(c -> -round(means[c - 1][1]))
            .thenComparingInt(c -> c));
    return order;
  }

  static void write(Plan p, List<Point> points, Path dir) throws IOException {
    double[][] means = means(p, points);
    List<Integer> rank = ranking(means);
    int best = rank.get(0);
    List<Object> configs = new ArrayList<>();
    for (int c : rank) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("config", c);
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < p.keys().size(); i++) {
        values.put(p.keys().get(i), p.configs().get(c - 1).get(i));
      }
      e.put("values", values);
      e.put("mean_success_rate", round(means[c - 1][0]));
      e.put("mean_return", round(means[c - 1][1]));
      e.put(
          "success_rate_per_seed",
          points.stream()
              .filter(pt -> pt.cell().config() == c)
              .map(pt -> round(pt.successRate()))
              .toList());
      configs.add(e);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("best_config", best);
    doc.put("configs_ranked", configs);
    doc.put("keys", p.keys());
    doc.put("seeds", p.seeds());
    doc.put("eval_seeds", p.evalSeeds().toString());
    CanonicalJson.write(dir.resolve("summary.json"), doc);
    writeBest(p, best, dir.resolve("best.yaml"));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(
        withKey(BitmapEncoder.getBufferedImage(chart(p, means, best)), p, means), "png", png);
    AtomicFiles.write(dir.resolve("sweep.png"), png.toByteArray());
  }

  /** The run config of {@code best}, resolved and written whole, as a run folder's config is. */
  private static void writeBest(Plan p, int best, Path file) throws IOException {
    List<String> sets = Sweep.sets(p.keys(), p.configs().get(best - 1));
    RunConfig run =
        Sweep.onRunFile(
            p.runYaml(),
            yaml -> RunConfig.resolve(RunRequest.of(yaml, null, null, null, null, null, sets)));
    run.write(file);
  }

  private static CategoryChart chart(Plan p, double[][] means, int best) {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(Math.max(560, 80 + 40 * means.length))
            .height(380)
            .title("sweep: mean success over seeds per config (best: " + best + ")")
            .xAxisTitle("config")
            .yAxisTitle("success on unseen seeds [%]")
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(12f));
    c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    c.getStyler().setOverlapped(true);
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> top = new ArrayList<>();
    for (int i = 0; i < means.length; i++) {
      x.add(Integer.toString(i + 1));
      y.add(100 * means[i][0]);
      top.add(i + 1 == best ? 100 * means[i][0] : 0.0);
    }
    CategorySeries all = c.addSeries("mean over seeds", x, y);
    all.setFillColor(SUCCESS);
    CategorySeries b = c.addSeries("best", x, top);
    b.setFillColor(BEST);
    return c;
  }

  /** The chart with a key below it: each config's number, values and mean success. */
  private static BufferedImage withKey(BufferedImage chart, Plan p, double[][] means) {
    int line = 16;
    BufferedImage out =
        new BufferedImage(
            chart.getWidth(),
            chart.getHeight() + 12 + line * means.length,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(chart, 0, 0, null);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i < means.length; i++) {
      g.drawString(
          String.format(Locale.ROOT, "%3d: %s  %5.1f%%", i + 1, label(p, i + 1), 100 * means[i][0]),
          16,
          chart.getHeight() + line * (i + 1));
    }
    g.dispose();
    return out;
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }
}
