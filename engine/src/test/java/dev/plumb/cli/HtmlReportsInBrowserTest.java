package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.testing.HeadlessBrowser;
import dev.plumb.testing.HeadlessBrowser.ImageBox;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports {@code plumb profile --html}, {@code plumb baseline --html}, {@code plumb
 * diagnose --html} and {@code plumb bench --html} write, opened in a real headless Chromium: the
 * page loads without a console error (a Content-Security-Policy violation is one), every chart is
 * there, loaded and drawn at a size above zero, and a screenshot of the whole page is saved
 * under {@code target/screenshots/} for a person to look at.
 */
@Tag("browser")
class HtmlReportsInBrowserTest {
  private static final String PENGUINS = "../datasets/penguins.csv";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static HeadlessBrowser browser;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    browser = HeadlessBrowser.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void profileShowsAChartPerColumnAndOneOfTheClassesWithoutErrors() throws IOException {
    Path html = dir.resolve("penguins-profile.html");
    CliRun run = CliRun.of("profile", PENGUINS, "--target", "species", "--html", html.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    browser.open(html);

    assertThat(browser.consoleErrors()).isEmpty();
    // penguins.csv has eight columns, each charted, and the target's classes have a chart
    assertEveryChartDrawn(9);
    assertScreenshot("profile-penguins");
  }

  @Test
  void baselineShowsTheChartOfThePrimaryMetricWithoutErrors() throws IOException {
    Path html = dir.resolve("penguins-baseline.html");
    CliRun run = CliRun.of("baseline", PENGUINS, "--target", "species", "--html",
        html.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    browser.open(html);

    assertThat(browser.consoleErrors()).isEmpty();
    assertEveryChartDrawn(1);
    assertScreenshot("baseline-penguins");
  }

  @Test
  void diagnoseShowsBothCurvesOfEveryLearnerWithoutErrors() throws IOException {
    Path html = dir.resolve("penguins-diagnose.html");
    CliRun run = CliRun.of("diagnose", PENGUINS, "--target", "species", "--learners",
        "logistic,tree", "--html", html.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    browser.open(html);

    assertThat(browser.consoleErrors()).isEmpty();
    // two learners, each with a learning curve and a validation curve
    assertEveryChartDrawn(4);
    // the verdicts table names each learner by its full spec, which must wrap, not widen the page
    assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt())
        .as("page width").isLessThanOrEqualTo(browser.evaluate("window.innerWidth").asInt());
    assertScreenshot("diagnose-penguins");
  }

  @Test
  void benchShowsTheScoreLatencyChartAndTheLatencyDistributionsWithoutErrors()
      throws IOException {
    Path html = dir.resolve("penguins-bench.html");
    CliRun run = CliRun.of("bench", PENGUINS, "--target", "species", "--candidates", "tree",
        "--targets", "../datasets/targets.example.yaml", "--html", html.toString());
    // 1 when no candidate meets the example's targets on this machine; the page is written either
    // way
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);

    browser.open(html);

    assertThat(browser.consoleErrors()).isEmpty();
    // score against p99 latency, and the latency distributions
    assertEveryChartDrawn(2);
    // the tables name each candidate by its full spec, which must wrap, not widen the page
    assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt())
        .as("page width").isLessThanOrEqualTo(browser.evaluate("window.innerWidth").asInt());
    assertScreenshot("bench-penguins");
  }

  /**
   * The page holds {@code expected} figures, each with a chart image and no other image, and
   * every chart loaded, decoded and laid out at its own proportions with a size above zero.
   */
  private static void assertEveryChartDrawn(int expected) {
    assertThat(browser.evaluate("document.querySelectorAll('figure').length").asInt())
        .as("figures").isEqualTo(expected);
    assertThat(browser.evaluate("document.images.length").asInt()).as("images")
        .isEqualTo(expected);
    List<ImageBox> charts = browser.images("figure > img.chart");
    assertThat(charts).hasSize(expected).allSatisfy(chart -> {
      assertThat(chart.complete()).as(chart.id() + " loaded").isTrue();
      assertThat(chart.naturalWidth()).as(chart.id() + " natural width").isPositive();
      assertThat(chart.naturalHeight()).as(chart.id() + " natural height").isPositive();
      assertThat(chart.width()).as(chart.id() + " width").isPositive();
      assertThat(chart.height()).as(chart.id() + " height").isPositive();
      assertThat(chart.width() / chart.height()).as(chart.id() + " proportions").isCloseTo(
          (double) chart.naturalWidth() / chart.naturalHeight(), within(0.02));
    });
    assertThat(charts).extracting(ImageBox::id).doesNotHaveDuplicates();
  }

  private static void assertScreenshot(String name) throws IOException {
    Path png = browser.screenshot(SCREENSHOTS.resolve(name + ".png"));

    assertThat(png).isRegularFile();
    BufferedImage shot = ImageIO.read(png.toFile());
    assertThat(shot).as(png + " is a PNG").isNotNull();
    double pageHeight = browser.evaluate("document.documentElement.scrollHeight").asDouble();
    assertThat(shot.getHeight()).as("the whole page").isGreaterThanOrEqualTo((int) pageHeight);
    assertThat(Files.size(png)).isPositive();
    assertThat(colours(shot)).as("colours in " + png + " (one is a blank page)")
        .isGreaterThan(2);
  }

  /** How many colours a sample of the image's pixels has. */
  private static long colours(BufferedImage image) {
    return IntStream.range(0, image.getHeight()).filter(y -> y % 7 == 0)
        .flatMap(y -> IntStream.range(0, image.getWidth())
            .filter(x -> x % 7 == 0).map(x -> image.getRGB(x, y)))
        .distinct().count();
  }
}
