package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;
import static dev.plumb.report.HtmlPage.badge;
import static dev.plumb.report.HtmlPage.grouped;
import static dev.plumb.report.HtmlPage.item;

import dev.plumb.data.Dataset;
import dev.plumb.diagnose.CurvePoint;
import dev.plumb.diagnose.DiagnoseResult;
import dev.plumb.diagnose.LearnerDiagnosis;
import dev.plumb.diagnose.Remedy;
import dev.plumb.diagnose.TestCheck;
import dev.plumb.diagnose.ValidationCurve;
import dev.plumb.report.HtmlPage.ChartDrawer;
import java.util.List;

/**
 * The HTML form of a diagnose run: verdicts, the bias/variance table, and per learner its
 * learning curve and validation curve (means with ±1 standard deviation bands, XChart SVG),
 * evidence, extrapolation and remedies. Same rules as {@link BaselineHtml}: self-contained, no
 * script, a strict Content-Security-Policy, every text from the data escaped. Stateless.
 */
public final class DiagnoseHtml {
  private DiagnoseHtml() {}

  /** Renders the run as a complete HTML document (UTF-8). */
  public static String render(Dataset dataset, DiagnoseResult r, Provenance provenance) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    String name = HtmlPage.fileName(dataset.path());
    HtmlPage.open(sb, provenance, "Diagnosis of " + name + " (" + dataset.version().id() + ")",
        CSS);
    HtmlPage.headerStart(sb, "Plumb diagnose", name, dataset.path(), dataset.version().id());
    sb.append(" target <b>").append(escape(r.problem().target())).append("</b> (")
        .append(escape(r.problem().task().label())).append(") · ")
        .append(grouped(r.problem().size())).append(" labelled rows");
    for (LearnerDiagnosis d : r.models()) {
      sb.append(' ').append(badge(d.verdict().label(), escape(d.spec().name() + ": "
          + d.verdict().label())));
    }
    sb.append("</p>\n</header>\n");

    sb.append("<section id=\"setup\">\n<h2>Setup</h2>\n<dl class=\"meta\">\n");
    HtmlPage.versionItems(sb, dataset.version());
    item(sb, "metric", escape(r.metric().label()));
    item(sb, "folds", escape(BaselineText.describe(r.splits())));
    item(sb, "seed", escape(String.valueOf(r.seed())));
    StringBuilder sizes = new StringBuilder();
    for (int s : r.sizes()) {
      sizes.append(sizes.length() == 0 ? "" : ", ").append(grouped(s));
    }
    item(sb, "training sizes", escape(sizes.toString()));
    item(sb, "validation curves at", escape(grouped(r.sweepSize()) + " training rows"));
    item(sb, "trivial baseline", escape((r.problem().task().isClassification() ? "majority "
        : "mean ") + DiagnoseText.num(r.trivial().validationMean())));
    item(sb, "libraries", escape(HtmlPage.libraries(provenance)));
    sb.append("</dl>\n</section>\n");

    sb.append("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n<div class=\"scroll\">\n"
        + "<table class=\"verdicts\">\n"
        + "<thead><tr><th>learner</th><th>diagnosis</th><th>confidence</th><th>train</th>"
        + "<th>validation</th><th>more data helps</th><th>target</th><th>avoidable bias</th>"
        + "<th>variance</th></tr></thead>\n<tbody>\n");
    for (LearnerDiagnosis d : r.models()) {
      CurvePoint full = d.full();
      double target = d.decomposition().target();
      sb.append("<tr><td><code>").append(escape(d.spec().text())).append("</code></td><td>")
          .append(badge(d.verdict().label(), escape(d.verdict().label()))).append("</td><td>")
          .append(escape(TextTable.percent(d.confidence()))).append("</td><td>")
          .append(DiagnoseText.num(full.trainMean())).append("</td><td>")
          .append(DiagnoseText.num(full.validationMean())).append(" <span class=\"pm\">± ")
          .append(DiagnoseText.num(full.validationStd())).append("</span></td><td>")
          .append(escape(d.moreDataHelps().map(b -> b ? "yes" : "no").orElse("can't tell")))
          .append("</td><td>").append(DiagnoseText.num(target)).append(" <span class=\"pm\">")
          .append(escape(d.decomposition().targetSource())).append("</span></td><td>")
          .append(DiagnoseText.num(d.decomposition().avoidableBias(r.metric())))
          .append("</td><td>").append(DiagnoseText.num(d.decomposition().variance(r.metric())))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</section>\n");

    ChartDrawer drawer = new ChartDrawer("Some charts could not be drawn");
    int i = 0;
    for (LearnerDiagnosis d : r.models()) {
      i++;
      sb.append("<section class=\"learner\" id=\"learner-").append(i).append("\">\n<h2>")
          .append(escape(d.spec().name())).append(' ')
          .append(badge(d.verdict().label(), escape(d.verdict().label())))
          .append("</h2>\n<p class=\"spec\"><code>").append(escape(d.spec().text()))
          .append("</code></p>\n<p>").append(escape(d.evidence())).append("</p>\n");
      d.settle().ifPresent(s -> sb.append("<p><b>To settle it:</b> ").append(escape(s))
          .append("</p>\n"));
      sb.append("<p><b>More data:</b> ").append(escape(d.moreDataEvidence())).append("</p>\n");
      sb.append("<p><b>Extrapolation:</b> ").append(escape(DiagnoseText.extrapolation(
          d.extrapolation(), r.metric().label()))).append("</p>\n<div class=\"charts\">\n");
      List<CurvePoint> lc = d.learningCurve();
      double[] x = lc.stream().mapToDouble(CurvePoint::trainSize).toArray();
      Charts.Svg svg = drawer.draw(() -> Charts.curves(x, true, "training rows (log scale)",
          r.metric().label(), lc.stream().mapToDouble(CurvePoint::trainMean).toArray(),
          lc.stream().mapToDouble(CurvePoint::trainStd).toArray(),
          lc.stream().mapToDouble(CurvePoint::validationMean).toArray(),
          lc.stream().mapToDouble(CurvePoint::validationStd).toArray(), null));
      HtmlPage.figure(sb, "learning-curve-" + i, "Learning curve", d.spec().name(),
          "mean over folds, band ±1 standard deviation; nested subsets of each training fold",
          "chart", "Learning curve of " + d.spec().name() + ": training and validation "
              + r.metric().label() + " against training rows", svg,
          "<p class=\"note\">" + escape(String.valueOf(drawer.failure())) + "</p>");
      if (d.validationCurve().isPresent()) {
        ValidationCurve vc = d.validationCurve().get();
        List<CurvePoint> pts = vc.points();
        double[] pos = new double[pts.size()];
        for (int k = 0; k < pos.length; k++) {
          pos[k] = k;
        }
        Charts.Svg vsvg = drawer.draw(() -> Charts.curves(pos, false, vc.sweep().parameter()
                + " (less to more complex)", r.metric().label(),
            pts.stream().mapToDouble(CurvePoint::trainMean).toArray(),
            pts.stream().mapToDouble(CurvePoint::trainStd).toArray(),
            pts.stream().mapToDouble(CurvePoint::validationMean).toArray(),
            pts.stream().mapToDouble(CurvePoint::validationStd).toArray(), vc.sweep().values()));
        HtmlPage.figure(sb, "validation-curve-" + i, "Validation curve", vc.sweep().parameter(),
            "at " + grouped(vc.trainSize()) + " training rows; current setting "
                + vc.sweep().values().get(vc.current()),
            "chart", "Validation curve of " + d.spec().name() + " over "
                + vc.sweep().parameter(), vsvg,
            "<p class=\"note\">" + escape(String.valueOf(drawer.failure())) + "</p>");
      }
      sb.append("</div>\n<h3>Remedies</h3>\n<ol class=\"remedies\">\n");
      for (Remedy remedy : d.remedies()) {
        sb.append("<li><b>").append(escape(remedy.action())).append("</b>");
        remedy.setting().ifPresent(s -> sb.append(" <code>").append(escape(s)).append("</code>"));
        sb.append(": ").append(escape(remedy.evidence())).append("</li>\n");
      }
      sb.append("</ol>\n</section>\n");
    }
    r.test().ifPresent(t -> {
      sb.append("<section id=\"test\">\n<h2>Test file</h2>\n<p>").append(grouped(t.testRows()))
          .append(" labelled rows. A classifier tells them from the training rows with ROC AUC ")
          .append(String.format(java.util.Locale.ROOT, "%.3f", t.shiftAuc())).append(": ")
          .append(t.shifted() ? badge("overfitting", "shift") : badge("good_fit", "no clear shift"))
          .append("</p>\n<table><thead><tr><th>column</th><th>test</th><th>statistic</th>"
              + "<th>p-value</th></tr></thead>\n<tbody>\n");
      for (TestCheck.ShiftedFeature f : t.features()) {
        sb.append("<tr><td>").append(escape(f.column())).append("</td><td>")
            .append(escape(f.test())).append("</td><td>")
            .append(String.format(java.util.Locale.ROOT, "%.3f", f.statistic()))
            .append("</td><td>").append(String.format(java.util.Locale.ROOT, "%.3g", f.pValue()))
            .append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n</section>\n");
    });
    if (!r.notes().isEmpty()) {
      sb.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
      r.notes().forEach(n -> sb.append("<li>").append(escape(n)).append("</li>\n"));
      sb.append("</ul>\n</section>\n");
    }
    HtmlPage.footer(sb, provenance, String.valueOf(r.seed()));
    HtmlPage.close(sb);
    return sb.toString();
  }

  private static final String CSS = """
      :root { --ok: #17663a; --ok-bg: #e3f4e8; }
      h3 { font-size: 15px; margin: 20px 0 6px; }
      dl.meta dd { margin: 0; word-break: break-word; }
      .hash { font-size: 12px; word-break: break-all; }
      .pm { color: var(--muted); font-size: 12px; }
      .spec code { font-size: 12px; overflow-wrap: anywhere; }
      .badge.good_fit { color: var(--ok); background: var(--ok-bg); }
      .badge.overfitting, .badge.underfitting { color: var(--warning);
        background: var(--warning-bg); }
      .badge.inconclusive { color: var(--muted); background: #f0f2f5; }
      table.verdicts td:first-child code { overflow-wrap: anywhere; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr));
        gap: 14px; }
      figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px;
        break-inside: avoid; }
      ol.remedies li { margin: 4px 0; }
      """;
}
