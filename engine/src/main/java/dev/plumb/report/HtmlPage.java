package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;

import dev.plumb.data.DatasetVersion;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What Plumb's HTML reports ({@link ProfileHtml}, {@link BaselineHtml}) have in common: the frame
 * of the page (the head with its Content-Security-Policy, the header's opening lines, the footer),
 * the stylesheet both use, and the small pieces they write alike (the dataset version's items,
 * badges, rows of checks with their evidence, chart figures with their {@code <img>} data URIs,
 * number formatting). It exists so that the reports look the same and keep the same rules (no
 * network, no script, everything from the data escaped) from one place rather than from copies
 * kept in step by hand.
 *
 * <p>Every method appends to or returns HTML and escapes each text it is given; arguments named
 * {@code html} are already markup and are written as they are. A report adds its own rules to
 * {@link #CSS} through {@link #open}: rules differing between the reports stay in each report.
 *
 * <p>Stateless and thread-safe, except {@link ChartDrawer}, which belongs to one page being written
 * by one thread.
 */
final class HtmlPage {
  private HtmlPage() {}

  /**
   * Writes everything from the doctype to the opening {@code <body>} tag: the character set, a
   * Content-Security-Policy that allows nothing but inline styles and {@code data:} images, the
   * generator, the title (followed by "· Plumb") and the stylesheet, {@link #CSS} then {@code css}.
   */
  static void open(StringBuilder sb, Provenance provenance, String title, String css) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " img-src data:; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Plumb ")
        .append(escape(provenance.plumbVersion()))
        .append("\">\n<title>").append(escape(title)).append(" · Plumb</title>\n<style>\n")
        .append(CSS).append(css).append("</style>\n</head>\n<body>\n");
  }

  /** Closes the body and the document. */
  static void close(StringBuilder sb) {
    sb.append("</body>\n</html>\n");
  }

  /**
   * Opens the page's header up to the dataset version in its headline, which the report goes on
   * to complete and close.
   */
  static void headerStart(StringBuilder sb, String kicker, String name, Path path,
      String versionId) {
    sb.append("<header>\n<p class=\"kicker\">").append(escape(kicker)).append("</p>\n<h1>")
        .append(escape(name)).append("</h1>\n<p class=\"path\"><code>")
        .append(escape(path.toString()))
        .append("</code></p>\n<p class=\"headline\"><span class=\"version\">version ")
        .append(escape(versionId)).append("</span>");
  }

  /** The footer: Plumb's version, the time, the seed ({@code n/a} where none) and the libraries. */
  static void footer(StringBuilder sb, Provenance provenance, String seed) {
    sb.append("<footer>\n<p>Made by Plumb ").append(escape(provenance.plumbVersion()))
        .append(" at ").append(escape(provenance.createdAt().toString()))
        .append(" · seed: ").append(escape(seed)).append("</p>\n<p>libraries: ")
        .append(escape(libraries(provenance))).append("</p>\n</footer>\n");
  }

  /** The dataset version's items of a {@code dl.meta} list: its id, shape and three hashes. */
  static void versionItems(StringBuilder sb, DatasetVersion v) {
    item(sb, "dataset version", "<code>" + escape(v.id()) + "</code>");
    item(sb, "rows × columns", grouped(v.rows()) + " × " + grouped(v.columns()));
    item(sb, "content SHA-256", hash(v.contentSha256()));
    item(sb, "bytes SHA-256", hash(v.bytesSha256()));
    item(sb, "schema SHA-256", hash(v.schemaSha256()));
  }

  /** One term of a {@code dl.meta} list; {@code term} is the report's own text. */
  static void item(StringBuilder sb, String term, String html) {
    sb.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
  }

  /** A hash in code type, or {@code n/a}. */
  static String hash(String h) {
    return h == null || h.isEmpty() ? "n/a" : "<code class=\"hash\">" + escape(h) + "</code>";
  }

  /** A badge of class {@code kind} (which the stylesheet colours) around {@code html}. */
  static String badge(String kind, String html) {
    return "<span class=\"badge " + escape(kind) + "\">" + html + "</span>";
  }

  /**
   * A whole table row of a check or finding: {@code status} as the row's class and as a badge,
   * {@code code} in code type, each of {@code texts} in a cell, then {@code message} with its
   * evidence under it.
   */
  static void statusRow(StringBuilder sb, String status, String code, List<String> texts,
      String message, Map<String, ?> evidence) {
    sb.append("<tr class=\"").append(escape(status)).append("\"><td>")
        .append(badge(status, escape(status))).append("</td><td><code>").append(escape(code))
        .append("</code></td>");
    texts.forEach(t -> sb.append("<td>").append(escape(t)).append("</td>"));
    sb.append("<td>").append(escape(message));
    if (!evidence.isEmpty()) {
      sb.append("<div class=\"evidence\">").append(escape(evidence.entrySet().stream()
          .map(e -> e.getKey() + ": " + evidence(e.getValue()))
          .collect(Collectors.joining(" · ")))).append("</div>");
    }
    sb.append("</td></tr>\n");
  }

  /** An evidence value as text: numbers as the tables show them, lists in brackets. */
  static String evidence(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return TextTable.number(((Number) v).doubleValue());
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(HtmlPage::evidence).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }

  /**
   * A figure: a caption of {@code title} in bold, {@code type} in a small box and {@code caption}
   * under them, then the chart as an {@code <img>} of class {@code imgClass} with {@code alt} as
   * its text, or, when there is no chart ({@code svg} is null), {@code fallbackHtml}.
   */
  static void figure(StringBuilder sb, String id, String title, String type, String caption,
      String imgClass, String alt, Charts.Svg svg, String fallbackHtml) {
    sb.append("<figure id=\"").append(escape(id)).append("\"><figcaption><b>")
        .append(escape(title)).append("</b> <span class=\"type\">").append(escape(type))
        .append("</span><br>").append(escape(caption)).append("</figcaption>");
    if (svg != null) {
      sb.append("<img class=\"").append(escape(imgClass)).append("\" width=\"")
          .append(svg.width()).append("\" height=\"").append(svg.height()).append("\" alt=\"")
          .append(escape(alt)).append("\" src=\"").append(svg.dataUri()).append("\">");
    } else {
      sb.append(fallbackHtml);
    }
    sb.append("</figure>\n");
  }

  /** {@code n} with commas between thousands, as every count in the reports is written. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The libraries of {@code provenance} as "name version" pairs separated by commas. */
  static String libraries(Provenance provenance) {
    return provenance.libraries().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The name of the file at {@code path}, or the whole path where it has none. */
  static String fileName(Path path) {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  /**
   * Draws the charts of one page and remembers why drawing failed: a failure of one chart leaves
   * its figure without an image; a failure of the graphics system itself (missing fonts or native
   * libraries, which surface as errors) stops further attempts. The first failure is kept as a
   * note for the page. Not thread-safe: one per page.
   */
  static final class ChartDrawer {
    private final String lead;
    private String failure;
    private boolean broken;

    /** {@code lead} opens the note, for example "Some charts could not be drawn". */
    ChartDrawer(String lead) {
      this.lead = lead;
    }

    /** The chart, or null when it or an earlier one could not be drawn. */
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
          failure = lead + " (" + e + ")" + (broken
              ? "; Java could not use the system's fonts. On Linux install fontconfig and a"
                  + " font, for example: apt-get install fontconfig fonts-dejavu-core" : "") + ".";
        }
        return null;
      }
    }

    /** Why drawing failed, as plain text, or null when every chart was drawn. */
    String failure() {
      return failure;
    }
  }

  /**
   * The look both reports share: palette, type, the header, {@code dl.meta} lists, tables, badges,
   * figures, notes and the footer. Each report appends its own rules.
   */
  static final String CSS = """
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
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 4px 8px;
        border-bottom: 1px solid var(--line); }
      th { font-weight: 600; color: var(--muted); background: #f7f8fa; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.name { font-weight: 600; overflow-wrap: break-word; }
      .scroll { overflow-x: auto; }
      .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px;
        font-weight: 600; white-space: nowrap; }
      figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 4px;
        word-break: break-word; }
      figcaption b { color: var(--ink); font-size: 14px; }
      .type { font-size: 11px; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; }
      img.chart { display: block; max-width: 100%; height: auto; }
      .note { background: #f7f8fa; border-left: 3px solid #9aa5b1; padding: 6px 10px; }
      footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid var(--line);
        color: var(--muted); font-size: 12px; }
      footer p { margin: 2px 0; }
      """;
}
