package dev.plumb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.plumb.testing.HeadlessBrowser.ConsoleMessage;
import dev.plumb.testing.HeadlessBrowser.ImageBox;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless browser finds what is wrong with a page: a script the Content-Security-Policy
 * blocks, an uncaught exception, a {@code console.error}, an image that failed to load or decode;
 * and it measures images and takes a screenshot of a whole page. Tiny pages written for each case.
 */
@Tag("browser")
class HeadlessBrowserTest {
  /** The policy of Plumb's reports (HtmlPage): inline styles and data images, nothing else. */
  private static final String REPORT_POLICY = "<meta http-equiv=\"Content-Security-Policy\""
      + " content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">";
  private static final String SVG = "data:image/svg+xml;base64," + Base64.getEncoder()
      .encodeToString(("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
          + "<rect width=\"200\" height=\"100\" fill=\"#4c78a8\"/></svg>")
          .getBytes(StandardCharsets.UTF_8));

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

  private Path page(String name, String head, String body) throws IOException {
    return Files.writeString(dir.resolve(name), "<!DOCTYPE html>\n<html><head>"
        + "<meta charset=\"utf-8\">" + head + "<title>" + name + "</title></head><body>" + body
        + "</body></html>\n", StandardCharsets.UTF_8);
  }

  @Test
  void reportsAnInlineScriptThatTheContentSecurityPolicyBlocks() throws IOException {
    browser.open(page("csp.html", REPORT_POLICY,
        "<p>text</p><script>document.title = 'script ran';</script>"));

    assertThat(browser.consoleErrors()).singleElement().satisfies(m -> {
      assertThat(m.source()).isEqualTo("security");
      // the wording changes between versions ("Refused to execute", "Executing ... violates")
      assertThat(m.text()).containsIgnoringCase("inline script")
          .contains("Content Security Policy");
    });
    assertThat(browser.evaluate("document.title").asText()).isEqualTo("csp.html");
  }

  @Test
  void reportsUncaughtExceptionsAndConsoleErrors() throws IOException {
    browser.open(page("script.html", "",
        "<script>console.error('boom', 42); console.log('fine'); null.x;</script>"));

    assertThat(browser.consoleErrors()).extracting(ConsoleMessage::source)
        .containsExactly("console", "exception");
    assertThat(browser.consoleErrors().get(0).text()).isEqualTo("boom 42");
    assertThat(browser.consoleErrors().get(1).text()).startsWith("TypeError")
        .contains("reading 'x'");
  }

  @Test
  void reportsAnImageThatFailedToLoadAndMeasuresItAsEmpty() throws IOException {
    browser.open(page("missing.html", "", "<img id=\"gone\" src=\"no-such-chart.svg\">"));

    assertThat(browser.consoleErrors()).singleElement().satisfies(m -> {
      assertThat(m.source()).isEqualTo("network");
      assertThat(m.text()).contains("ERR_FILE_NOT_FOUND").contains("no-such-chart.svg");
    });
    assertThat(browser.images("img")).singleElement().satisfies(img -> {
      assertThat(img.id()).isEqualTo("gone");
      assertThat(img.complete()).isTrue();
      assertThat(img.naturalWidth()).isZero();
    });
  }

  @Test
  void reportsAnImageThePolicyRefuses() throws IOException {
    browser.open(page("refused.html", REPORT_POLICY, "<img src=\"chart.svg\">"));

    assertThat(browser.consoleErrors()).singleElement().satisfies(m -> {
      assertThat(m.source()).isEqualTo("security");
      assertThat(m.text()).contains("chart.svg").contains("Content Security Policy")
          .contains("img-src data:");
    });
    assertThat(browser.images("img")).singleElement()
        .satisfies(img -> assertThat(img.naturalWidth()).isZero());
  }

  @Test
  void measuresAnUndecodableDataImageAsEmpty() throws IOException {
    // the console stays silent about an image that is not an image: only its size tells
    String notSvg = "data:image/svg+xml;base64," + Base64.getEncoder()
        .encodeToString("not an svg".getBytes(StandardCharsets.UTF_8));
    browser.open(page("broken.html", REPORT_POLICY, "<figure id=\"f\"><img class=\"chart\" src=\""
        + notSvg + "\"></figure><img class=\"chart\" src=\"" + SVG + "\">"));

    assertThat(browser.images("img.chart")).extracting(ImageBox::id, ImageBox::complete,
        ImageBox::naturalWidth).containsExactly(
            tuple("f", true, 0),
            tuple("", true, 200));
  }

  @Test
  void measuresImagesAndScreenshotsTheWholePage() throws IOException {
    browser.open(page("tall.html", REPORT_POLICY,
        "<figure id=\"chart\"><img class=\"chart\" style=\"width: 400px; height: auto\" src=\""
            + SVG + "\"></figure><div style=\"height: 3000px\"></div><p>end</p>"));

    assertThat(browser.consoleErrors()).isEmpty();
    List<ImageBox> images = browser.images("img.chart");
    assertThat(images).singleElement().satisfies(img -> {
      assertThat(img.id()).isEqualTo("chart");
      assertThat(img.complete()).isTrue();
      assertThat(img.naturalWidth()).isEqualTo(200);
      assertThat(img.naturalHeight()).isEqualTo(100);
      assertThat(img.width()).isCloseTo(400, within(0.5));
      assertThat(img.height()).isCloseTo(200, within(0.5));
    });

    Path png = browser.screenshot(dir.resolve("shots/tall.png"));

    BufferedImage shot = ImageIO.read(png.toFile());
    assertThat(shot).as("a PNG").isNotNull();
    assertThat(shot.getWidth()).isEqualTo(HeadlessBrowser.WIDTH);
    assertThat(shot.getHeight()).as("the whole page, not the viewport").isGreaterThan(3000);
  }

  @Test
  void forgetsTheErrorsOfThePageOpenedBefore() throws IOException {
    browser.open(page("bad.html", "", "<script>console.error('bad')</script>"));
    assertThat(browser.consoleErrors()).hasSize(1);

    browser.open(page("good.html", REPORT_POLICY, "<p>good</p>"));

    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void refusesAFileThatDoesNotExist() {
    Path missing = dir.resolve("nowhere.html");

    assertThatThrownBy(() -> browser.open(missing)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nowhere.html").hasMessageContaining("ERR_FILE_NOT_FOUND");
  }

  @Test
  void saysHowToInstallChromiumWhenThereIsNone() {
    Map<String, String> environment = Map.of("PATH", dir.toString());

    assertThat(HeadlessBrowser.locate(environment)).isEmpty();
    assertThatThrownBy(() -> HeadlessBrowser.launch(environment))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No Chromium found")
        .hasMessageContaining(".ci/install-chromium").hasMessageContaining("CHROME_BIN");
  }
}
