package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;
import static dev.plumb.report.HtmlPage.badge;
import static dev.plumb.report.HtmlPage.grouped;
import static dev.plumb.report.HtmlPage.item;

import dev.plumb.data.ColumnType;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.DatasetVersion;
import dev.plumb.data.ReadInfo;
import dev.plumb.profile.ColumnProfile;
import dev.plumb.profile.Finding;
import dev.plumb.profile.Histogram;
import dev.plumb.profile.NumericSummary;
import dev.plumb.profile.Profile;
import dev.plumb.profile.Severity;
import dev.plumb.profile.TargetProfile;
import dev.plumb.profile.ValueCount;
import dev.plumb.report.HtmlPage.ChartDrawer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The HTML form of a {@link Profile}: one self-contained HTML5 page to read in a browser, archive
 * or attach to a ticket. It shows what the terminal summary shows plus one chart per column.
 *
 * <p>The page needs no network and runs no script: styles are inline, charts are SVG drawn by
 * XChart and embedded as {@code <img>} data URIs (an image never runs scripts, whatever the column
 * names hold), and a Content-Security-Policy forbids everything but inline styles and data images.
 * Every string that comes from the data (path, names, values, messages, evidence) is escaped.
 * Charts are drawn for the first {@value #MAX_CHARTS} columns only, to keep wide tables' reports
 * small; the page says so.
 *
 * <p>The frame of the page, the shared part of its stylesheet and the pieces it writes like the
 * other reports come from {@link HtmlPage}.
 *
 * <p>Stateless and thread-safe. Drawing needs AWT fonts; when they are unavailable the page is
 * still produced, without charts and with a note saying why.
 */
public final class ProfileHtml {
  /** Columns charted at most; the tables always cover every column. */
  public static final int MAX_CHARTS = 100;

  /** Classes shown at most in the target's chart. */
  static final int MAX_CLASS_BARS = 30;

  private ProfileHtml() {}

  /**
   * Renders {@code profile} as a complete HTML document (UTF-8 is declared in the page; write it
   * with that encoding).
   */
  public static String render(Profile profile, Provenance provenance) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    ChartDrawer charts = new ChartDrawer("Some charts could not be drawn");
    String name = HtmlPage.fileName(profile.path());
    HtmlPage.open(sb, provenance, "Profile of " + name + " (" + profile.version().id() + ")",
        CSS);

    header(sb, profile, name);
    profile.target().ifPresent(t -> target(sb, t, charts));
    findings(sb, profile.findings());
    columns(sb, profile);
    chartSection(sb, profile, charts);
    HtmlPage.footer(sb, provenance, "n/a");
    HtmlPage.close(sb);
    return sb.toString();
  }

  private static void header(StringBuilder sb, Profile p, String name) {
    DatasetVersion v = p.version();
    ReadInfo info = p.readInfo();
    HtmlPage.headerStart(sb, "Plumb data profile", name, p.path(), v.id());
    sb.append(' ').append(grouped(v.rows())).append(" rows × ").append(grouped(v.columns()))
        .append(" columns");
    if (!p.findings().isEmpty()) {
      sb.append(" · ").append(severityCounts(p.findings()));
    }
    sb.append("</p>\n</header>\n<section id=\"dataset\">\n<h2>Dataset</h2>\n<dl class=\"meta\">\n");
    HtmlPage.versionItems(sb, v);
    item(sb, "delimiter", escape(CsvOptions.printable(info.delimiter())));
    item(sb, "encoding",
        escape(info.encoding()) + (info.byteOrderMark() ? " with byte-order mark" : ""));
    item(sb, "line endings", escape(info.lineEnding()));
    item(sb, "decimal mark", escape("'" + info.decimalMark() + "'"));
    if (info.skippedRows() > 0) {
      item(sb, "skipped rows", escape(info.skippedRows()
          + " with the wrong number of fields (lines "
          + info.skippedLines().stream().map(String::valueOf).collect(Collectors.joining(", "))
          + (info.skippedRows() > info.skippedLines().size() ? ", …" : "") + ")"));
    }
    item(sb, "duplicate rows", grouped(p.duplicateRows()));
    sb.append("</dl>\n</section>\n");
  }

  private static void target(StringBuilder sb, TargetProfile t, ChartDrawer charts) {
    sb.append("<section id=\"target\">\n<h2>Target</h2>\n<p><b>").append(escape(t.name()))
        .append("</b> · ").append(escape(t.task().label()))
        .append(t.task().isClassification() ? " classification" : "");
    if (!t.classes().isEmpty()) {
      sb.append(" · ").append(t.classes().size())
          .append(t.classes().size() == 1 ? " class" : " classes");
      t.imbalanceRatio().ifPresent(r -> sb.append(String.format(Locale.ROOT,
          " · imbalance %.1f:1 (largest over smallest class)", r)));
    }
    if (t.missing() > 0) {
      sb.append(" · ").append(t.missing()).append(" rows without a target");
    }
    sb.append("</p>\n");
    if (t.classes().isEmpty()) {
      sb.append("</section>\n");
      return;
    }
    long labelled = t.classes().stream().mapToLong(ValueCount::count).sum();
    sb.append("<div class=\"target\">\n<table class=\"classes\">\n<thead><tr><th>class</th>"
        + "<th class=\"n\">rows</th><th class=\"n\">share</th></tr></thead>\n<tbody>\n");
    for (ValueCount c : t.classes()) {
      sb.append("<tr><td>").append(escape(c.value())).append("</td><td class=\"n\">")
          .append(grouped(c.count())).append("</td><td class=\"n\">")
          .append(TextTable.percent((double) c.count() / labelled)).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
    List<ValueCount> shown = t.classes().stream().limit(MAX_CLASS_BARS).toList();
    String alt = "Bar chart of the rows per class of the target " + t.name();
    String caption = shown.size() < t.classes().size()
        ? "the " + shown.size() + " largest of " + t.classes().size() + " classes"
        : "rows per class";
    figure(sb, "target-chart", "chart target-chart", t.name(), "target", caption, alt,
        charts, () -> Charts.bars(shown));
    sb.append("</div>\n</section>\n");
  }

  private static void findings(StringBuilder sb, List<Finding> findings) {
    sb.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      sb.append("<p>No findings: none of the checks found a problem.</p>\n</section>\n");
      return;
    }
    sb.append("<p>").append(severityCounts(findings)).append(", most severe first.</p>\n")
        .append("<table class=\"findings\">\n<thead><tr><th>severity</th><th>kind</th>"
            + "<th>column</th><th>message</th></tr></thead>\n<tbody>\n");
    for (Finding f : findings) {
      HtmlPage.statusRow(sb, f.severity().label(), f.kind().label(),
          List.of(f.column().orElse("")), f.message(), f.evidence());
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  private static void columns(StringBuilder sb, Profile p) {
    sb.append("<section id=\"columns\">\n<h2>Columns</h2>\n<div class=\"scroll\">\n")
        .append("<table class=\"columns\">\n<thead><tr><th>column</th><th>type</th>"
            + "<th class=\"n\">missing</th><th class=\"n\">distinct</th><th class=\"n\">min</th>"
            + "<th class=\"n\">mean</th><th class=\"n\">std</th><th class=\"n\">median</th>"
            + "<th class=\"n\">max</th><th>top values</th></tr></thead>\n<tbody>\n");
    List<ColumnProfile> cols = p.columns();
    for (int i = 0; i < cols.size(); i++) {
      ColumnProfile c = cols.get(i);
      String cell = escape(c.name());
      if (i < MAX_CHARTS && chartable(c)) {
        cell = "<a href=\"#chart-" + i + "\">" + cell + "</a>";
      }
      sb.append("<tr><td class=\"name\">").append(cell).append("</td><td>")
          .append(escape(c.type().label())).append("</td><td class=\"n\">").append(missing(c))
          .append("</td><td class=\"n\">").append(grouped(c.distinct()))
          .append("</td>");
      if (c.numeric().isPresent()) {
        NumericSummary s = c.numeric().get();
        boolean time = c.type() == ColumnType.DATETIME;
        numberCell(sb, time ? when(s.min()) : TextTable.number(s.min()));
        numberCell(sb, time ? "" : TextTable.number(s.mean()));
        numberCell(sb, time ? "" : TextTable.number(s.std()));
        numberCell(sb, time ? when(s.median()) : TextTable.number(s.median()));
        numberCell(sb, time ? when(s.max()) : TextTable.number(s.max()));
        sb.append("<td></td>");
      } else {
        sb.append("<td></td>".repeat(5)).append("<td class=\"top\">")
            .append(escape(top(c.topValues()))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void chartSection(StringBuilder sb, Profile p, ChartDrawer charts) {
    List<ColumnProfile> cols = p.columns();
    sb.append("<section id=\"charts\">\n<h2>Distributions</h2>\n");
    if (cols.size() > MAX_CHARTS) {
      sb.append("<p class=\"note\">Charts are drawn for the first ").append(MAX_CHARTS)
          .append(" of the ").append(cols.size()).append(" columns, to keep this page small;"
              + " the tables above cover every column.</p>\n");
    }
    StringBuilder figures = new StringBuilder();
    List<String> empty = new ArrayList<>();
    int rows = p.version().rows();
    for (int i = 0; i < Math.min(MAX_CHARTS, cols.size()); i++) {
      ColumnProfile c = cols.get(i);
      String type = c.type().label();
      if (c.numeric().isPresent()) {
        Histogram h = c.numeric().get().histogram();
        figure(figures, "chart-" + i, "chart column-chart", c.name(), type,
            histogramCaption(c, h), "Histogram of " + c.name(), charts,
            () -> Charts.histogram(h, c.type()));
      } else if (!c.topValues().isEmpty()) {
        figure(figures, "chart-" + i, "chart column-chart", c.name(), type, barsCaption(c, rows),
            "Bar chart of the most frequent values of " + c.name(), charts,
            () -> Charts.bars(c.topValues()));
      } else {
        empty.add(c.name());
      }
    }
    if (!empty.isEmpty()) {
      sb.append("<p class=\"note\">Not charted, every value missing: ")
          .append(empty.stream().map(HtmlEscape::escape).collect(Collectors.joining(", ")))
          .append("</p>\n");
    }
    if (charts.failure() != null) {
      sb.append("<p class=\"note\">").append(escape(charts.failure())).append("</p>\n");
    }
    sb.append("<div class=\"charts\">\n").append(figures).append("</div>\n</section>\n");
  }

  /** A figure with its chart, or with the reason it has none. */
  private static void figure(StringBuilder sb, String id, String imgClass, String column,
      String type, String caption, String alt, ChartDrawer charts, Supplier<Charts.Svg> chart) {
    HtmlPage.figure(sb, id, column, type, caption, imgClass, alt, charts.draw(chart),
        "<p class=\"nochart\">the chart could not be drawn (see the note above)</p>");
  }

  private static boolean chartable(ColumnProfile c) {
    return c.numeric().isPresent() || !c.topValues().isEmpty();
  }

  private static String histogramCaption(ColumnProfile c, Histogram h) {
    long present = 0;
    for (long n : h.counts()) {
      present += n;
    }
    double[] edges = h.edges();
    int bins = h.counts().length;
    String width;
    if (c.type() == ColumnType.DATETIME) {
      width = "";
    } else if (c.type() == ColumnType.INTEGER && edges[1] - edges[0] == 1.0) {
      width = ", one per integer";
    } else {
      width = " of width " + TextTable.number(roundTo4(edges[1] - edges[0]));
    }
    return String.format(Locale.ROOT, "%,d values in %d bin%s%s%s", present, bins,
        bins == 1 ? "" : "s", width, c.missing() > 0 ? " · " + missing(c) + " missing" : "");
  }

  private static String barsCaption(ColumnProfile c, int rows) {
    long shown = c.topValues().stream().mapToLong(ValueCount::count).sum();
    long others = rows - c.missing() - shown;
    StringBuilder s = new StringBuilder();
    s.append(c.topValues().size() < c.distinct()
        ? "top " + c.topValues().size() + " of " + grouped(c.distinct()) + " values"
        : "all " + c.distinct() + (c.distinct() == 1 ? " value" : " values"));
    if (others > 0) {
      s.append(String.format(Locale.ROOT, " · %,d rows hold other values", others));
    }
    if (c.missing() > 0) {
      s.append(" · ").append(missing(c)).append(" missing");
    }
    return s.toString();
  }

  private static double roundTo4(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  private static String severityCounts(List<Finding> findings) {
    Map<Severity, Long> bySeverity = new TreeMap<>(java.util.Comparator.reverseOrder());
    findings.forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
    return bySeverity.entrySet().stream()
        .map(e -> badge(e.getKey().label(), e.getValue() + " " + e.getKey().label()
            + (e.getValue() > 1 && e.getKey() != Severity.INFO ? "s" : "")))
        .collect(Collectors.joining(" "));
  }

  private static void numberCell(StringBuilder sb, String text) {
    sb.append("<td class=\"n\">").append(escape(text)).append("</td>");
  }

  private static String missing(ColumnProfile c) {
    return c.missing() == 0 ? "0" : String.format(Locale.ROOT, "%,d (%s)", c.missing(),
        TextTable.percent(c.missingShare()));
  }

  private static String when(double epochSeconds) {
    String iso = Instant.ofEpochSecond((long) Math.floor(epochSeconds)).toString();
    return iso.endsWith("T00:00:00Z") ? iso.substring(0, 10) : iso.replace("Z", "");
  }

  private static String top(List<ValueCount> values) {
    return values.stream().limit(3).map(v -> v.value() + " " + v.count())
        .collect(Collectors.joining(", ")) + (values.size() > 3 ? ", …" : "");
  }

  /** The rules of this page beyond {@link HtmlPage#CSS}: findings, the target, the chart grid. */
  private static final String CSS = """
      dl.meta dd { margin: 0; word-break: break-all; }
      .hash { font-size: 12px; }
      td.top { color: var(--muted); overflow-wrap: break-word; min-width: 12em; }
      a { color: inherit; text-decoration-color: #9aa5b1; }
      .badge.error { color: var(--error); background: var(--error-bg); }
      .badge.warning { color: var(--warning); background: var(--warning-bg); }
      .badge.info { color: var(--info); background: var(--info-bg); }
      table.findings td:nth-child(4) { word-break: break-word; }
      table.findings tr.error td:first-child { border-left: 4px solid var(--error); }
      table.findings tr.warning td:first-child { border-left: 4px solid #f0a020; }
      table.findings tr.info td:first-child { border-left: 4px solid #6fa0e6; }
      .evidence { color: var(--muted); font-size: 12px; margin-top: 2px; }
      .target { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
      table.classes { width: auto; min-width: 240px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr));
        gap: 14px; }
      figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px;
        break-inside: avoid; }
      .nochart { color: var(--muted); }
      @media print { body { max-width: none; } .charts { display: block; }
        figure { margin-bottom: 10px; } }
      """;
}
