package dev.ugoki.core.study;

import dev.ugoki.core.io.AtomicFiles;
import dev.ugoki.core.io.CanonicalJson;
import dev.ugoki.core.study.ScalingStudy.Axis;
import dev.ugoki.core.study.ScalingStudy.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The scaling study's outputs: {@code scaling.png}, one log-log panel per axis (held-out failure
 * rate against the axis, each seed's cell faint, the mean of the seeds, the fitted power law), and
 * {@code summary.json} (per axis and value the mean success on held-out bodies and the edge band,
 * and the fit: exponent, prefactor, R^2).
 *
 * <p>A failure rate of 0 has no logarithm: the fit counts it as half an episode's failure ({@code
 * 0.5 / episodes}), the resolution of the evaluation.
 */
final class ScalingReport {
  private static final int WIDTH = 460;
  private static final int HEIGHT = 380;
  private static final Color HELD = new Color(40, 110, 200);
  private static final Color EDGE = new Color(200, 60, 50);

  private ScalingReport() {}

  /** One axis: its values, the mean rates over seeds at each, and the fit of held-out failure. */
  record Curve(
      Axis axis, List<Long> values, List<Double> heldOut, List<Double> edge, PowerLaw fit) {}

  static Curve curve(ScalingStudy.Settings s, List<Point> points, Axis a) {
    double floor = 0.5 / s.evalSeeds().count();
    List<Long> xs = new ArrayList<>();
    List<Double> held = new ArrayList<>();
    List<Double> edge = new ArrayList<>();
    for (long v : s.values().get(a)) {
      List<Point> at = along(s, points, a, v);
      if (!at.isEmpty()) {
        xs.add(v);
        held.add(at.stream().mapToDouble(Point::heldOut).average().orElseThrow());
        edge.add(at.stream().mapToDouble(Point::edge).average().orElseThrow());
      }
    }
    PowerLaw fit = null;
    if (xs.stream().distinct().count() >= 2) {
      double[] x = xs.stream().mapToDouble(Long::doubleValue).toArray();
      double[] y = held.stream().mapToDouble(h -> Math.max(floor, 1 - h)).toArray();
      fit = PowerLaw.fit(x, y);
    }
    return new Curve(a, xs, held, edge, fit);
  }

  /** The points of axis {@code a} at value {@code v}: the other two axes at the base. */
  private static List<Point> along(ScalingStudy.Settings s, List<Point> points, Axis a, long v) {
    List<Point> out = new ArrayList<>();
    for (Point p : points) {
      boolean onAxis = p.cell().value(a) == v;
      for (Axis other : Axis.values()) {
        if (other != a && p.cell().value(other) != s.base().get(other)) {
          onAxis = false;
        }
      }
      if (onAxis) {
        out.add(p);
      }
    }
    return out;
  }

  static void write(ScalingStudy.Settings s, List<Point> points) throws IOException {
    Map<String, Object> axes = new LinkedHashMap<>();
    BufferedImage all =
        new BufferedImage(WIDTH * Axis.values().length, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    for (Axis a : Axis.values()) {
      Curve c = curve(s, points, a);
      g.drawImage(chart(s, points, c), a.ordinal() * WIDTH, 0, null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("values", c.values());
      m.put("mean_held_out_success", c.heldOut());
      m.put("mean_edge_success", c.edge());
      if (c.fit() != null) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("exponent", c.fit().exponent());
        f.put("prefactor", c.fit().prefactor());
        f.put("r2", c.fit().r2());
        m.put("held_out_failure_power_law", f);
      }
      axes.put(a.column(), m);
    }
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(all, "png", png);
    AtomicFiles.write(s.dir().resolve("scaling.png"), png.toByteArray());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("config", s.config() == null ? null : s.config().toString());
    doc.put("sets", s.sets());
    Map<String, Object> base = new LinkedHashMap<>();
    for (Axis a : Axis.values()) {
      base.put(a.column(), s.base().get(a));
    }
    doc.put("base", base);
    doc.put("seeds", s.seeds());
    doc.put("eval_seeds", s.evalSeeds().toString());
    doc.put("axes", axes);
    CanonicalJson.write(s.dir().resolve("summary.json"), doc);
  }

  private static BufferedImage chart(ScalingStudy.Settings s, List<Point> points, Curve c) {
    double floor = 0.5 / s.evalSeeds().count();
    String title =
        c.fit() == null
            ? c.axis().label()
            : String.format(
                Locale.ROOT,
                "failure ~ %s^%.2f (R^2 %.2f)",
                c.axis().column(),
                c.fit().exponent(),
                c.fit().r2());
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(c.axis().label() + " (log)")
            .yAxisTitle("failure rate, zero-shot (log)")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(floor).setYAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisDecimalPattern("0.###");
    if (c.values().isEmpty()) {
      return BitmapEncoder.getBufferedImage(chart);
    }
    List<Double> x = c.values().stream().map(Long::doubleValue).toList();
    series(chart, "held-out", x, c.heldOut(), floor, HELD, SeriesMarkers.CIRCLE);
    series(chart, "edge band", x, c.edge(), floor, EDGE, SeriesMarkers.DIAMOND);
    List<Double> sx = new ArrayList<>();
    List<Double> sy = new ArrayList<>();
    for (long v : c.values()) {
      for (Point p : along(s, points, c.axis(), v)) {
        sx.add((double) v);
        sy.add(Math.max(floor, 1 - p.heldOut()));
      }
    }
    XYSeries seeds = chart.addSeries("each seed", sx, sy);
    seeds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    seeds.setMarkerColor(new Color(40, 110, 200, 90));
    seeds.setMarker(SeriesMarkers.CIRCLE);
    if (c.fit() != null) {
      double lo = x.get(0);
      double hi = x.get(x.size() - 1);
      XYSeries f =
          chart.addSeries(
              "power law",
              new double[] {lo, hi},
              new double[] {
                Math.max(floor, Math.min(1, c.fit().at(lo))),
                Math.max(floor, Math.min(1, c.fit().at(hi)))
              });
      f.setLineColor(Color.BLACK);
      f.setMarker(SeriesMarkers.NONE);
      f.setLineStyle(SeriesLines.DASH_DASH);
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static void series(
      XYChart chart,
      String name,
      List<Double> x,
      List<Double> success,
      double floor,
      Color color,
      org.knowm.xchart.style.markers.Marker marker) {
    XYSeries m =
        chart.addSeries(name, x, success.stream().map(v -> Math.max(floor, 1 - v)).toList());
    m.setLineColor(color);
    m.setMarkerColor(color);
    m.setMarker(marker);
    m.setLineStyle(new BasicStroke(2f));
  }
}
