package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    ChartDrawer charts = new ChartDrawer();
    DatasetVersion v = profile.version();
    String name = profile.path().getFileName() == null ? profile.path().toString()
        : profile.path().getFileName().toString();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " img-src data:; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Plumb ")
        .append(escape(provenance.plumbVersion()))
        .append("\">\n<title>Profile of ").append(escape(name)).append(" (")
        .append(escape(v.id())).append(") · Plumb</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");

    header(sb, profile, name);
    profile.target().ifPresent(t -> target(sb, t, charts));
    findings(sb, profile.findings());
    columns(sb, profile);
    chartSection(sb, profile, charts);
    footer(sb, provenance);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void header(StringBuilder sb, Profile p, String name) {
    DatasetVersion v = p.version();
    ReadInfo info = p.readInfo();
    sb.append("<header>\n<p class=\"kicker\">Plumb data profile</p>\n<h1>").append(escape(name))
        .append("</h1>\n<p class=\"path\"><code>").append(escape(p.path().toString()))
        .append("</code></p>\n<p class=\"headline\"><span class=\"version\">version ")
        .append(escape(v.id())).append("</span> ")
        .append(String.format(Locale.ROOT, "%,d rows × %,d columns", v.rows(), v.columns()));
    if (!p.findings().isEmpty()) {
      sb.append(" · ").append(severityCounts(p.findings()));
    }
    sb.append("</p>\n</header>\n<section id=\"dataset\">\n<h2>Dataset</h2>\n<dl class=\"meta\">\n");
    item(sb, "dataset version", "<code>" + escape(v.id()) + "</code>");
    item(sb, "rows × columns", String.format(Locale.ROOT, "%,d × %,d", v.rows(), v.columns()));
    item(sb, "content SHA-256", hash(v.contentSha256()));
    item(sb, "bytes SHA-256", hash(v.bytesSha256()));
    item(sb, "schema SHA-256", hash(v.schemaSha256()));
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
    item(sb, "duplicate rows", String.format(Locale.ROOT, "%,d", p.duplicateRows()));
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
          .append(String.format(Locale.ROOT, "%,d", c.count())).append("</td><td class=\"n\">")
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
      String sev = f.severity().label();
      sb.append("<tr class=\"").append(sev).append("\"><td><span class=\"badge ").append(sev)
          .append("\">").append(sev).append("</span></td><td><code>")
          .append(escape(f.kind().label()))
          .append("</code></td><td>").append(escape(f.column().orElse("")))
          .append("</td><td>").append(escape(f.message()));
      if (!f.evidence().isEmpty()) {
        sb.append("<div class=\"evidence\">").append(escape(f.evidence().entrySet().stream()
            .map(e -> e.getKey() + ": " + evidence(e.getValue()))
            .collect(Collectors.joining(" · ")))).append("</div>");
      }
      sb.append("</td></tr>\n");
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
          .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", c.distinct()))
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
    if (charts.failure != null) {
      sb.append("<p class=\"note\">").append(escape(charts.failure)).append("</p>\n");
    }
    sb.append("<div class=\"charts\">\n").append(figures).append("</div>\n</section>\n");
  }

  private static void footer(StringBuilder sb, Provenance provenance) {
    sb.append("<footer>\n<p>Made by Plumb ").append(escape(provenance.plumbVersion()))
        .append(" at ").append(escape(provenance.createdAt().toString()))
        .append(" · seed: n/a</p>\n<p>libraries: ")
        .append(escape(provenance.libraries().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))))
        .append("</p>\n</footer>\n");
  }

  /** A figure with its chart, or with the reason it has none. */
  private static void figure(StringBuilder sb, String id, String imgClass, String column,
      String type, String caption, String alt, ChartDrawer charts, Supplier<Charts.Svg> chart) {
    Charts.Svg svg = charts.draw(chart);
    sb.append("<figure id=\"").append(id).append("\"><figcaption><b>").append(escape(column))
        .append("</b> <span class=\"type\">").append(escape(type)).append("</span><br>")
        .append(escape(caption)).append("</figcaption>");
    if (svg != null) {
      sb.append("<img class=\"").append(imgClass).append("\" width=\"").append(svg.width())
          .append("\" height=\"").append(svg.height()).append("\" alt=\"").append(escape(alt))
          .append("\" src=\"").append(svg.dataUri()).append("\">");
    } else {
      sb.append("<p class=\"nochart\">the chart could not be drawn (see the note above)</p>");
    }
    sb.append("</figure>\n");
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
        ? "top " + c.topValues().size() + " of " + String.format(Locale.ROOT, "%,d", c.distinct())
            + " values"
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
        .map(e -> "<span class=\"badge " + e.getKey().label() + "\">" + e.getValue() + " "
            + e.getKey().label() + (e.getValue() > 1 && e.getKey() != Severity.INFO ? "s" : "")
            + "</span>")
        .collect(Collectors.joining(" "));
  }

  private static void item(StringBuilder sb, String term, String html) {
    sb.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private static String hash(String h) {
    return h == null || h.isEmpty() ? "n/a" : "<code class=\"hash\">" + escape(h) + "</code>";
  }

  private static void numberCell(StringBuilder sb, String text) {
    sb.append("<td class=\"n\">").append(escape(text)).append("</td>");
  }

  private static String missing(ColumnProfile c) {
    return c.missing() == 0 ? "0" : String.format(Locale.ROOT, "%,d (%s)", c.missing(),
        TextTable.percent(c.missingShare()));
  }

  private static String evidence(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return TextTable.number(((Number) v).doubleValue());
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(ProfileHtml::evidence).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }

  private static String when(double epochSeconds) {
    String iso = Instant.ofEpochSecond((long) Math.floor(epochSeconds)).toString();
    return iso.endsWith("T00:00:00Z") ? iso.substring(0, 10) : iso.replace("Z", "");
  }

  private static String top(List<ValueCount> values) {
    return values.stream().limit(3).map(v -> v.value() + " " + v.count())
        .collect(Collectors.joining(", ")) + (values.size() > 3 ? ", …" : "");
  }

  /**
   * Draws charts for one page and remembers why drawing failed: a failure of one chart leaves a
   * note in its place; a failure of the graphics system itself (missing fonts or native libraries,
   * which surface as errors) stops further attempts.
   */
  private static final class ChartDrawer {
    private String failure;
    private boolean broken;

    Charts.Svg draw(Supplier<Charts.Svg> chart) {
      if (broken) {
        return null;
      }
      try {
        return chart.get();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        broken = e instanceof Error;
        if (failure == null) {
          failure = "Some charts could not be drawn (" + e + ")" + (broken
              ? "; Java could not use the system's fonts. On Linux install fontconfig and a"
                  + " font, for example: apt-get install fontconfig fonts-dejavu-core" : "") + ".";
        }
        return null;
      }
    }
  }

  private static final String CSS = """
      :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb;
        --error: #b42318; --error-bg: #fdecea; --warning: #9a5b00; --warning-bg: #fff4d6;
        --info: #1d5fbf; --info-bg: #e8f0fc; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 40px; color: var(--ink);
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial,
        sans-serif; background: #fff; }
      h1 { font-size: 26px; margin: 0 0 4px; word-break: break-all; }
      h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px;
        border-bottom: 1px solid var(--line); }
      code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
        font-size: 12.5px; }
      .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em;
        font-size: 12px; }
      .path { margin: 0 0 8px; color: var(--muted); word-break: break-all; }
      .headline { margin: 0; font-size: 15px; }
      .version { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f0f2f5;
        border-radius: 4px; padding: 1px 6px; }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
      dl.meta dt { color: var(--muted); }
      dl.meta dd { margin: 0; word-break: break-all; }
      .hash { font-size: 12px; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 4px 8px;
        border-bottom: 1px solid var(--line); }
      th { font-weight: 600; color: var(--muted); background: #f7f8fa; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.name { font-weight: 600; overflow-wrap: break-word; }
      td.top { color: var(--muted); overflow-wrap: break-word; min-width: 12em; }
      .scroll { overflow-x: auto; }
      a { color: inherit; text-decoration-color: #9aa5b1; }
      .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px;
        font-weight: 600; white-space: nowrap; }
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
      figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 4px;
        word-break: break-word; }
      figcaption b { color: var(--ink); font-size: 14px; }
      .type { font-size: 11px; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; }
      img.chart { display: block; max-width: 100%; height: auto; }
      .note { background: #f7f8fa; border-left: 3px solid #9aa5b1; padding: 6px 10px; }
      .nochart { color: var(--muted); }
      footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line);
        color: var(--muted); font-size: 12px; }
      footer p { margin: 2px 0; }
      @media print { body { max-width: none; } .charts { display: block; }
        figure { margin-bottom: 10px; } }
      """;
}
