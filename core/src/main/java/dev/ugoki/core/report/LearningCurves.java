package dev.ugoki.core.report;

import dev.ugoki.core.io.MetricsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots a run's metrics CSV as PNG learning curves with XChart. */
public final class LearningCurves {
  private LearningCurves() {}

  /**
   * Writes {@code learning_curve.png} (return and success rate against environment steps) and, when
   * the log has them, {@code losses.png} into {@code dir}; returns the files written.
   */
  public static List<Path> write(Path metricsCsv, Path dir, String title) throws IOException {
    var cols = MetricsLog.read(metricsCsv);
    List<Path> written = new ArrayList<>();
    double[] x = cols.get("global_step");
    if (x == null || x.length == 0) {
      return written;
    }
    if (cols.containsKey("epoch")) {
      // behavior cloning: the loss over epochs on a fixed data set
      written.add(
          chart(
              dir.resolve("learning_curve.png"),
              title + ": cloning loss",
              cols.get("epoch"),
              "epoch",
              cols,
              new String[] {"bc_loss"},
              new String[] {"mean squared error"}));
      return written;
    }
    double max = java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).max().orElse(0);
    double unit = max >= 2e6 ? 1e6 : max >= 2e3 ? 1e3 : 1;
    String xLabel =
        "environment steps" + (unit == 1e6 ? " (millions)" : unit == 1e3 ? " (thousands)" : "");
    double[] xs = java.util.Arrays.stream(x).map(v -> v / unit).toArray();
    boolean windowed = cols.containsKey("mean_return_100");
    written.add(
        chart(
            dir.resolve("learning_curve.png"),
            title + ": learning curve",
            xs,
            xLabel,
            cols,
            windowed
                ? new String[] {"mean_return_100", "success_rate_100"}
                : new String[] {"mean_return", "success_rate"},
            windowed
                ? new String[] {"return, last 100 ep.", "success, last 100 ep."}
                : new String[] {"return", "success rate"}));
    if (cols.containsKey("pg_loss")) {
      written.add(
          chart(
              dir.resolve("losses.png"),
              title + ": losses",
              xs,
              xLabel,
              cols,
              new String[] {"pg_loss", "v_loss", "approx_kl", "entropy"},
              new String[] {"policy loss", "value loss", "approx. KL", "entropy"}));
    } else if (cols.containsKey("bc_loss")) {
      written.add(
          chart(
              dir.resolve("losses.png"),
              title + ": cloning loss",
              xs,
              xLabel,
              cols,
              new String[] {"bc_loss"},
              new String[] {"mean squared error"}));
    }
    return written;
  }

  /** The early stop's validations (deterministic policy, validation seeds) as points. */
  private static void overlayValidation(XYChart c, double[] x, double[] val) {
    if (val == null) {
      return;
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(val[i])) {
        xs.add(x[i]);
        ys.add(val[i]);
      }
    }
    if (!xs.isEmpty()) {
      c.getStyler().setLegendVisible(true);
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
      c.getSeriesMap().values().iterator().next().setLabel("training episodes, last 100");
      c.addSeries("validation: deterministic policy, validation seeds", xs, ys)
          .setMarker(SeriesMarkers.CIRCLE)
          .setLineStyle(SeriesLines.NONE);
    }
  }

  private static Path chart(
      Path file,
      String title,
      double[] x,
      String xLabel,
      java.util.Map<String, double[]> cols,
      String[] keys,
      String[] labels)
      throws IOException {
    // one chart per series, stacked: values of different scales stay readable
    List<java.awt.image.BufferedImage> images = new ArrayList<>();
    for (int k = 0; k < keys.length; k++) {
      double[] y = cols.get(keys[k]);
      if (y == null) {
        continue;
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) {
          xs.add(x[i]);
          ys.add(y[i]);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYChart c =
          new XYChartBuilder()
              .width(900)
              .height(260)
              .title(k == 0 ? title : "")
              .xAxisTitle(xLabel)
              .yAxisTitle(labels[k])
              .build();
      c.getStyler().setLegendVisible(false);
      c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
      c.getStyler().setXAxisDecimalPattern("#,##0.##");
      c.addSeries(labels[k], xs, ys).setMarker(SeriesMarkers.NONE);
      if (keys[k].equals("success_rate_100")) {
        overlayValidation(c, x, cols.get("val_success"));
      }
      images.add(BitmapEncoder.getBufferedImage(c));
    }
    int height = images.stream().mapToInt(java.awt.image.BufferedImage::getHeight).sum();
    java.awt.image.BufferedImage all =
        new java.awt.image.BufferedImage(
            900, Math.max(1, height), java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = all.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 900, Math.max(1, height));
    int y0 = 0;
    for (var img : images) {
      g.drawImage(img, 0, y0, null);
      y0 += img.getHeight();
    }
    g.dispose();
    Files.createDirectories(file.getParent());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(all, "png", bytes);
    dev.ugoki.core.io.AtomicFiles.write(file, bytes.toByteArray());
    return file;
  }
}
