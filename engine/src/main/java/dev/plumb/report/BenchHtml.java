package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;
import static dev.plumb.report.HtmlPage.badge;
import static dev.plumb.report.HtmlPage.grouped;
import static dev.plumb.report.HtmlPage.item;

import dev.plumb.bench.BenchEntry;
import dev.plumb.bench.BenchResult;
import dev.plumb.bench.CandidateMeasurement;
import dev.plumb.bench.CandidateVerdict;
import dev.plumb.bench.TargetCheck;
import dev.plumb.data.Dataset;
import dev.plumb.report.HtmlPage.ChartDrawer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML form of a bench run: the candidates with every measurement, the verdict per target,
 * a score-against-p99-latency chart with the Pareto front marked, and the single-row latency
 * distributions. Same rules as the other reports: self-contained, no script, strict CSP,
 * everything from the data escaped. Stateless.
 */
public final class BenchHtml {
  private BenchHtml() {}

  /** Renders the run as a complete HTML document (UTF-8). */
  public static String render(Dataset dataset, BenchResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    String name = HtmlPage.fileName(dataset.path());
    HtmlPage.open(sb, provenance, "Bench of " + name + " (" + dataset.version().id() + ")", CSS);
    HtmlPage.headerStart(sb, "Plumb bench", name, dataset.path(), dataset.version().id());
    sb.append(" target <b>").append(escape(r.run().problem().target())).append("</b> · ")
        .append(grouped(r.run().problem().size())).append(" labelled rows ")
        .append(r.verdicts().anyMeetsAll() ? badge("pass", "targets met")
            : badge("fail", "no candidate meets every target"))
        .append("</p>\n</header>\n");

    sb.append("<section id=\"setup\">\n<h2>Setup</h2>\n<dl class=\"meta\">\n");
    HtmlPage.versionItems(sb, dataset.version());
    item(sb, "metric", escape(r.metric().label()));
    item(sb, "folds", escape(BaselineText.describe(r.run().splits())));
    item(sb, "seed", escape(String.valueOf(r.run().seed())));
    item(sb, "tuning", escape(r.run().tuneBudget() == 0 ? "none: settings as given"
        : r.run().tuneBudget() + " random-search trials per learner"));
    item(sb, "latency from", escape(r.jmh().isPresent() ? "JMH (forked JVM)"
        : "in-process timer (HdrHistogram)"));
    item(sb, "targets", escape(r.targets().hasNoBounds() ? "none"
        : String.join(", ", r.targets().bounds().stream().map(Object::toString).toList())));
    item(sb, "libraries", escape(HtmlPage.libraries(provenance)));
    sb.append("</dl>\n</section>\n");

    sb.append("<section id=\"candidates\">\n<h2>Candidates</h2>\n<div class=\"scroll\">"
        + "<table>\n<thead><tr><th>candidate</th><th>").append(escape(r.metric().label()))
        .append("</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>rows/s</th><th>size</th>"
            + "<th>gzip</th><th>train s</th><th>train memory</th><th>targets</th>"
            + "<th>Pareto</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < r.measurements().size(); i++) {
      CandidateMeasurement m = r.measurements().get(i);
      BenchEntry e = r.run().entries().get(i);
      sb.append("<tr><td><b>").append(escape(m.name())).append("</b>")
          .append(e.control() ? " <span class=\"pm\">control</span>" : "")
          .append("<div class=\"spec\"><code>").append(escape(m.spec().text()))
          .append("</code></div></td>");
      if (!m.ok()) {
        sb.append("<td colspan=\"11\" class=\"error\">failed: ")
            .append(escape(m.error().orElse(""))).append("</td></tr>\n");
        continue;
      }
      CandidateVerdict v = r.verdicts().candidate(m.name()).orElseThrow();
      sb.append("<td>").append(m.score(r.metric()).map(BenchText::score).orElse("n/a"))
          .append("</td><td>").append(m.latency().map(l -> BenchText.ms(l.p50Ms())).orElse(""))
          .append("</td><td>").append(m.latency().map(l -> BenchText.ms(l.p90Ms())).orElse(""))
          .append("</td><td>").append(m.latency().map(l -> BenchText.ms(l.p99Ms())).orElse(""))
          .append("</td><td>").append(m.throughputRowsPerS().stream()
              .mapToObj(x -> String.format(Locale.ROOT, "%,.0f", x)).findFirst().orElse(""))
          .append("</td><td>").append(m.sizeBytes().stream().mapToObj(BenchText::bytes)
              .findFirst().orElse(""))
          .append("</td><td>").append(m.gzipBytes().stream().mapToObj(BenchText::bytes)
              .findFirst().orElse(""))
          .append("</td><td>").append(m.trainSeconds().stream()
              .mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).findFirst().orElse(""))
          .append("</td><td>").append(m.trainMemoryBytes().stream().mapToObj(BenchText::bytes)
              .findFirst().orElse(""))
          .append("</td><td>").append(r.targets().hasNoBounds() ? "—" : v.meetsAll()
              ? badge("pass", "all met") : badge("fail", v.failures().size() + " failed"))
          .append("</td><td>").append(r.front().isOnFront(m.name()) ? badge("pass", "front")
              : escape(r.front().dominatedBy(m.name()).map(b -> "dominated by " + b)
                  .orElse("")))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table></div>\n");
    r.cheapest().ifPresent(c -> sb.append("<p><b>Cheapest within one standard error:</b> ")
        .append(escape(c.explanation())).append("</p>\n"));
    sb.append("</section>\n");

    if (!r.targets().hasNoBounds()) {
      sb.append("<section id=\"targets\">\n<h2>Targets</h2>\n<div class=\"scroll\"><table>\n"
          + "<thead><tr><th>candidate</th>");
      r.targets().bounds().forEach(b -> sb.append("<th>").append(escape(b.toString()))
          .append("</th>"));
      sb.append("</tr></thead>\n<tbody>\n");
      for (CandidateVerdict v : r.verdicts().candidates()) {
        sb.append("<tr><td>").append(escape(v.name())).append("</td>");
        for (TargetCheck c : v.checks()) {
          sb.append("<td>").append(c.pass() ? badge("pass", "pass") : badge("fail", "fail"))
              .append(' ').append(escape(c.margin().stream().mapToObj(x -> String.format(
                  Locale.ROOT, "margin %+.4g", x)).findFirst().orElse(c.reason().orElse(""))))
              .append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</tbody>\n</table></div>\n</section>\n");
    }

    ChartDrawer drawer = new ChartDrawer("Some charts could not be drawn");
    List<String> names = new ArrayList<>();
    List<Double> lat = new ArrayList<>();
    List<Double> score = new ArrayList<>();
    List<Boolean> front = new ArrayList<>();
    List<double[][]> buckets = new ArrayList<>();
    for (int i = 0; i < r.measurements().size(); i++) {
      CandidateMeasurement m = r.measurements().get(i);
      if (!m.ok() || m.latency().isEmpty() || m.score(r.metric()).isEmpty()) {
        continue;
      }
      names.add(m.name());
      lat.add(m.latency().get().p99Ms());
      score.add(m.score(r.metric()).get().mean());
      front.add(r.front().isOnFront(m.name()));
      buckets.add(r.run().entries().get(i).measured().map(x -> x.latencyHistogramMs())
          .orElse(new double[0][]));
    }
    sb.append("<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n");
    boolean[] onFront = new boolean[front.size()];
    for (int i = 0; i < onFront.length; i++) {
      onFront[i] = front.get(i);
    }
    Charts.Svg scatter = drawer.draw(() -> Charts.scoreVsLatency(names,
        lat.stream().mapToDouble(Double::doubleValue).toArray(),
        score.stream().mapToDouble(Double::doubleValue).toArray(), onFront,
        r.metric().label()));
    HtmlPage.figure(sb, "score-vs-latency", "Score against p99 latency", "Pareto front",
        "one point per candidate; diamonds: on the Pareto front over score, p99 latency, size"
            + " and training time; grey: dominated", "chart",
        "Scatter of " + r.metric().label() + " against p99 latency per candidate", scatter,
        "<p class=\"note\">" + escape(String.valueOf(drawer.failure())) + "</p>");
    Charts.Svg dist = drawer.draw(() -> Charts.latencyDistribution(names, buckets));
    HtmlPage.figure(sb, "latency", "Single-row latency", "in-process",
        "share of timed single-row calls per latency bucket (HdrHistogram, log buckets), up to"
            + " the 99.9th percentile",
        "chart", "Latency distribution per candidate", dist,
        "<p class=\"note\">" + escape(String.valueOf(drawer.failure())) + "</p>");
    sb.append("</div>\n</section>\n");
    if (!r.run().notes().isEmpty()) {
      sb.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
      r.run().notes().forEach(n -> sb.append("<li>").append(escape(n)).append("</li>\n"));
      sb.append("</ul>\n</section>\n");
    }
    HtmlPage.footer(sb, provenance, String.valueOf(r.run().seed()));
    HtmlPage.close(sb);
    return sb.toString();
  }

  private static final String CSS = """
      :root { --ok: #17663a; --ok-bg: #e3f4e8; }
      dl.meta dd { margin: 0; word-break: break-word; }
      .hash { font-size: 12px; word-break: break-all; }
      .pm { color: var(--muted); font-size: 12px; }
      .spec code { font-size: 11px; overflow-wrap: anywhere; }
      .badge.pass { color: var(--ok); background: var(--ok-bg); }
      .badge.fail { color: var(--error); background: var(--error-bg); }
      td.error { color: var(--error); }
      .charts { display: flex; flex-wrap: wrap; gap: 16px; }
      """;
}
