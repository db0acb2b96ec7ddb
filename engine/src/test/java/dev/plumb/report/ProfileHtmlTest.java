package dev.plumb.report;

import static dev.plumb.report.HtmlReportFixtures.IMG;
import static dev.plumb.report.HtmlReportFixtures.SVG_URI;
import static dev.plumb.report.HtmlReportFixtures.URL_ATTRIBUTE;
import static dev.plumb.report.HtmlReportFixtures.provenance;
import static dev.plumb.report.HtmlReportFixtures.svgDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumb.data.ColumnType;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Dataset;
import dev.plumb.data.DatasetVersion;
import dev.plumb.profile.ColumnProfile;
import dev.plumb.profile.Profile;
import dev.plumb.profile.Profiler;
import dev.plumb.profile.ValueCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML profile report: content, embedded SVG charts, escaping, and no network references. */
class ProfileHtmlTest {
  private static final Path DATASETS = Path.of("../datasets");

  @TempDir Path dir;

  private Profile profile(String fileName, String csv, String target) throws IOException {
    Path file = Files.writeString(dir.resolve(fileName), csv, StandardCharsets.UTF_8);
    Dataset ds = CsvTableReader.read(file, CsvOptions.defaults());
    return Profiler.profile(ds, Optional.ofNullable(target));
  }

  /** Every type of column, 40 rows, and a binary target. */
  private static String mixedCsv() {
    StringBuilder sb = new StringBuilder("id,height,count,day,member,colour,note,target\n");
    String[] colours = {"red", "green", "blue", "green", "red", "red"};
    for (int i = 0; i < 40; i++) {
      sb.append(String.format(Locale.ROOT, "%d,%.2f,%d,2021-%02d-%02d,%s,%s,note number %d,%s%n",
          i, 150 + (i * 37 % 50) / 1.7, i % 4, 1 + i % 12, 1 + i % 28, i % 3 == 0 ? "yes" : "no",
          colours[i % colours.length], i * 7, i % 5 == 0 ? "b" : "a"));
    }
    return sb.toString();
  }

  private static long count(String html, String needle) {
    return Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
  }

  @Test
  void drawsOneSvgImagePerColumnAndOneForTheTargetClasses() throws IOException {
    Profile p = profile("mixed.csv", mixedCsv(), "target");
    assertThat(p.columns()).extracting(ColumnProfile::type).contains(ColumnType.INTEGER,
        ColumnType.NUMERIC, ColumnType.DATETIME, ColumnType.BOOLEAN, ColumnType.CATEGORICAL,
        ColumnType.TEXT);

    String html = ProfileHtml.render(p, provenance());

    List<String> images = IMG.matcher(html).results().map(MatchResult::group).toList();
    assertThat(images).hasSize(p.columns().size() + 1);
    assertThat(images).allSatisfy(img -> assertThat(img)
        .contains("src=\"data:image/svg+xml;base64,").containsPattern("alt=\"[^\"]+\""));
    assertThat(count(html, "class=\"chart column-chart\"")).isEqualTo(p.columns().size());
    assertThat(count(html, "class=\"chart target-chart\"")).isEqualTo(1);
    for (ColumnProfile c : p.columns()) {
      assertThat(html).contains("<b>" + c.name() + "</b>");
    }
    List<String> svgs = svgDocuments(html);
    assertThat(svgs).hasSize(images.size());
    assertThat(svgs).allSatisfy(svg -> {
      assertThat(svg).startsWith("<?xml");
      assertThat(svg).contains("<svg").contains("</svg>");
    });
  }

  @Test
  void isOneHtml5DocumentWithTheSummaryTables() throws IOException {
    Profile p = profile("mixed.csv", mixedCsv(), "target");

    String html = ProfileHtml.render(p, provenance());

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<meta charset=\"utf-8\">");
    assertThat(count(html, "<html")).isEqualTo(1);
    assertThat(html).contains("40 rows × 8 columns");
    // target: task, class counts, imbalance ratio (32 'a' over 8 'b')
    assertThat(html).contains("binary classification").contains("imbalance 4.0:1")
        .contains("<td>a</td><td class=\"n\">32</td>").contains("<td>b</td><td class=\"n\">8</td>");
    // columns table mirrors the terminal summary: numbers for numbers, top values for the rest
    assertThat(html).contains("<td class=\"n\">0</td><td class=\"n\">40</td><td class=\"n\">0</td>")
        .contains("<td class=\"top\">red 19, green 14, blue 7</td>")
        .contains("2021-01-01");
    // read settings
    assertThat(html).contains("<dt>delimiter</dt><dd>&#39;,&#39;</dd>")
        .contains("<dt>encoding</dt><dd>UTF-8</dd>").contains("<dt>line endings</dt><dd>");
    assertThat(html).contains("Made by Plumb 9.9.9-test at 2024-05-06T07:08:09Z · seed: n/a")
        .contains("java 17, xchart 3.8.8");
  }

  @Test
  void showsTheDatasetVersionAndItsThreeHashes() throws IOException {
    Profile p = profile("mixed.csv", mixedCsv(), "target");
    DatasetVersion v = p.version();

    String html = ProfileHtml.render(p, provenance());

    assertThat(v.bytesSha256()).isNotEmpty();
    assertThat(html).contains(v.id()).contains(v.contentSha256()).contains(v.bytesSha256())
        .contains(v.schemaSha256());
    assertThat(html).contains("<title>Profile of mixed.csv (" + v.id() + ")");
  }

  @Test
  void escapesMarkupFromTheDataEverywhere() throws IOException {
    String script = "<script>alert(1)</script>";
    StringBuilder csv = new StringBuilder("\"" + script + "\",\"a&b\",target\n");
    for (int i = 0; i < 30; i++) {
      String cell = switch (i % 3) {
        case 0 -> "\"" + script + "\"";
        case 1 -> "\"\"\"quotes\"\"\"";
        default -> "\"x & y's\"";
      };
      csv.append(cell).append(',').append(i % 2 == 0 ? "\"<b>bold</b>\"" : "plain").append(',')
          .append(i % 3 == 0 ? script : "ok").append('\n');
    }
    Profile p = profile("<img src=x onerror=alert(2)>&.csv", csv.toString(), "target");

    String html = ProfileHtml.render(p, provenance());

    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<b>bold")
        .doesNotContain("<img src=x").doesNotContain("onerror=alert(2)>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&quot;quotes&quot;").contains("x &amp; y&#39;s").contains("a&amp;b")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;&amp;.csv");
    // every tag in the page is one the report writes itself
    assertThat(Pattern.compile("<(?!/?(?:!DOCTYPE|html|head|meta|title|style|body|header|h1|h2|p|"
        + "span|section|dl|dt|dd|code|div|table|thead|tbody|tr|th|td|a|b|br|figure|figcaption|img|"
        + "footer)\\b)").matcher(html).find()).as("unexpected tag").isFalse();
    List<String> svgs = svgDocuments(html);
    assertThat(svgs).isNotEmpty();
    assertThat(svgs).allSatisfy(svg -> assertThat(svg).doesNotContainIgnoringCase("<script")
        .doesNotContain("<b>").doesNotContain("alert("));
  }

  @Test
  void referencesNothingOnTheNetwork() throws IOException {
    String html = ProfileHtml.render(profile("mixed.csv", mixedCsv(), "target"), provenance());

    Matcher m = URL_ATTRIBUTE.matcher(html);
    int attributes = 0;
    while (m.find()) {
      attributes++;
      assertThat(m.group(1)).as(m.group()).satisfiesAnyOf(
          url -> assertThat(url).startsWith("data:image/svg+xml;base64,"),
          url -> assertThat(url).startsWith("#"));
    }
    assertThat(attributes).isGreaterThan(0);
    String outsideImages = SVG_URI.matcher(html).replaceAll("src=\"\"");
    assertThat(outsideImages).doesNotContain("http://").doesNotContain("https://")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("@import")
        .doesNotContain("url(").doesNotContain("<iframe");
    assertThat(html).contains("Content-Security-Policy");
  }

  @Test
  void listsFindingsMostSevereFirstWithTheirColours() throws IOException {
    StringBuilder csv = new StringBuilder("id,empty,x,target\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i).append(",,").append(i % 7).append(',').append(i % 2 == 0 ? "p" : "q")
          .append('\n');
    }
    Profile p = profile("f.csv", csv.toString(), "target");
    assertThat(p.findings()).isNotEmpty();

    String html = ProfileHtml.render(p, provenance());

    int error = html.indexOf("<tr class=\"error\">");
    int warning = html.indexOf("<tr class=\"warning\">");
    assertThat(error).isPositive();
    assertThat(warning).isGreaterThan(error);
    assertThat(html).contains("<code>all_missing</code>").contains("<code>id_like_column</code>")
        .contains("&#39;empty&#39; is missing in every row; drop it")
        .contains("class=\"badge error\"");
    // an all-missing column has nothing to chart and says so
    assertThat(html).contains("Not charted, every value missing: empty");
    assertThat(count(html, "class=\"chart column-chart\"")).isEqualTo(3);
  }

  @Test
  void chartsAtMostTheFirstHundredColumnsOfAWideTable() throws IOException {
    int columns = ProfileHtml.MAX_CHARTS + 5;
    StringBuilder csv = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      csv.append(c == 0 ? "" : ",").append("c").append(c);
    }
    csv.append('\n');
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < columns; c++) {
        csv.append(c == 0 ? "" : ",").append(r * c);
      }
      csv.append('\n');
    }
    Profile p = profile("wide.csv", csv.toString(), null);

    String html = ProfileHtml.render(p, provenance());

    assertThat(count(html, "class=\"chart column-chart\"")).isEqualTo(ProfileHtml.MAX_CHARTS);
    assertThat(html).contains("Charts are drawn for the first 100 of the 105 columns");
    // the columns table still lists them all
    assertThat(html).contains(">c104</td>");
  }

  @Test
  void rendersThePenguins() {
    Dataset ds = CsvTableReader.read(DATASETS.resolve("penguins.csv"), CsvOptions.defaults());
    Profile p = Profiler.profile(ds, Optional.of("species"));

    String html = ProfileHtml.render(p, Provenance.current());

    assertThat(html).contains("penguins.csv").contains(p.version().id())
        .contains("344 rows × 8 columns").contains("multiclass classification")
        .contains("<td>Adelie</td><td class=\"n\">152</td>");
    for (String column : List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
        "body_mass_g", "sex", "year", "species")) {
      assertThat(html).contains("<b>" + column + "</b>");
    }
    assertThat(count(html, "class=\"chart column-chart\"")).isEqualTo(8);
    assertThat(count(html, "class=\"chart target-chart\"")).isEqualTo(1);
    assertThat(svgDocuments(html)).hasSize(9)
        .allSatisfy(svg -> assertThat(svg).startsWith("<?xml"));
    assertThat(html.length()).as("report size").isLessThan(1_000_000);
  }

  @Test
  void escapesTheFiveSpecialCharactersAndControlCharacters() {
    assertThat(HtmlEscape.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(HtmlEscape.escape("plain text")).isEqualTo("plain text");
    assertThat(HtmlEscape.escape("tab\tnew\nline\u0000\u0085"))
        .isEqualTo("tab\tnew\nline\uFFFD\uFFFD");
    assertThat(HtmlEscape.escape(null)).isEmpty();
  }

  @Test
  void labelsAreCutAndKeptDistinct() {
    List<String> labels = Charts.labels(List.of(
        new ValueCount("a very long category name number one", 3),
        new ValueCount("a very long category name number two", 2),
        new ValueCount("short", 1)));
    assertThat(labels).doesNotHaveDuplicates();
    assertThat(labels.get(0)).hasSize(Charts.MAX_LABEL).endsWith("…");
    assertThat(labels.get(1)).startsWith(labels.get(0)).endsWith("#2");
    assertThat(labels.get(2)).isEqualTo("short");
  }
}
