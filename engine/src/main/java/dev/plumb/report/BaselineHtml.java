package dev.plumb.report;

import static dev.plumb.report.HtmlEscape.escape;
import static dev.plumb.report.HtmlPage.badge;
import static dev.plumb.report.HtmlPage.grouped;
import static dev.plumb.report.HtmlPage.item;

import dev.plumb.data.Dataset;
import dev.plumb.evaluate.Baseline;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.Comparison;
import dev.plumb.evaluate.ConfusionMatrix;
import dev.plumb.evaluate.CorrectedTTest;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.MetricSummary;
import dev.plumb.evaluate.Problem;
import dev.plumb.evaluate.SanityCheck;
import dev.plumb.evaluate.TTestResult;
import dev.plumb.plan.Fold;
import dev.plumb.plan.SplitStrategy;
import dev.plumb.plan.Splits;
import dev.plumb.report.HtmlPage.ChartDrawer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The HTML form of a baseline run: one self-contained HTML5 page with what the terminal leaderboard
 * shows plus every metric, the per-fold scores, the leader's confusion matrix and a chart of the
 * primary metric per learner.
 *
 * <p>The page follows {@link ProfileHtml}'s rules, and shares its frame, the common part of its
 * stylesheet and its small pieces through {@link HtmlPage}: it needs no network and runs no script,
 * the chart is SVG drawn by XChart and embedded as an {@code <img>} data URI, a
 * Content-Security-Policy forbids everything but inline styles and data images, and every string
 * that comes from the data or the command line (path, target, class names, learner specs, error
 * messages, notes) is escaped.
 *
 * <p>Stateless and thread-safe. Drawing needs AWT fonts; when they are unavailable the page is
 * still produced, without the chart and with a note saying why.
 */
public final class BaselineHtml {
  /** Classes listed at most in the setup; the confusion matrix always has them all. */
  static final int MAX_CLASSES_LISTED = 30;

  private BaselineHtml() {}

  /**
   * Renders the run as a complete HTML document (UTF-8 is declared in the page; write it with that
   * encoding).
   *
   * @param dataset the data the run read, for its path and version
   * @param result the run
   * @param provenance the versions and time to record
   */
  public static String render(Dataset dataset, BaselineResult result, Provenance provenance) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    String name = HtmlPage.fileName(dataset.path());
    HtmlPage.open(sb, provenance, "Baseline of " + name + " (" + dataset.version().id() + ")",
        CSS);

    View view = new View(result);
    header(sb, dataset, view, name);
    setup(sb, dataset, view, provenance);
    leaderboard(sb, view);
    allMetrics(sb, view);
    perFold(sb, view);
    confusion(sb, view);
    checks(sb, view.result);
    notes(sb, view.result);
    HtmlPage.footer(sb, provenance, String.valueOf(view.result.plan().seed()));
    HtmlPage.close(sb);
    return sb.toString();
  }

  /** What several sections read: the result, its primary metric and its t-test. */
  private static final class View {
    final BaselineResult result;
    final Problem problem;
    final Metric primary;
    final CorrectedTTest test;

    View(BaselineResult result) {
      this.result = result;
      this.problem = result.problem();
      this.primary = result.plan().primary();
      this.test = result.test();
    }

    List<LeaderboardEntry> entries() {
      return result.leaderboard();
    }
  }

  private static void header(StringBuilder sb, Dataset dataset, View view, String name) {
    BaselineResult r = view.result;
    Problem p = view.problem;
    HtmlPage.headerStart(sb, "Plumb baseline", name, dataset.path(), dataset.version().id());
    sb.append(" target <b>").append(escape(p.target())).append("</b> (")
        .append(escape(taskText(p))).append(") · ").append(grouped(p.size()))
        .append(" labelled rows");
    LeaderboardEntry leader = r.leader();
    if (leader.result().ok()) {
      sb.append(" · leader <b>").append(escape(leader.result().spec().name())).append("</b>");
      leader.validation().ifPresent(s -> sb.append(' ').append(escape(view.primary.label()))
          .append(' ').append(BaselineText.num(s.mean())));
    }
    long passed = r.checks().stream().filter(SanityCheck::passed).count();
    long failed = r.checks().size() - passed;
    if (passed > 0) {
      sb.append(' ').append(badge("pass", passed + (passed > 1 ? " checks" : " check")
          + " passed"));
    }
    if (failed > 0) {
      sb.append(' ').append(badge("fail", failed + (failed > 1 ? " checks" : " check")
          + " failed"));
    }
    sb.append("</p>\n<p class=\"summary\">").append(escape(BaselineText.summary(r)))
        .append("</p>\n</header>\n");
  }

  private static void setup(StringBuilder sb, Dataset dataset, View view, Provenance provenance) {
    BaselineResult r = view.result;
    Problem p = view.problem;
    Splits splits = r.plan().splits();
    sb.append("<section id=\"setup\">\n<h2>Setup</h2>\n<dl class=\"meta\">\n");
    HtmlPage.versionItems(sb, dataset.version());
    item(sb, "target", "<b>" + escape(p.target()) + "</b>");
    item(sb, "task", escape(taskText(p)));
    if (p.task().isClassification()) {
      item(sb, "classes", escape(classes(p)));
    }
    item(sb, "labelled rows", grouped(p.size())
        + (p.droppedRows() > 0 ? String.format(Locale.ROOT,
            " (%,d dropped: the target is missing)", p.droppedRows()) : " (none dropped)"));
    item(sb, "features", grouped(p.features().features().size()) + " columns");
    item(sb, "splits", escape(splitsText(splits)));
    item(sb, "fold sizes", escape(foldSizes(splits)));
    item(sb, "seed", String.valueOf(r.plan().seed()));
    item(sb, "threads", String.valueOf(r.plan().threads()));
    r.plan().timeLimit().ifPresent(t -> item(sb, "time limit",
        escape(BaselineText.seconds(t.toMillis() / 1000.0)) + " s per learner and fold"));
    item(sb, "primary metric", "<b>" + escape(view.primary.label()) + "</b> ("
        + direction(view.primary) + ")");
    item(sb, "trivial baseline", r.baselineName().isEmpty() ? "none ran"
        : escape(r.baselineName()));
    item(sb, "evaluation time", escape(BaselineText.seconds(r.seconds())) + " s");
    item(sb, "Plumb", escape(provenance.plumbVersion()));
    item(sb, "libraries", escape(HtmlPage.libraries(provenance)));
    item(sb, "created at", escape(provenance.createdAt().toString()));
    sb.append("</dl>\n</section>\n");
  }

  private static void leaderboard(StringBuilder sb, View view) {
    BaselineResult r = view.result;
    String baseline = r.baselineName().isEmpty() ? "baseline" : r.baselineName();
    String metric = escape(view.primary.label());
    sb.append("<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n<p class=\"explain\">")
        .append("Ranked by the mean validation <b>").append(metric).append("</b> (")
        .append(direction(view.primary)).append(") over ").append(foldCount(r))
        .append(". The 95% interval of the mean and the p-values use the corrected resampled"
            + " t-test (Nadeau and Bengio), which allows for folds that share training rows; Δ is"
            + " how much better (positive) or worse (negative) the learner's mean is, in the"
            + " metric's units. Training scores are on at most ")
        .append(grouped(CrossValidation.MAX_TRAIN_SCORING_ROWS))
        .append(" training rows per fold; times are means per fold; the size is that of the model"
            + " fitted on the first fold.</p>\n<div class=\"scroll\">\n<table class=\"board\">\n"
            + "<thead><tr><th class=\"n\">#</th><th>learner</th><th class=\"n\">")
        .append(metric).append("<div class=\"sub\">mean ± std · 95% CI</div></th>")
        .append("<th class=\"n\">train</th>")
        .append("<th class=\"n\">fit s</th><th class=\"n\">predict s<div class=\"sub\">per 1,000"
            + " rows</div></th><th class=\"n\">size</th><th>vs ").append(escape(baseline))
        .append("</th><th>vs leader</th></tr></thead>\n<tbody>\n");
    for (LeaderboardEntry e : view.entries()) {
      LearnerResult res = e.result();
      sb.append("<tr class=\"").append(rowClass(e)).append("\"><td class=\"n\">")
          .append(e.rank()).append("</td><td class=\"learner\">").append(learnerCell(res))
          .append("</td>");
      if (!res.ok()) {
        sb.append("<td colspan=\"7\" class=\"error\">").append(badge("fail", "failed"))
            .append(' ').append(escape(res.error().orElse(""))).append("</td></tr>\n");
        continue;
      }
      sb.append("<td class=\"n score\">")
          .append(e.validation().map(s -> meanStd(s) + "<div class=\"ci\">["
              + BaselineText.num(s.ci95().lower()) + ", " + BaselineText.num(s.ci95().upper())
              + "]</div>").orElse("n/a"))
          .append("</td><td class=\"n\">")
          .append(e.train().map(s -> BaselineText.num(s.mean())).orElse("n/a"))
          .append("</td><td class=\"n\">")
          .append(res.fitSeconds().isPresent()
              ? BaselineText.seconds(res.fitSeconds().getAsDouble()) : "")
          .append("</td><td class=\"n\">")
          .append(res.predictSecondsPer1000().isPresent()
              ? BaselineText.seconds(res.predictSecondsPer1000().getAsDouble()) : "")
          .append("</td><td class=\"n\">")
          .append(res.sizeBytes().isPresent()
              ? escape(BaselineText.bytes(res.sizeBytes().getAsLong())) : "")
          .append("</td><td>").append(verdict(e.baselineComparison(), e.vsBaseline(), "baseline"))
          .append("</td><td>").append(verdict(e.leaderComparison(), e.vsLeader(), "leader"))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n");
    chart(sb, view);
    sb.append("</section>\n");
  }

  private static void chart(StringBuilder sb, View view) {
    BaselineResult r = view.result;
    List<String> names = new ArrayList<>();
    List<MetricSummary> summaries = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (LeaderboardEntry e : view.entries()) {
      if (e.result().ok() && e.validation().isPresent()) {
        names.add(e.result().spec().name());
        summaries.add(e.validation().get());
      } else {
        left.add(e.result().spec().name());
      }
    }
    if (names.isEmpty()) {
      sb.append("<p class=\"note\">No chart: no learner has a validation ")
          .append(escape(view.primary.label())).append(".</p>\n");
      return;
    }
    int n = names.size();
    double[] means = new double[n];
    double[] stds = new double[n];
    boolean[] trivial = new boolean[n];
    boolean withinOne = true;
    for (int i = 0; i < n; i++) {
      means[i] = summaries.get(i).mean();
      stds[i] = summaries.get(i).std();
      trivial[i] = Baseline.TRIVIAL.contains(names.get(i));
      withinOne &= means[i] + stds[i] <= 1;
    }
    OptionalDouble reference = r.leaderboard().stream()
        .filter(e -> e.baselineComparison() == Comparison.SAME && e.result().ok())
        .flatMap(e -> e.validation().stream()).mapToDouble(MetricSummary::mean).findFirst();
    OptionalDouble axisMax = view.primary.highest() == 1 && withinOne
        ? OptionalDouble.of(1) : OptionalDouble.empty();
    ChartDrawer drawer = new ChartDrawer("The chart could not be drawn");
    Charts.Svg svg = drawer.draw(() -> Charts.scoreBars(names, means, stds, trivial, reference,
        axisMax, view.primary.label()));
    StringBuilder caption = new StringBuilder("validation mean ± one standard deviation over the"
        + " folds, in leaderboard order; grey bars: trivial learners");
    reference.ifPresent(x -> caption.append("; dashed line: ").append(r.baselineName())
        .append(", the trivial baseline (").append(BaselineText.num(x)).append(')'));
    if (!left.isEmpty()) {
      caption.append("; left out (failed or no score): ").append(String.join(", ", left));
    }
    HtmlPage.figure(sb, "chart", view.primary.label(), direction(view.primary),
        caption.toString(), "chart", "Bar chart of the validation " + view.primary.label()
            + " of each learner with error bars", svg,
        "<p class=\"note\">" + escape(drawer.failure()) + "</p>");
  }

  private static void allMetrics(StringBuilder sb, View view) {
    List<Metric> metrics = view.result.plan().metrics();
    sb.append("<section id=\"metrics\">\n<h2>All metrics</h2>\n<p class=\"explain\">Validation"
        + " mean ± standard deviation over the folds; the best mean of each metric (to the four"
        + " decimals shown) is in bold.</p>\n<div class=\"scroll\">\n"
        + "<table class=\"metrics\">\n<thead><tr><th>learner</th>");
    Map<Metric, Double> best = new EnumMap<>(Metric.class);
    List<Map<Metric, Optional<MetricSummary>>> cells = new ArrayList<>();
    for (LeaderboardEntry e : view.entries()) {
      Map<Metric, Optional<MetricSummary>> row = new EnumMap<>(Metric.class);
      for (Metric m : metrics) {
        Optional<MetricSummary> s = e.result().ok() ? e.result().validation(m, view.test)
            : Optional.empty();
        row.put(m, s);
        s.ifPresent(x -> best.merge(m, x.mean(), (a, b) -> m.isBetter(b, a) ? b : a));
      }
      cells.add(row);
    }
    for (Metric m : metrics) {
      sb.append("<th class=\"n\">").append(escape(m.label())).append("<div class=\"sub\">")
          .append(m.greaterIsBetter() ? "↑ higher is better" : "↓ lower is better")
          .append("</div></th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < view.entries().size(); i++) {
      LeaderboardEntry e = view.entries().get(i);
      sb.append("<tr class=\"").append(rowClass(e)).append("\"><td class=\"name\">")
          .append(escape(e.result().spec().name())).append("</td>");
      for (Metric m : metrics) {
        Optional<MetricSummary> s = cells.get(i).get(m);
        sb.append("<td class=\"n\">");
        if (!e.result().ok()) {
          sb.append("failed");
        } else if (s.isEmpty()) {
          sb.append("n/a");
        } else if (BaselineText.num(s.get().mean()).equals(BaselineText.num(best.get(m)))) {
          sb.append("<b>").append(meanStd(s.get())).append("</b>");
        } else {
          sb.append(meanStd(s.get()));
        }
        sb.append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void perFold(StringBuilder sb, View view) {
    BaselineResult r = view.result;
    List<Fold> folds = r.plan().splits().folds();
    boolean repeated = r.plan().splits().repeats() > 1;
    String metric = escape(view.primary.label());
    sb.append("<section id=\"folds\">\n<h2>Per-fold scores</h2>\n")
        .append("<p class=\"explain\">Validation <b>").append(metric)
        .append("</b> of each learner on each fold; every learner saw the same folds, so a column"
            + " compares learners on the same rows.</p>\n")
        .append("<div class=\"scroll\">\n<table class=\"folds\">\n<thead><tr><th>learner</th>");
    for (Fold f : folds) {
      sb.append("<th class=\"n\">").append(repeated ? "r" + (f.repeat() + 1) + " f"
          + (f.index() + 1) : "fold " + (f.index() + 1)).append("<div class=\"sub\">")
          .append(grouped(f.validationSize())).append(" rows")
          .append("</div></th>");
    }
    sb.append("<th class=\"n\">mean</th></tr></thead>\n<tbody>\n");
    for (LeaderboardEntry e : view.entries()) {
      Map<Long, FoldScore> byFold = new HashMap<>();
      for (FoldScore f : e.result().folds()) {
        byFold.put(key(f.repeat(), f.fold()), f);
      }
      sb.append("<tr class=\"").append(rowClass(e)).append("\"><td class=\"name\">")
          .append(escape(e.result().spec().name())).append("</td>");
      for (Fold f : folds) {
        FoldScore s = byFold.get(key(f.repeat(), f.index()));
        sb.append("<td class=\"n\">").append(s == null ? "" : s.score(view.primary).isPresent()
            ? BaselineText.num(s.score(view.primary).getAsDouble()) : "n/a").append("</td>");
      }
      String mean = e.result().ok()
          ? e.validation().map(s -> BaselineText.num(s.mean())).orElse("n/a") : "failed";
      sb.append("<td class=\"n\"><b>").append(mean).append("</b></td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n");

    sb.append("<h3>Training versus validation</h3>\n<p class=\"explain\">Can each learner fit the"
        + " training folds, and how much of that carries over? The gap is how much better the"
        + " training score is than the validation score. A poor training score means the learner"
        + " cannot fit the data (it underfits); a good training score with a large gap means it"
        + " memorizes the training rows (it overfits).</p>\n<div class=\"scroll\">\n"
        + "<table class=\"fit\">\n<thead><tr><th>learner</th><th class=\"n\">train ")
        .append(metric).append("<div class=\"sub\">mean ± std</div></th><th class=\"n\">"
            + "validation ").append(metric).append("<div class=\"sub\">mean ± std</div></th>"
            + "<th class=\"n\">gap<div class=\"sub\">train better by</div></th></tr></thead>\n"
            + "<tbody>\n");
    double sign = view.primary.greaterIsBetter() ? 1 : -1;
    for (LeaderboardEntry e : view.entries()) {
      sb.append("<tr class=\"").append(rowClass(e)).append("\"><td class=\"name\">")
          .append(escape(e.result().spec().name())).append("</td>");
      if (!e.result().ok()) {
        sb.append("<td colspan=\"3\" class=\"n\">failed</td></tr>\n");
        continue;
      }
      sb.append("<td class=\"n\">").append(e.train().map(BaselineHtml::meanStd).orElse("n/a"))
          .append("</td><td class=\"n\">")
          .append(e.validation().map(BaselineHtml::meanStd).orElse("n/a"))
          .append("</td><td class=\"n\">");
      if (e.train().isPresent() && e.validation().isPresent()) {
        sb.append(signed(sign * (e.train().get().mean() - e.validation().get().mean())));
      } else {
        sb.append("n/a");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void confusion(StringBuilder sb, View view) {
    LeaderboardEntry leader = view.result.leader();
    if (!view.problem.task().isClassification() || !leader.result().ok()) {
      return;
    }
    ConfusionMatrix total = null;
    int folds = 0;
    for (FoldScore f : leader.result().folds()) {
      if (f.confusion().isPresent()) {
        total = total == null ? f.confusion().get() : total.plus(f.confusion().get());
        folds++;
      }
    }
    if (total == null) {
      return;
    }
    int repeats = view.result.plan().splits().repeats();
    sb.append("<section id=\"confusion\">\n<h2>Confusion matrix of the leader</h2>\n")
        .append("<p class=\"explain\">Validation predictions of <b>")
        .append(escape(leader.result().spec().name())).append("</b> summed over ")
        .append(folds).append(folds == 1 ? " fold" : " folds")
        .append(repeats > 1 ? " (each labelled row counts once per repeat, " + repeats + " times)"
            : "")
        .append(". Rows are the actual classes, columns the predicted ones (the most probable"
            + " class); each cell shows the count and its share of the row, shaded by that"
            + " share: blue on the diagonal (right), red off it (wrong).</p>\n")
        .append("<div class=\"scroll\">\n<table class=\"confusion\">\n<thead><tr>"
            + "<th class=\"corner\">actual ↓ predicted →</th>");
    List<String> classes = total.classes();
    for (String c : classes) {
      sb.append("<th class=\"n\">").append(escape(c)).append("</th>");
    }
    sb.append("<th class=\"n\">rows</th><th class=\"n\">recall</th></tr></thead>\n<tbody>\n");
    long[][] counts = total.counts();
    for (int a = 0; a < counts.length; a++) {
      long rowTotal = 0;
      for (long x : counts[a]) {
        rowTotal += x;
      }
      sb.append("<tr><th>").append(escape(classes.get(a))).append("</th>");
      for (int p = 0; p < counts[a].length; p++) {
        double share = rowTotal == 0 ? 0 : (double) counts[a][p] / rowTotal;
        sb.append("<td class=\"n cell").append(a == p ? " hit" : " miss")
            .append(share > 0.55 ? " dark" : "").append("\" style=\"background: ")
            .append(shade(a == p, share)).append("\">")
            .append(grouped(counts[a][p]))
            .append("<div class=\"share\">")
            .append(rowTotal == 0 ? "" : TextTable.percent(share)).append("</div></td>");
      }
      sb.append("<td class=\"n\">").append(grouped(rowTotal))
          .append("</td><td class=\"n\">").append(rowTotal == 0 ? "n/a"
              : TextTable.percent((double) counts[a][a] / rowTotal)).append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void checks(StringBuilder sb, BaselineResult r) {
    sb.append("<section id=\"checks\">\n<h2>Sanity checks</h2>\n");
    if (r.checks().isEmpty()) {
      sb.append("<p>No sanity check ran.</p>\n</section>\n");
      return;
    }
    sb.append("<table class=\"checks\">\n<thead><tr><th>result</th><th>check</th>"
        + "<th>what it found</th></tr></thead>\n<tbody>\n");
    for (SanityCheck c : r.checks()) {
      HtmlPage.statusRow(sb, c.passed() ? "pass" : "fail", c.name(), List.of(), c.message(),
          c.evidence());
    }
    sb.append("</tbody>\n</table>\n</section>\n");
  }

  private static void notes(StringBuilder sb, BaselineResult r) {
    sb.append("<section id=\"notes\">\n<h2>Notes</h2>\n");
    if (r.notes().isEmpty()) {
      sb.append("<p>No notes: every column was used and no row was left out.</p>\n");
    } else {
      sb.append("<ul class=\"notes\">\n");
      r.notes().forEach(n -> sb.append("<li>").append(escape(n)).append("</li>\n"));
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  /** Name, library and the full spec, which may break after its parenthesis and commas. */
  private static String learnerCell(LearnerResult res) {
    return "<b>" + escape(res.spec().name()) + "</b> <span class=\"lib\">"
        + escape(res.spec().library()) + "</span><div class=\"spec\"><code>"
        + escape(res.spec().text()).replace("(", "(<wbr>").replace(",", ",<wbr>")
        + "</code></div>";
  }

  private static String rowClass(LeaderboardEntry e) {
    if (!e.result().ok()) {
      return "failed";
    }
    if (e.leaderComparison() == Comparison.SAME) {
      return "leader";
    }
    return Baseline.TRIVIAL.contains(e.result().spec().name()) ? "trivial" : "learner";
  }

  /** A verdict badge with the difference and p-value under it. */
  private static String verdict(Comparison c, Optional<TTestResult> t, String reference) {
    if (c == Comparison.SAME) {
      return "<span class=\"muted\">(the " + reference + ")</span>";
    }
    StringBuilder s = new StringBuilder(badge(c.label(),
        c == Comparison.UNKNOWN ? "n/a" : c.label()));
    t.ifPresent(x -> s.append("<div class=\"evidence\">Δ ").append(signed(x.meanDifference()))
        .append(" · p ").append(pValue(x.pValue())).append("</div>"));
    return s.toString();
  }

  private static String meanStd(MetricSummary s) {
    return BaselineText.num(s.mean()) + " <span class=\"pm\">± " + BaselineText.num(s.std())
        + "</span>";
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "−") + BaselineText.num(Math.abs(v));
  }

  private static String pValue(double p) {
    return p < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** A cell colour whose strength is the share: blue for right answers, red for wrong ones. */
  private static String shade(boolean hit, double share) {
    if (share == 0) {
      return "transparent";
    }
    double alpha = 0.08 + 0.82 * share;
    return String.format(Locale.ROOT, hit ? "rgba(76, 120, 168, %.2f)" : "rgba(228, 87, 86, %.2f)",
        alpha);
  }

  private static String direction(Metric m) {
    return m.greaterIsBetter() ? "higher is better" : "lower is better";
  }

  private static String taskText(Problem p) {
    return p.task().label() + (p.task().isClassification() ? " classification" : "");
  }

  private static String classes(Problem p) {
    int[] counts = p.classCounts();
    List<String> out = new ArrayList<>();
    for (int c = 0; c < Math.min(counts.length, MAX_CLASSES_LISTED); c++) {
      out.add(p.classNames().get(c) + " " + grouped(counts[c]));
    }
    return counts.length + " · " + String.join(" · ", out)
        + (counts.length > MAX_CLASSES_LISTED ? " · …" : "");
  }

  private static String splitsText(Splits s) {
    if (s.strategy() == SplitStrategy.HOLDOUT) {
      return "holdout: one split";
    }
    return s.strategy().label() + " · " + s.k() + (s.k() == 1 ? " fold" : " folds") + " × "
        + s.repeats() + (s.repeats() == 1 ? " repeat" : " repeats");
  }

  private static String foldSizes(Splits s) {
    IntSummaryStatistics train = s.folds().stream().mapToInt(Fold::trainSize)
        .summaryStatistics();
    IntSummaryStatistics validation = s.folds().stream().mapToInt(Fold::validationSize)
        .summaryStatistics();
    return "train " + range(train) + " · validation " + range(validation) + " rows per fold";
  }

  private static String range(IntSummaryStatistics s) {
    return s.getMin() == s.getMax() ? grouped(s.getMin())
        : grouped(s.getMin()) + "–" + grouped(s.getMax());
  }

  private static String foldCount(BaselineResult r) {
    int n = r.plan().splits().folds().size();
    return n == 1 ? "one validation split" : n + " validation folds";
  }

  private static long key(int repeat, int fold) {
    return ((long) repeat << 32) | fold;
  }

  /**
   * The rules of this page beyond {@link HtmlPage#CSS}: pass and fail, the leaderboard, the
   * confusion matrix.
   */
  private static final String CSS = """
      :root { --ok: #17663a; --ok-bg: #e3f4e8; }
      h3 { font-size: 15px; margin: 20px 0 6px; }
      .summary { margin: 10px 0 0; padding: 8px 12px; background: #f7f8fa;
        border-left: 3px solid var(--info); font-size: 14.5px; }
      dl.meta dd { margin: 0; word-break: break-word; }
      .hash { font-size: 12px; word-break: break-all; }
      .explain { color: var(--muted); margin: 0 0 8px; }
      .sub { font-weight: 400; font-size: 11px; }
      .pm { color: var(--muted); font-size: 12px; }
      .muted { color: var(--muted); }
      .badge.pass, .badge.better { color: var(--ok); background: var(--ok-bg); }
      .badge.fail, .badge.worse { color: var(--error); background: var(--error-bg); }
      .badge.tied { color: var(--info); background: var(--info-bg); }
      .badge.unknown { color: var(--muted); background: #f0f2f5; }
      .evidence { color: var(--muted); font-size: 12px; margin-top: 2px; white-space: nowrap; }
      table.board td.learner { min-width: 14em; max-width: 24em; }
      .lib { font-size: 11px; color: var(--muted); border: 1px solid var(--line);
        border-radius: 8px; padding: 0 6px; }
      .spec { margin-top: 2px; color: var(--muted); overflow-wrap: anywhere; line-height: 1.3; }
      .spec code { font-size: 11px; }
      td.score { font-weight: 600; }
      .ci { font-weight: 400; font-size: 12px; color: var(--muted); }
      td.error { color: var(--error); word-break: break-word; white-space: normal; }
      tr.leader td { background: #f3f7fc; }
      tr.leader td:first-child { border-left: 4px solid var(--info); }
      tr.trivial td { color: var(--muted); }
      tr.failed td:first-child { border-left: 4px solid var(--error); }
      table.checks tr.fail td:first-child { border-left: 4px solid var(--error); }
      table.checks tr.pass td:first-child { border-left: 4px solid #3f9b62; }
      table.checks td:nth-child(3) { word-break: break-word; }
      table.checks .evidence { white-space: normal; }
      table.fit, table.confusion { width: auto; }
      table.confusion th { white-space: nowrap; }
      table.confusion th.corner { font-weight: 400; font-size: 12px; }
      table.confusion td.cell { min-width: 5.5em; border: 1px solid #fff; }
      table.confusion td.dark { color: #fff; }
      .share { font-size: 11px; opacity: .8; }
      figure { margin: 14px 0 0; padding: 8px; border: 1px solid var(--line); border-radius: 6px;
        break-inside: avoid; }
      ul.notes { margin: 0; padding-left: 20px; }
      @media print { body { max-width: none; } .scroll { overflow: visible; } }
      """;
}
