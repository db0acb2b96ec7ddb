package dev.plumb.report;

import static dev.plumb.report.HtmlReportFixtures.IMG;
import static dev.plumb.report.HtmlReportFixtures.SVG_URI;
import static dev.plumb.report.HtmlReportFixtures.URL_ATTRIBUTE;
import static dev.plumb.report.HtmlReportFixtures.provenance;
import static dev.plumb.report.HtmlReportFixtures.svgDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import dev.plumb.evaluate.Baseline;
import dev.plumb.evaluate.BaselineResult;
import dev.plumb.evaluate.Comparison;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.ExperimentPlan;
import dev.plumb.evaluate.LeaderboardEntry;
import dev.plumb.evaluate.LearnerResult;
import dev.plumb.evaluate.Metric;
import dev.plumb.evaluate.Problem;
import dev.plumb.evaluate.SanityCheck;
import dev.plumb.learn.Learner;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Splits;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML baseline report, from a real run on iris: content, the embedded SVG chart, the
 * confusion matrix, and escaping of everything that comes from the data.
 */
class BaselineHtmlTest {
  private static final Path IRIS = Path.of("../datasets/iris.csv");
  private static final List<String> LEARNERS = List.of("majority", "one_rule", "naive_bayes",
      "tree");
  private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
  /** Every tag the report writes itself; anything else came from the data. */
  private static final Pattern FOREIGN_TAG = Pattern.compile("<(?!/?(?:!DOCTYPE|html|head|meta|"
      + "title|style|body|header|h1|h2|h3|p|span|section|dl|dt|dd|code|div|table|thead|tbody|tr|"
      + "th|td|b|br|wbr|figure|figcaption|img|ul|li|footer)\\b)");

  private static Dataset iris;
  private static BaselineResult irisResult;

  @TempDir Path dir;

  @BeforeAll
  static void runIris() {
    iris = CsvTableReader.read(IRIS, CsvOptions.defaults());
    irisResult = run(iris, "species");
  }

  private static BaselineResult run(Dataset dataset, String target) {
    Problem problem = Problem.of(dataset.table(), target, Optional.empty());
    Task task = problem.task();
    List<Learner> learners = new ArrayList<>();
    for (String name : LEARNERS) {
      learners.add(LearnerCatalog.resolve(LearnerSpec.parse(name), task));
    }
    List<Metric> metrics = new ArrayList<>(List.of(Metric.BALANCED_ACCURACY));
    Metric.forTask(task).stream().filter(m -> m != Metric.BALANCED_ACCURACY)
        .forEach(metrics::add);
    ExperimentPlan plan = new ExperimentPlan(learners,
        Splits.stratifiedKFold(problem.classes(), 3, 1, 1), metrics, 1, 2, Optional.empty());
    return Baseline.run(problem, plan, CrossValidation.Progress.NONE);
  }

  /** The part of the page between the opening tag of {@code id}'s section and its end. */
  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  void isOneHtml5DocumentWithTheRunsSetupAndProvenance() {
    String html = BaselineHtml.render(iris, irisResult, provenance());

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<meta charset=\"utf-8\">").contains("Content-Security-Policy");
    assertThat(Pattern.compile("<html").matcher(html).results().count()).isEqualTo(1);
    assertThat(html).contains("<title>Baseline of iris.csv (" + iris.version().id() + ")");
    assertThat(html).contains(iris.version().id()).contains(iris.version().contentSha256())
        .contains(iris.version().bytesSha256()).contains(iris.version().schemaSha256());
    assertThat(html).contains("<code>" + IRIS + "</code>")
        .contains("target <b>species</b> (multiclass classification)")
        .contains("<dt>labelled rows</dt><dd>150 (none dropped)</dd>")
        .contains("<dt>classes</dt><dd>3 · setosa 50 · versicolor 50 · virginica 50</dd>")
        .contains("<dt>splits</dt><dd>stratified_k_fold · 3 folds × 1 repeat</dd>")
        .contains("<dt>fold sizes</dt><dd>train 100 · validation 50 rows per fold</dd>")
        .contains("<dt>seed</dt><dd>1</dd>").contains("<dt>threads</dt><dd>2</dd>")
        .contains("<dt>primary metric</dt><dd><b>balanced_accuracy</b> (higher is better)</dd>")
        .contains("<dt>created at</dt><dd>2024-05-06T07:08:09Z</dd>");
    assertThat(html).contains("Made by Plumb 9.9.9-test at 2024-05-06T07:08:09Z · seed: 1")
        .contains("java 17, xchart 3.8.8");
    assertThat(html).contains(HtmlEscape.escape(BaselineText.summary(irisResult)));
  }

  @Test
  void ranksEveryLearnerWithItsScoresAndVerdicts() {
    String html = BaselineHtml.render(iris, irisResult, provenance());
    String board = section(html, "leaderboard");

    int previous = -1;
    for (LeaderboardEntry e : irisResult.leaderboard()) {
      String cell = "<b>" + e.result().spec().name() + "</b> <span class=\"lib\">"
          + e.result().spec().library() + "</span><div class=\"spec\"><code>"
          + HtmlEscape.escape(e.result().spec().text()).replace("(", "(<wbr>")
          .replace(",", ",<wbr>") + "</code></div>";
      int at = board.indexOf(cell);
      assertThat(at).as(e.result().spec().name()).isGreaterThan(previous);
      previous = at;
      double mean = e.validation().orElseThrow().mean();
      assertThat(board).contains(String.format(Locale.ROOT, "%.4f <span class=\"pm\">± %.4f",
          mean, e.validation().orElseThrow().std()));
    }
    assertThat(irisResult.leaderboard()).extracting(e -> e.result().spec().name())
        .containsExactlyInAnyOrderElementsOf(LEARNERS);
    // the trivial baseline is the reference of its own column, and the others beat it on iris
    assertThat(board).contains("<th>vs majority</th>").contains("(the baseline)")
        .contains("(the leader)").contains("<span class=\"badge better\">better</span>")
        .containsPattern("Δ \\+0\\.\\d{4} · p (&lt; 0\\.001|0\\.\\d{3})");
    // every metric of the plan has a column in the metrics table
    String metrics = section(html, "metrics");
    for (Metric m : irisResult.plan().metrics()) {
      assertThat(metrics).contains("<th class=\"n\">" + m.label() + "<div");
    }
  }

  @Test
  void drawsOneSvgChartOfThePrimaryMetric() {
    String html = BaselineHtml.render(iris, irisResult, provenance());

    List<String> images = IMG.matcher(html).results().map(MatchResult::group).toList();
    assertThat(images).hasSize(1);
    assertThat(images.get(0)).contains("class=\"chart\"")
        .contains("src=\"data:image/svg+xml;base64,").containsPattern("alt=\"[^\"]+\"");
    List<String> svgs = svgDocuments(html);
    assertThat(svgs).hasSize(1);
    assertThat(svgs.get(0)).startsWith("<?xml").contains("<svg").contains("</svg>");
    assertThat(section(html, "leaderboard")).contains("<figure id=\"chart\">")
        .contains("dashed line: majority, the trivial baseline (0.3333)");
  }

  @Test
  void showsEveryFoldAndTheTrainingScores() {
    String html = BaselineHtml.render(iris, irisResult, provenance());
    String folds = section(html, "folds");

    assertThat(folds).contains("fold 1<div class=\"sub\">50 rows</div>").contains("fold 3")
        .doesNotContain("fold 4").contains("Training versus validation")
        .contains("train better by");
    for (String learner : LEARNERS) {
      assertThat(Pattern.compile(Pattern.quote("<td class=\"name\">" + learner + "</td>"))
          .matcher(folds).results().count()).as(learner).isEqualTo(2);
    }
    // the tree fits its training folds perfectly
    assertThat(folds).containsPattern("<td class=\"name\">tree</td><td class=\"n\">1\\.0000 ");
  }

  @Test
  void showsTheLeadersConfusionMatrixOverAllFolds() {
    String html = BaselineHtml.render(iris, irisResult, provenance());
    String cm = section(html, "confusion");

    assertThat(cm).contains("<b>" + irisResult.leader().result().spec().name() + "</b> summed"
        + " over 3 folds");
    for (String s : SPECIES) {
      assertThat(cm).contains("<th class=\"n\">" + s + "</th>").contains("<tr><th>" + s
          + "</th>");
    }
    // every iris class has 50 rows, each validated once
    assertThat(Pattern.compile("</div></td><td class=\"n\">50</td>").matcher(cm).results()
        .count()).isEqualTo(3);
    assertThat(cm).contains("class=\"n cell hit dark\" style=\"background: rgba(76, 120, 168,");
  }

  @Test
  void listsTheSanityChecksWithBadges() {
    String html = BaselineHtml.render(iris, irisResult, provenance());
    String checks = section(html, "checks");

    assertThat(irisResult.checks()).isNotEmpty();
    for (SanityCheck c : irisResult.checks()) {
      String status = c.passed() ? "pass" : "fail";
      assertThat(checks).contains("<span class=\"badge " + status + "\">" + status
          + "</span></td><td><code>" + c.name() + "</code></td><td>"
          + HtmlEscape.escape(c.message()));
    }
    assertThat(checks).contains("can_overfit").contains("beats_shuffled_labels");
  }

  @Test
  void showsAFailedLearnerWithItsErrorAndNoChartWhenEveryoneFailed() {
    LearnerResult failed = new LearnerResult(LearnerSpec.parse("smile:knn(k=999)"),
        Optional.of("k=999 > <b>rows</b>"), List.of(), OptionalLong.empty());
    List<LeaderboardEntry> board = new ArrayList<>(irisResult.leaderboard());
    board.add(new LeaderboardEntry(failed, board.size() + 1, Optional.empty(), Optional.empty(),
        Optional.empty(), Comparison.UNKNOWN, Optional.empty(), Comparison.UNKNOWN));
    BaselineResult withFailure = new BaselineResult(irisResult.problem(), irisResult.plan(),
        board, irisResult.baselineName(), irisResult.checks(), irisResult.notes(),
        irisResult.seconds());

    String html = BaselineHtml.render(iris, withFailure, provenance());

    assertThat(section(html, "leaderboard")).contains("<tr class=\"failed\">")
        .contains("<span class=\"badge fail\">failed</span> k=999 &gt; &lt;b&gt;rows&lt;/b&gt;")
        .contains("left out (failed or no score): knn");

    BaselineResult allFailed = new BaselineResult(irisResult.problem(), irisResult.plan(),
        List.of(board.get(board.size() - 1)), "", List.of(), List.of(), 0.1);
    String none = BaselineHtml.render(iris, allFailed, provenance());
    assertThat(none).doesNotContain("<img").doesNotContain("<section id=\"confusion\">")
        .contains("every learner failed").contains("No chart: no learner has a validation")
        .contains("<dt>trivial baseline</dt><dd>none ran</dd>").endsWith("</html>\n");
  }

  @Test
  void rendersARegressionWithoutAConfusionMatrix() {
    Problem problem = Problem.of(iris.table(), "petal_width_cm", Optional.empty());
    assertThat(problem.task()).isEqualTo(Task.REGRESSION);
    List<Learner> learners = new ArrayList<>();
    for (String name : List.of("mean", "tree")) {
      learners.add(LearnerCatalog.resolve(LearnerSpec.parse(name), Task.REGRESSION));
    }
    ExperimentPlan plan = new ExperimentPlan(learners, Splits.kFold(problem.size(), 3, 1, 1),
        Metric.forTask(Task.REGRESSION), 1, 2, Optional.empty());
    BaselineResult r = Baseline.run(problem, plan, CrossValidation.Progress.NONE);

    String html = BaselineHtml.render(iris, r, provenance());

    assertThat(html).doesNotContain("<section id=\"confusion\">").doesNotContain("<dt>classes")
        .contains("target <b>petal_width_cm</b> (regression)")
        .contains("<dt>primary metric</dt><dd><b>rmse</b> (lower is better)</dd>")
        .contains("dashed line: mean, the trivial baseline (")
        .contains("<th>vs mean</th>");
    assertThat(svgDocuments(html)).hasSize(1);
    for (Metric m : Metric.forTask(Task.REGRESSION)) {
      assertThat(section(html, "metrics")).contains("<th class=\"n\">" + m.label() + "<div");
    }
  }

  @Test
  void referencesNothingOnTheNetwork() {
    String html = BaselineHtml.render(iris, irisResult, provenance());

    Matcher m = URL_ATTRIBUTE.matcher(html);
    int attributes = 0;
    while (m.find()) {
      attributes++;
      assertThat(m.group(1)).as(m.group()).startsWith("data:image/svg+xml;base64,");
    }
    assertThat(attributes).isEqualTo(1);
    String outsideImages = SVG_URI.matcher(html).replaceAll("src=\"\"");
    assertThat(outsideImages).doesNotContain("http://").doesNotContain("https://")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
        .doesNotContain("url(").doesNotContain("<iframe");
  }

  @Test
  void escapesMarkupFromTheDataEverywhere() throws IOException {
    String script = "<script>alert(1)</script>";
    String[] labels = {script, "\"double\" & 'single'", "</td><script>x</script>"};
    // header: the script, a quoted name, a constant column (excluded, so named in a note), and
    // the target, whose name holds the script and a quote
    StringBuilder csv = new StringBuilder("\"" + script + "\",\"\"\"quoted\"\" 'feature'\","
        + "\"<b>const</b>\",\"" + script + "\"\"t\"\n");
    for (int i = 0; i < 60; i++) {
      int c = i % 3;
      csv.append(String.format(Locale.ROOT, "%.2f,%.2f,same,", c * 2.0 + (i % 7) * 0.3,
          (i * 13 % 17) / 3.0)).append('"').append(labels[c].replace("\"", "\"\"")).append('"')
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("<img src=x onerror=alert(2)>.csv"),
        csv.toString(), StandardCharsets.UTF_8);
    Dataset ds = CsvTableReader.read(file, CsvOptions.defaults());
    BaselineResult r = run(ds, script + "\"t");
    assertThat(r.problem().classNames()).containsExactlyInAnyOrder(labels);

    String html = BaselineHtml.render(ds, r, provenance());

    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<b>const")
        .doesNotContain("<img src=x").doesNotContain("\"double\"");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;t")
        .contains("&quot;double&quot; &amp; &#39;single&#39;")
        .contains("&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;.csv");
    assertThat(section(html, "confusion")).contains("<tr><th>&lt;script&gt;alert(1)");
    assertThat(section(html, "notes")).contains("&#39;&lt;b&gt;const&lt;/b&gt;&#39; excluded");
    assertThat(FOREIGN_TAG.matcher(html).find()).as("unexpected tag").isFalse();
    List<String> svgs = svgDocuments(html);
    assertThat(svgs).hasSize(1);
    assertThat(svgs).allSatisfy(svg -> assertThat(svg).doesNotContainIgnoringCase("<script")
        .doesNotContain("<b>").doesNotContain("alert("));
  }
}
