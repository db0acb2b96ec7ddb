package dev.plumb.report;

import dev.plumb.data.ColumnType;
import dev.plumb.profile.Histogram;
import dev.plumb.profile.ValueCount;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The small charts of the HTML reports, drawn with XChart and exported as SVG, so that a report is
 * one file that needs no network and no script. Charts carry no title: the page around them names
 * the column, which keeps data text out of the picture except for the category labels, and those
 * XChart draws as glyph outlines rather than SVG text.
 *
 * <p>Stateless and thread-safe: every call builds and draws its own chart. Drawing needs AWT fonts;
 * the first use sets {@code java.awt.headless=true} unless the property was already set.
 */
final class Charts {
  // first, before any AWT class below is initialized: AWT reads the property once
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Chart width in pixels. */
  static final int WIDTH = 480;

  /** Chart height in pixels; bar charts with slanted labels are taller. */
  static final int HEIGHT = 260;

  /** About the width of the plot area, in pixels. */
  private static final double PLOT_WIDTH = WIDTH - 70.0;

  /** Longest category label drawn; longer ones are cut with an ellipsis. */
  static final int MAX_LABEL = 18;

  private static final Color NUMERIC = new Color(0x4C, 0x78, 0xA8);
  private static final Color NUMERIC_FILL = new Color(0x4C, 0x78, 0xA8, 150);
  private static final Color CATEGORY = new Color(0xE4, 0x57, 0x56);
  private static final Color MUTED_FILL = new Color(0x9A, 0xA5, 0xB1, 170);
  private static final Color GRID = new Color(0xE3, 0xE6, 0xEA);
  private static final Color INK = new Color(0x33, 0x3A, 0x44);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TITLES = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  /**
   * Decimals past the first: a tenth of a pixel is below what anyone sees, and cutting them (the
   * text is drawn as glyph outlines, so most of an SVG is coordinates) halves the size.
   */
  private static final Pattern LONG_DECIMALS = Pattern.compile("(\\.\\d)\\d+");

  private Charts() {}

  /**
   * A histogram of a numeric, integer or date-time column: bars over a numeric x axis with ticks at
   * round numbers, or, for date-times ({@code edges} in epoch seconds), at UTC dates or date-times.
   * Integer columns binned one value a bin get a bar chart labelled with the values instead.
   */
  static Svg histogram(Histogram histogram, ColumnType type) {
    double[] edges = histogram.edges();
    long[] counts = histogram.counts();
    int bins = counts.length;
    if (type == ColumnType.INTEGER && edges[1] - edges[0] == 1.0
        && edges[0] - Math.floor(edges[0]) == 0.5) {
      return integerBars(edges, counts);
    }
    // each bin as a closed bar (up its left edge, along its top, down its right edge) so that
    // neighbouring bins stay apart; one extra point a third into the first bin's top (invisible,
    // on the line) keeps the x values unequally spaced, or XChart would put the ticks on the bin
    // edges instead of at round numbers
    double[] x = new double[4 * bins + 1];
    double[] y = new double[4 * bins + 1];
    int k = 0;
    for (int i = 0; i < bins; i++) {
      x[k] = edges[i];
      y[k++] = 0;
      x[k] = edges[i];
      y[k++] = counts[i];
      if (i == 0) {
        x[k] = edges[0] + (edges[1] - edges[0]) / 3;
        y[k++] = counts[0];
      }
      x[k] = edges[i + 1];
      y[k++] = counts[i];
      x[k] = edges[i + 1];
      y[k++] = 0;
    }
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("")
        .yAxisTitle("rows").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisTitleVisible(false);
    chart.getStyler().setXAxisMin(edges[0]);
    chart.getStyler().setXAxisMax(edges[bins]);
    chart.getStyler().setxAxisTickLabelsFormattingFunction(
        type == ColumnType.DATETIME ? dateLabels(edges[0], edges[bins]) : Charts::number);
    XYSeries series = chart.addSeries("rows", x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(NUMERIC);
    series.setFillColor(NUMERIC_FILL);
    series.setLineStyle(new BasicStroke(1.2f));
    return svg(chart);
  }

  /** One bar per integer from {@code edges[0] + 0.5}, labels thinned out to fit. */
  private static Svg integerBars(double[] edges, long[] counts) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    int longest = 1;
    for (int i = 0; i < counts.length; i++) {
      String label = TextTable.number(edges[i] + 0.5);
      labels.add(label);
      values.add(counts[i]);
      longest = Math.max(longest, label.length());
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("")
        .yAxisTitle("rows").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisTitleVisible(false);
    chart.getStyler().setAvailableSpaceFill(0.85);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setSeriesColors(new Color[] {NUMERIC_FILL});
    chart.getStyler().setXAxisMaxLabelCount(Math.max(2, (int) (PLOT_WIDTH / (longest * 7.0 + 14))));
    chart.addSeries("rows", labels, values);
    return svg(chart);
  }

  /** Bars of value counts, in the order given, labels cut to {@value #MAX_LABEL} characters. */
  static Svg bars(List<ValueCount> values) {
    List<String> labels = labels(values);
    List<Long> counts = new ArrayList<>();
    int longest = 0;
    for (int i = 0; i < values.size(); i++) {
      counts.add(values.get(i).count());
      longest = Math.max(longest, labels.get(i).length());
    }
    // about 6.5 pixels a character at 11 points; slant the labels when they would collide, and
    // make the chart taller by what they take, so the plot keeps its height
    int degrees = 0;
    int height = HEIGHT;
    if (longest * 6.5 > PLOT_WIDTH / Math.max(1, values.size()) * 0.95) {
      degrees = values.size() > 6 || longest > 10 ? 60 : 30;
      height += (int) Math.max(0, longest * 6.5 * Math.sin(Math.toRadians(degrees)) - 16);
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(height).xAxisTitle("")
        .yAxisTitle("rows").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisTitleVisible(false);
    chart.getStyler().setXAxisLabelRotation(degrees);
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setSeriesColors(new Color[] {CATEGORY});
    chart.addSeries("rows", labels, counts);
    return svg(chart);
  }

  /**
   * A score per learner as bars in the order given, each with an error bar (one standard deviation
   * either side of the mean), and a dashed line across the plot at a reference score when one is
   * given (the trivial baseline's mean). Bars of {@code muted} entries (the trivial learners) are
   * grey, so the eye goes to the models that learn something. The y axis starts at 0 unless a
   * value or error bar goes below it; it ends at {@code axisMax} when given, else where the data
   * end.
   *
   * @param names one label per bar, cut to {@value #MAX_LABEL} characters and made distinct
   * @param means the bar heights
   * @param errors the half-length of each error bar
   * @param muted which bars to draw in grey
   * @param reference where to draw the reference line, if anywhere
   * @param axisMax the top of the y axis, if fixed (1 for a score bounded by 1)
   * @param axisTitle the y axis title (the metric's name)
   * @throws IllegalArgumentException if the arrays' lengths differ from the number of names, or
   *     there are no names
   */
  static Svg scoreBars(List<String> names, double[] means, double[] errors, boolean[] muted,
      OptionalDouble reference, OptionalDouble axisMax, String axisTitle) {
    int n = names.size();
    if (n == 0 || means.length != n || errors.length != n || muted.length != n) {
      throw new IllegalArgumentException("need one mean, error and flag per name, got " + n
          + " names, " + means.length + " means, " + errors.length + " errors and "
          + muted.length + " flags");
    }
    List<String> labels = distinct(names);
    // XChart keeps one colour per series, so learners and trivial learners are two overlapping
    // series, each with gaps where the other has its bars: NaN, which XChart skips (it fails on
    // null when a series has error bars)
    List<Double> learnerMeans = new ArrayList<>();
    List<Double> learnerErrors = new ArrayList<>();
    List<Double> trivialMeans = new ArrayList<>();
    List<Double> trivialErrors = new ArrayList<>();
    double low = 0;
    int longest = 0;
    for (int i = 0; i < n; i++) {
      learnerMeans.add(muted[i] ? Double.NaN : means[i]);
      learnerErrors.add(muted[i] ? Double.NaN : errors[i]);
      trivialMeans.add(muted[i] ? means[i] : Double.NaN);
      trivialErrors.add(muted[i] ? errors[i] : Double.NaN);
      low = Math.min(low, means[i] - errors[i]);
      longest = Math.max(longest, labels.get(i).length());
    }
    if (reference.isPresent()) {
      low = Math.min(low, reference.getAsDouble());
    }
    int width = (int) Math.max(WIDTH, Math.min(2 * WIDTH, 90 + 64.0 * n));
    double plotWidth = width - 70.0;
    int degrees = 0;
    int height = HEIGHT + 20;
    if (longest * 6.5 > plotWidth / n * 0.95) {
      degrees = 45;
      height += (int) Math.max(0, longest * 6.5 * Math.sin(Math.toRadians(degrees)) - 16);
    }
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).xAxisTitle("")
        .yAxisTitle(axisTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisTitleVisible(false);
    chart.getStyler().setXAxisLabelRotation(degrees);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColor(INK);
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setYAxisMin(low);
    if (axisMax.isPresent()) {
      chart.getStyler().setYAxisMax(axisMax.getAsDouble());
    }
    chart.getStyler().setyAxisTickLabelsFormattingFunction(Charts::number);
    // XChart needs at least one series; an all-gap series draws nothing and is left out
    boolean anyTrivial = trivialMeans.stream().anyMatch(Double::isFinite);
    if (!anyTrivial || learnerMeans.stream().anyMatch(Double::isFinite)) {
      chart.addSeries("learners", labels, learnerMeans, learnerErrors).setFillColor(NUMERIC_FILL);
    }
    if (anyTrivial) {
      chart.addSeries("trivial", labels, trivialMeans, trivialErrors).setFillColor(MUTED_FILL);
    }
    if (reference.isPresent()) {
      chart.getStyler().setAnnotationLineColor(CATEGORY);
      chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      chart.addAnnotation(new AnnotationLine(reference.getAsDouble(), false, false));
    }
    return svg(chart);
  }

  /**
   * Training and validation scores against x (training rows, or a parameter's positions), each a
   * line of means with a shaded ±1 standard deviation band; the legend under the plot.
   *
   * @param x the x values, increasing
   * @param logX whether x is drawn on a log scale (training sizes)
   * @param xTitle the x axis title
   * @param yTitle the y axis title (the metric)
   * @param tickLabels labels for the x positions instead of numbers (parameter values), or null
   */
  static Svg curves(double[] x, boolean logX, String xTitle, String yTitle, double[] trainMean,
      double[] trainStd, double[] validationMean, double[] validationStd, List<String> tickLabels) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + 30).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(true);
    // under the plot, not inside: a corner inside is where the lines end for an error metric
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setLegendBorderColor(Color.WHITE);
    chart.getStyler().setYAxisMin(null);
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setPlotGridVerticalLinesVisible(logX);
    double[] at = x;
    if (tickLabels != null) {
      chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
        int i = (int) Math.round(v);
        return Math.abs(v - i) < 1e-9 && i >= 0 && i < tickLabels.size() ? tickLabels.get(i) : "";
      });
    } else if (logX) {
      // XChart's log axis labels powers of ten only, and a curve's sizes often span none or one:
      // draw log10(x) on a linear axis instead and label its ticks with the sizes they stand for
      at = Arrays.stream(x).map(Math::log10).toArray();
      chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::rowsAtLog10);
    } else {
      chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::number);
    }
    band(chart, "train ±1 sd", at, trainMean, trainStd, new Color(0x4C, 0x78, 0xA8, 50));
    band(chart, "validation ±1 sd", at, validationMean, validationStd,
        new Color(0xE4, 0x57, 0x56, 50));
    line(chart, "train", at, trainMean, NUMERIC);
    line(chart, "validation", at, validationMean, CATEGORY);
    return svg(chart);
  }

  private static void band(XYChart chart, String name, double[] x, double[] mean, double[] std,
      Color fill) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(mean[i])) {
        xs.add(x[i]);
        ys.add(mean[i] + (Double.isFinite(std[i]) ? std[i] : 0));
      }
    }
    for (int i = x.length - 1; i >= 0; i--) {
      if (Double.isFinite(mean[i])) {
        xs.add(x[i]);
        ys.add(mean[i] - (Double.isFinite(std[i]) ? std[i] : 0));
      }
    }
    if (xs.size() < 2) {
      return;
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setFillColor(fill);
    s.setLineColor(new Color(0, 0, 0, 0));
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(y[i])) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    if (xs.isEmpty()) {
      xs.add(x[0]);
      ys.add(0.0);
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineWidth(2f);
  }

  /**
   * Score against p99 latency, one point per candidate, candidates on the Pareto front drawn
   * apart from the dominated ones, each point labelled in the legend.
   *
   * @param names the candidates
   * @param latencyMs their p99 latency in milliseconds (x, log scale)
   * @param scores their mean scores (y)
   * @param onFront whether each is on the Pareto front
   */
  static Svg scoreVsLatency(List<String> names, double[] latencyMs, double[] scores,
      boolean[] onFront, String scoreTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH + 120).height(HEIGHT + 40)
        .xAxisTitle("p99 latency, ms (log scale)").yAxisTitle(scoreTitle).build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendBorderColor(GRID);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(10);
    chart.getStyler().setYAxisMin(null);
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setXAxisLogarithmic(true);
    List<String> labels = distinct(names);
    Color[] palette = {NUMERIC, CATEGORY, new Color(0x54, 0xA2, 0x4B), new Color(0xB2, 0x79, 0xA2),
        new Color(0xF5, 0x85, 0x18), new Color(0x72, 0xB7, 0xB2), new Color(0x9D, 0x75, 0x5D)};
    for (int i = 0; i < names.size(); i++) {
      if (!Double.isFinite(latencyMs[i]) || !Double.isFinite(scores[i]) || latencyMs[i] <= 0) {
        continue;
      }
      XYSeries s = chart.addSeries(labels.get(i) + (onFront[i] ? " (front)" : ""),
          new double[] {latencyMs[i]}, new double[] {scores[i]});
      Color c = onFront[i] ? palette[i % palette.length] : MUTED_FILL;
      s.setMarkerColor(c);
      s.setMarker(onFront[i] ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("none", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    } else {
      wholeDecades(chart);
    }
    return svg(chart);
  }

  /**
   * Stretches the log x axis of {@code chart} over its series to whole decades: XChart labels only
   * the powers of ten, so points within one decade would leave the axis without a number.
   */
  private static void wholeDecades(XYChart chart) {
    double low = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMin).min()
        .orElse(Double.NaN);
    double high = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMax).max()
        .orElse(Double.NaN);
    if (!(low > 0) || !(high >= low) || !Double.isFinite(high)) {
      return;
    }
    AxesChartStyler s = chart.getStyler();
    double from = Math.floor(Math.log10(low));
    double to = Math.max(from + 1, Math.ceil(Math.log10(high)));
    s.setXAxisMin(Math.pow(10, from));
    s.setXAxisMax(Math.pow(10, to));
    // plain digits, 0.0001 rather than 1E-4 (a formatting function would make the axis linear)
    s.setXAxisDecimalPattern("0.########");
  }

  /**
   * Single-row latency distributions: per candidate, the share of calls per latency bucket, up to
   * the bucket that holds the 99.9th percentile.
   *
   * @param names the candidates
   * @param buckets per candidate, {@code [upper bound ms, count]} pairs, bounds increasing
   */
  static Svg latencyDistribution(List<String> names, List<double[][]> buckets) {
    XYChart chart = new XYChartBuilder().width(WIDTH + 120).height(HEIGHT + 40)
        .xAxisTitle("single-row latency, ms (log scale)").yAxisTitle("share of calls").build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendBorderColor(GRID);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    chart.getStyler().setMarkerSize(5);
    List<String> labels = distinct(names);
    Color[] palette = {NUMERIC, CATEGORY, new Color(0x54, 0xA2, 0x4B), new Color(0xB2, 0x79, 0xA2),
        new Color(0xF5, 0x85, 0x18), new Color(0x72, 0xB7, 0xB2), new Color(0x9D, 0x75, 0x5D)};
    for (int i = 0; i < names.size(); i++) {
      double[][] b = buckets.get(i);
      if (b.length == 0) {
        continue;
      }
      double total = 0;
      for (double[] x : b) {
        total += x[1];
      }
      // up to the 99.9th percentile: the rare slow calls beyond it (a pause, a page fault) would
      // stretch the axis over decades and squeeze the distribution into a corner
      int shown = 0;
      for (double seen = 0; shown < b.length && seen < 0.999 * total; shown++) {
        seen += b[shown][1];
      }
      double[] xs = new double[shown];
      double[] ys = new double[shown];
      for (int k = 0; k < shown; k++) {
        xs[k] = Math.max(1e-6, b[k][0]);
        ys[k] = b[k][1] / total;
      }
      XYSeries s = chart.addSeries(labels.get(i), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setLineColor(palette[i % palette.length]);
      s.setMarkerColor(palette[i % palette.length]);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("none", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    } else {
      wholeDecades(chart);
    }
    return svg(chart);
  }

  /**
   * A drawn chart.
   *
   * @param bytes the SVG document, UTF-8
   * @param width its width in pixels
   * @param height its height in pixels
   */
  record Svg(byte[] bytes, int width, int height) {
    /** The SVG as a {@code data:} URI, for an {@code <img src>}. */
    String dataUri() {
      return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(bytes);
    }
  }

  private static void style(AxesChartStyler s) {
    s.setLocale(Locale.ROOT);
    s.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    s.setLegendVisible(false);
    s.setChartTitleVisible(false);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setPlotGridVerticalLinesVisible(false);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setAxisTickLabelsFont(TICKS);
    s.setAxisTitleFont(TITLES);
    s.setAxisTickLabelsColor(INK);
    s.setChartFontColor(INK);
    s.setAxisTickMarksColor(GRID.darker());
    s.setChartPadding(8);
    s.setPlotMargin(2);
    s.setYAxisMin(0.0);
    s.setYAxisDecimalPattern("#,##0");
    s.setToolTipsEnabled(false);
  }

  /** A tick of a log10 row axis: the rows it stands for, to two significant digits. */
  private static String rowsAtLog10(Double v) {
    double rows = new BigDecimal(Math.pow(10, v)).round(new MathContext(2)).doubleValue();
    return rows >= 10 ? String.format(Locale.ROOT, "%,.0f", rows) : TextTable.number(rows);
  }

  private static String number(Double v) {
    return TextTable.number(Math.abs(v) < 1e-9 ? 0 : v);
  }

  /** UTC tick labels at the resolution the span calls for. */
  private static java.util.function.Function<Double, String> dateLabels(double from, double to) {
    double days = (to - from) / 86_400;
    String pattern = days >= 3 * 365 ? "yyyy" : days >= 60 ? "yyyy-MM" : days >= 3 ? "yyyy-MM-dd"
        : days >= 0.5 ? "MM-dd HH:mm" : "HH:mm:ss";
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    return v -> f.format(Instant.ofEpochMilli(Math.round(v * 1000)));
  }

  /** Labels cut to length and made distinct, since XChart keys categories by label. */
  static List<String> labels(List<ValueCount> values) {
    return distinct(values.stream().map(ValueCount::value).toList());
  }

  /** Texts cut to {@value #MAX_LABEL} characters and made distinct with a {@code #k} suffix. */
  static List<String> distinct(List<String> texts) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String text : texts) {
      String s = text.replaceAll("\\p{Cntrl}", " ").strip();
      if (s.codePointCount(0, s.length()) > MAX_LABEL) {
        s = s.substring(0, s.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
      }
      if (s.isEmpty()) {
        s = "(blank)";
      }
      String unique = s;
      for (int k = 2; !seen.add(unique); k++) {
        unique = s + " #" + k;
      }
      out.add(unique);
    }
    return out;
  }

  private static Svg svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a chart to memory", e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    svg = LONG_DECIMALS.matcher(svg).replaceAll("$1").replaceAll("\n\\s+", "\n");
    return new Svg(svg.getBytes(StandardCharsets.UTF_8), chart.getWidth(), chart.getHeight());
  }
}
