package dev.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumb baseline --html}: the report file, and no file when the run fails. */
class BaselineHtmlCliTest {
  private static final String IRIS = "../datasets/iris.csv";

  @TempDir Path dir;

  @Test
  void writesTheHtmlReportNextToTheTable() throws IOException {
    Path html = dir.resolve("r.html");

    CliRun run = CliRun.of("baseline", IRIS, "--target", "species", "--learners", "majority,tree",
        "--folds", "3", "--html", html.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(html).isRegularFile();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<title>Baseline of iris.csv").contains("<b>majority</b>")
        .contains("<b>tree</b>").contains("src=\"data:image/svg+xml;base64,")
        .contains("<section id=\"confusion\">");
    // the terminal table is still printed
    assertThat(run.out()).contains("majority").contains("tree").contains("sanity checks:");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(html);
    }
  }

  @Test
  void writesNoFileWhenTheRunFails() throws IOException {
    Path html = dir.resolve("r.html");

    CliRun run = CliRun.of("baseline", IRIS, "--target", "nope", "--learners", "majority,tree",
        "--folds", "3", "--html", html.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("nope");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
